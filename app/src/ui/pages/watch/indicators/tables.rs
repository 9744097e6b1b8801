//! The dashboard's tables: the key figures against the previous period, the breakdown, the
//! trend over the years, and the definitions.

use leptos::prelude::*;

use super::text::{amount, change, count, key_rows, share};
use crate::domain::watch::indicators::{BreakdownRow, DEFINITIONS, Dashboard, TrendRow};

#[component]
pub fn KeyFigures(dashboard: Dashboard) -> impl IntoView {
    let rows = key_rows(&dashboard.current, &dashboard.previous);
    view! {
        <table class="data-table" id="key-figures">
            <caption>{format!("Chiffres clés — {}, comparés à {}", dashboard.period_label, dashboard.previous_label)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Indicateur"</th>
                    <th scope="col">{dashboard.period_label.clone()}</th>
                    <th scope="col">{dashboard.previous_label.clone()}</th>
                    <th scope="col">"Évolution"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(id, label, current, previous, delta)| view! {
                    <tr id=format!("kf-{id}")>
                        <th scope="row">{label}</th>
                        <td class="number current">{current}</td>
                        <td class="number previous">{previous}</td>
                        <td class="number">{delta}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn BreakdownTable(
    rows: Vec<BreakdownRow>,
    dimension: String,
    period: String,
    previous: String,
) -> impl IntoView {
    view! {
        <table class="data-table" id="breakdown-table">
            <caption>{format!("Par {} — {period}", dimension.to_lowercase())}</caption>
            <thead>
                <tr>
                    <th scope="col">{dimension}</th>
                    <th scope="col">"Achats"</th>
                    <th scope="col">"Montant HT"</th>
                    <th scope="col">"Considération sociale (nombre)"</th>
                    <th scope="col">"Part ESS"</th>
                    <th scope="col">"Part SIAE"</th>
                    <th scope="col">"Part handicap"</th>
                    <th scope="col">{format!("Montant {previous}")}</th>
                    <th scope="col">"Évolution du montant"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let (c, p) = (r.current, r.previous);
                    let delta = change(c.total.value().map(|v| v.amount_cents), p.total.value().map(|v| v.amount_cents));
                    view! {
                        <tr data-key=r.key>
                            <th scope="row">{r.label}</th>
                            <td class="number">{count(c.total)}</td>
                            <td class="number">{amount(c.total)}</td>
                            <td class="number">{share(&c, c.social, c.shares.social_by_count)}</td>
                            <td class="number">{share(&c, c.ess, c.shares.ess_by_amount)}</td>
                            <td class="number">{share(&c, c.siae, c.shares.siae_by_amount)}</td>
                            <td class="number">{share(&c, c.handicap, c.shares.handicap_by_amount)}</td>
                            <td class="number">{amount(p.total)}</td>
                            <td class="number">{delta}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn TrendTable(rows: Vec<TrendRow>) -> impl IntoView {
    view! {
        <table class="data-table" id="trend-table">
            <caption>"Tendance sur les années disponibles"</caption>
            <thead>
                <tr>
                    <th scope="col">"Année"</th>
                    <th scope="col">"Achats"</th>
                    <th scope="col">"Montant HT"</th>
                    <th scope="col">"Considération sociale (nombre)"</th>
                    <th scope="col">"Considération sociale (montant)"</th>
                    <th scope="col">"Part ESS"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let f = r.figures;
                    view! {
                        <tr data-year=r.year>
                            <th scope="row">{r.year}</th>
                            <td class="number">{count(f.total)}</td>
                            <td class="number">{amount(f.total)}</td>
                            <td class="number">{share(&f, f.social, f.shares.social_by_count)}</td>
                            <td class="number">{share(&f, f.social, f.shares.social_by_amount)}</td>
                            <td class="number">{share(&f, f.ess, f.shares.ess_by_amount)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn Definitions() -> impl IntoView {
    view! {
        <section id="definitions" class="definitions">
            <h2>"Définitions et sources"</h2>
            <dl>
                {DEFINITIONS.iter().map(|d| view! {
                    <dt id=d.id>{d.term}</dt>
                    <dd>{d.text} <span class="source">" Source : "{d.source}</span></dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
