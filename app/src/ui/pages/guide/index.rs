//! `/guide`: the guide's introduction and its pages, by audience.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::{
    domain::guide::{Audience, GuideSummary},
    server_fns::guide::get_guide_index,
    ui::components::ErrorView,
};

#[component]
pub fn GuideIndexPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_guide_index());
    view! {
        <Title text="Guide de l'achat solidaire"/>
        <Meta name="description" content="Donneurs d'ordre publics et entreprises, mode d'emploi : marchés réservés, clause d'insertion, critère social, ESUS, commerce équitable, sous-traitance au secteur protégé, et deux calculateurs."/>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok((home, pages)) => view! {
                        <h1>{home.meta.title}</h1>
                        <article class="guide-text" id="guide-home" inner_html=home.html></article>
                        <PageList pages/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PageList(pages: Vec<GuideSummary>) -> impl IntoView {
    let groups = [
        (Audience::Public, "Pour les acheteurs publics"),
        (Audience::Company, "Pour les entreprises"),
        (Audience::Everyone, "Pour tous les acheteurs"),
    ];
    view! {
        <nav class="guide-pages" id="guide-pages" aria-label="Pages du guide">
            {groups.into_iter().map(|(audience, title)| {
                let mine: Vec<GuideSummary> =
                    pages.iter().filter(|p| p.audience == audience).cloned().collect();
                (!mine.is_empty()).then(|| view! {
                    <section class="panel">
                        <h2>{title}</h2>
                        <ul class="guide-list">
                            {mine.into_iter().map(|p| view! {
                                <li>
                                    <a href=format!("/guide/{}", p.slug)>{p.title}</a>
                                    <span class="muted">" — " {p.basis}</span>
                                    <p>{p.summary}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }).collect_view()}
        </nav>
    }
}
