//! `/guide/{slug}`: one page of the guide — its facts, the calculator it explains if any,
//! its text, the référentiel's criteria and templates it corresponds to, and the live count
//! of the structures that can answer.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::{
    domain::guide::{GuidePage, INSERTION_CALCULATOR, OETH_CALCULATOR, STATEMENT},
    server_fns::guide::get_guide_page,
    ui::{
        components::ErrorView,
        pages::guide::{insertion::InsertionCalculator, oeth::OethCalculator},
    },
};

#[component]
pub fn GuidePageView() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    view! { <Page slug/> }
}

/// `/accessibilite`: the accessibility statement, written and served like the guide's pages.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <Page slug=|| STATEMENT.to_owned()/> }
}

#[component]
fn Page(slug: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    let page = Resource::new(slug, get_guide_page);
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <Article page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Article(page: GuidePage) -> impl IntoView {
    let GuidePage { slug, meta, html, criteria, templates, count, checked_text } = page;
    let in_guide = slug != STATEMENT;
    let calculator = match slug.as_str() {
        INSERTION_CALCULATOR => Some(view! { <InsertionCalculator/> }.into_any()),
        OETH_CALCULATOR => Some(view! { <OethCalculator/> }.into_any()),
        _ => None,
    };
    let answer = meta.search.clone().map(|address| {
        let text = match count {
            Some(0) => {
                "Aucune structure de l'annuaire ne correspond pour l'instant : voir la recherche"
                    .to_owned()
            }
            Some(1) => "1 résultat dans l'annuaire : le voir".to_owned(),
            Some(n) => format!("{n} résultats dans l'annuaire : les voir"),
            None => "Voir la recherche dans l'annuaire".to_owned(),
        };
        view! {
            <p class="guide-answer" id="guide-answer">
                <strong>"Qui peut répondre ? "</strong>
                <a href=address id="guide-search">{text}</a>
            </p>
        }
    });
    view! {
        <Title text=meta.title.clone()/>
        <Meta name="description" content=meta.summary.clone()/>
        {in_guide.then(|| view! {
            <p class="breadcrumb"><a href="/guide">"Guide de l'achat solidaire"</a></p>
        })}
        <h1>{meta.title.clone()}</h1>
        <p class="guide-facts">
            {in_guide.then(|| view! { <span class="badge">{meta.audience.label()}</span>" " })}
            {meta.basis.clone()}
            " · " <span id="guide-checked">{format!("Texte vérifié le {checked_text}")}</span>
        </p>
        {answer}
        {calculator}
        <article class="guide-text" inner_html=html></article>
        {(!criteria.is_empty() || !templates.is_empty()).then(|| view! {
            <aside class="panel" id="guide-referential">
                <h2>"Dans Ecossol"</h2>
                <ul>
                    {criteria.into_iter().map(|(code, name)| view! {
                        <li>"Critère du référentiel : " <a href=format!("/hqs#critere-{code}")>{name}</a></li>
                    }).collect_view()}
                    {templates.into_iter().map(|(code, name)| view! {
                        <li>"Modèle de profil : " <a href=format!("/hqs/profils/nouveau?modele={code}")>{name}</a></li>
                    }).collect_view()}
                </ul>
            </aside>
        })}
    }
}
