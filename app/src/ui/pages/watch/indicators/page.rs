//! `/veille`: the partnership's dashboard. Its whole state lives in the address; the server
//! renders the figures and their charts, so the page works and prints without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    figures_view::FiguresView,
    form::{FilterForm, Offered},
    tables::Definitions,
};
use crate::{
    domain::watch::indicators::DashboardAnswer, server_fns::watch::get_indicators,
    ui::components::ErrorView,
};

/// The address's pairs, and the same as a query string.
pub fn query_pairs() -> Memo<Vec<(String, String)>> {
    let params = use_query_map();
    Memo::new(move |_| {
        params.with(|p| p.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    })
}

pub fn query_string(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let pairs = query_pairs();
    let answer = Resource::new(move || query_string(&pairs.get()), get_indicators);
    view! {
        <Title text="Veille des achats"/>
        <h1>"Veille des achats solidaires"</h1>
        <p class="lead">
            "Ce que les acheteurs du territoire achètent à l'économie sociale et solidaire, "
            "avec quelles considérations sociales, et comment cela évolue. "
            <a href="/veille/imports">"Importer des achats"</a> " · "
            <a href=move || format!("/veille/rapport?{}", query_string(&pairs.get()))>"Rapport imprimable"</a>
        </p>
        <Transition fallback=|| view! { <p class="muted">"Calcul des indicateurs…"</p> }>
            {move || Suspend::new(async move {
                let typed = pairs.get_untracked();
                match answer.await {
                    Ok(DashboardAnswer::Shown(d)) => {
                        let offered = Offered {
                            years: d.years.clone(),
                            buyers: d.buyers.clone(),
                            organisations: d.organisations.clone(),
                        };
                        view! {
                            <FilterForm typed errors=Vec::new() offered/>
                            <div aria-live="polite" id="indicators"><FiguresView dashboard=*d/></div>
                        }.into_any()
                    }
                    Ok(DashboardAnswer::Invalid(errors)) => view! {
                        <p class="error" role="alert" id="filters-invalid">"Corrigez les filtres signalés pour afficher les indicateurs."</p>
                        <FilterForm typed errors offered=Offered::default()/>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Transition>
        <Definitions/>
    }
}
