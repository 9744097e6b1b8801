//! `/besoins`: the open needs, filtered by sector and kind (a plain GET form).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::VariantArray;

use crate::{
    domain::{
        Code,
        calendar::french_iso_date,
        needs::{NeedKind, views::NeedSummary},
    },
    server_fns::needs::get_open_needs,
    ui::{components::ErrorView, pages::directory::choices},
};

#[component]
pub fn NeedsPage() -> impl IntoView {
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        (q.get("secteur").unwrap_or_default(), q.get("type").unwrap_or_default())
    };
    let needs = Resource::new(filters, |(sector, kind)| get_open_needs(sector, kind));
    let (sector, kind) = filters();
    let kinds: Vec<(String, String)> =
        std::iter::once((String::new(), "Tous les types".to_owned()))
            .chain(NeedKind::VARIANTS.iter().map(|k| (k.code().to_owned(), k.label().to_owned())))
            .collect();
    let mut sectors = choices::sectors();
    sectors[0].1 = "Tous les secteurs".into();
    view! {
        <Title text="Besoins des acheteurs"/>
        <h1>"Besoins des acheteurs"</h1>
        <p>
            "Les besoins publiés par les acheteurs vérifiés du pôle, ouverts jusqu'à leur date limite. "
            <a href="/besoins/nouveau">"Déposer un besoin"</a> " · " <a href="/besoins/mes-besoins">"Mes besoins"</a>
        </p>
        <form method="get" action="/besoins" class="panel filters" id="needs-filters">
            <label for="filtre-secteur">"Secteur"</label>
            <select id="filtre-secteur" name="secteur">
                {sectors.into_iter().map(|(code, label)| {
                    let selected = code == sector;
                    view! { <option value=code selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <label for="filtre-type">"Type"</label>
            <select id="filtre-type" name="type">
                {kinds.into_iter().map(|(code, label)| {
                    let selected = code == kind;
                    view! { <option value=code selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <button type="submit">"Filtrer"</button>
        </form>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match needs.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="panel muted" id="no-need">"Aucun besoin ouvert pour ces critères."</p> }.into_any(),
                    Ok(list) => view! { <NeedList needs=list id="open-needs"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Needs as links, with their buyer, place and deadline.
#[component]
pub fn NeedList(needs: Vec<NeedSummary>, id: &'static str) -> impl IntoView {
    view! {
        <ul class="plain-list panel" id=id>
            {needs.into_iter().map(|n| view! {
                <li class="need-item">
                    <a href=format!("/besoins/{}", n.id)>{n.title.clone()}</a>
                    <span class="muted">
                        {format!(" · {}", n.buyer)}
                        {n.kind.map(|k| format!(" · {}", k.label()))}
                        {n.sector.clone().map(|s| format!(" · {s}"))}
                        {n.place.clone().map(|p| format!(" · {p}"))}
                        {n.deadline_on.as_deref().map(|d| format!(" · réponse avant le {}", french_iso_date(d)))}
                        {format!(" · {}", n.state.label())}
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
}
