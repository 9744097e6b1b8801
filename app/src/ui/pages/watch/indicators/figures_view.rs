//! The dashboard's figures: key figures, each chart beside its table, the exports' links.

use leptos::prelude::*;

use super::{
    chart::{Bar, BarChart},
    tables::{BreakdownTable, KeyFigures, TrendTable},
    text::{amount, share},
};
use crate::domain::watch::indicators::{Dashboard, percent};

/// `/veille/export.csv?tableau=…&<filters>`.
fn export_links(table: &'static str, query: &str) -> impl IntoView + use<> {
    let href = |ext: &str| format!("/veille/export.{ext}?tableau={table}&{query}");
    view! {
        <p class="exports no-print">
            "Exporter ce tableau : "
            <a href=href("csv") class=format!("export-{table}-csv")>"CSV"</a>
            " · "
            <a href=href("xlsx") class=format!("export-{table}-xlsx")>"XLSX"</a>
        </p>
    }
}

fn breakdown_bars(d: &Dashboard) -> (Vec<Bar>, f64) {
    let bars: Vec<Bar> = d
        .breakdown
        .iter()
        .map(|r| Bar {
            label: r.label.clone(),
            value: r.current.total.value().map(|p| p.amount_cents as f64),
            text: amount(r.current.total),
        })
        .collect();
    let max = bars.iter().filter_map(|b| b.value).fold(0.0, f64::max);
    (bars, max)
}

fn trend_bars(d: &Dashboard) -> Vec<Bar> {
    d.trend
        .iter()
        .map(|t| {
            let f = &t.figures;
            Bar {
                label: t.year.to_string(),
                value: f.shares.social_by_count.filter(|_| !f.social.is_secret()),
                text: share(f, f.social, f.shares.social_by_count),
            }
        })
        .collect()
}

#[component]
pub fn FiguresView(dashboard: Dashboard) -> impl IntoView {
    let query = dashboard.filters.query_string();
    let (bars, max) = breakdown_bars(&dashboard);
    let trend = trend_bars(&dashboard);
    let social_now =
        percent(dashboard.current.shares.social_by_count, dashboard.current.social.is_secret());
    let d = dashboard.clone();
    view! {
        <p class="scope" id="scope">{dashboard.scope.label()} " · " {dashboard.period_label.clone()}
            {dashboard.scope.has_secret().then(|| view! {
                " · " <a href="#def-secret">"les chiffres de moins de trois acheteurs sont « secret »"</a>
            })}
        </p>
        <section id="key-figures-section">
            <h2>"Chiffres clés"</h2>
            <p class="headline" id="pnad-share">
                "Part des achats avec au moins une considération sociale : " <strong>{social_now}</strong>
                " (objectif national PNAD : 30 %)"
            </p>
            <KeyFigures dashboard=d.clone()/>
            {export_links("chiffres", &query)}
        </section>
        <section id="breakdown-section" class="chart-and-table">
            <h2>{format!("Par {}", dashboard.dimension_label.to_lowercase())}</h2>
            {(!dashboard.rows_add_up).then(|| view! {
                <p class="hint">"Une structure de plusieurs types compte dans chacun : les lignes ne s'additionnent pas."</p>
            })}
            <BarChart id="breakdown-chart"
                title=format!("Montant des achats par {} — {}", dashboard.dimension_label.to_lowercase(), dashboard.period_label)
                description=format!("Barres horizontales : le montant hors taxes de chaque ligne du tableau qui suit ({} lignes) ; les lignes secrètes n'ont pas de barre.", dashboard.breakdown.len())
                bars max/>
            <BreakdownTable rows=dashboard.breakdown.clone() dimension=dashboard.dimension_label.clone()
                period=dashboard.period_label.clone() previous=dashboard.previous_label.clone()/>
            {export_links("ventilation", &query)}
        </section>
        <section id="trend-section" class="chart-and-table">
            <h2>"Tendance"</h2>
            <BarChart id="trend-chart"
                title="Part des achats avec au moins une considération sociale, par année".to_owned()
                description="Barres horizontales : pour chaque année du tableau qui suit, la part en nombre des achats avec une clause sociale, un critère social ou un marché réservé ; la ligne pointillée marque l'objectif de 30 % du PNAD.".to_owned()
                bars=trend max=1.0 target=(0.3, "30 %")/>
            <TrendTable rows=dashboard.trend.clone()/>
            {export_links("tendance", &query)}
        </section>
    }
}
