//! `/veille/rapport?mois=AAAA-MM`: the monthly report, made to be printed on A4 (see
//! `style/watch.css`): the key figures, the charts with their tables, the definitions.
//! The other parameters of the dashboard apply too.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    figures_view::FiguresView,
    page::{query_pairs, query_string},
    tables::Definitions,
};
use crate::{
    domain::watch::indicators::DashboardAnswer, server_fns::watch::get_indicators,
    ui::components::ErrorView,
};

#[component]
pub fn IndicatorsReportPage() -> impl IntoView {
    let pairs = query_pairs();
    // A month's report breaks down by structure kind unless asked otherwise.
    let query = move || {
        let mut pairs = pairs.get();
        if !pairs.iter().any(|(k, v)| k == "ventilation" && !v.is_empty()) {
            pairs.push(("ventilation".into(), "type_structure".into()));
        }
        query_string(&pairs)
    };
    let answer = Resource::new(query, get_indicators);
    view! {
        <Title text="Rapport de la veille des achats"/>
        <article class="report" id="indicators-report">
            <Suspense fallback=|| view! { <p class="muted">"Calcul des indicateurs…"</p> }>
                {move || Suspend::new(async move {
                    match answer.await {
                        Ok(DashboardAnswer::Shown(d)) => view! {
                            <h1>{format!("Veille des achats solidaires — {}", d.period_label)}</h1>
                            <p class="no-print">
                                <span class="js-only">
                                    <button type="button" on:click=|_| { window().print().ok(); }>"Imprimer"</button>
                                    " · "
                                </span>
                                <a href=format!("/veille?{}", d.filters.query_string())>"Ouvrir le tableau de bord"</a>
                            </p>
                            <FiguresView dashboard=*d/>
                        }.into_any(),
                        Ok(DashboardAnswer::Invalid(errors)) => view! {
                            <h1>"Rapport de la veille des achats"</h1>
                            <ul class="error" role="alert" id="report-invalid">
                                {errors.into_iter().map(|(_, m)| view! { <li>{m}</li> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Suspense>
            <Definitions/>
        </article>
    }
}
