use crate::domain::Code;
use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::server_fns::directory::get_directory;

/// `/annuaire`: published structures by name, 50 a page, and the CSV export.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let query = use_query_map();
    let page =
        move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1).max(1);
    let list = Resource::new(page, get_directory);
    view! {
        <Title text="Annuaire des structures"/>
        <Meta name="description" content="Annuaire des structures de l'économie sociale et solidaire de Grenoble-Alpes Métropole."/>
        <h1>"Annuaire des structures"</h1>
        <p><a href="/annuaire.csv" id="export-csv" download="annuaire-ecossol.csv">"Télécharger l'annuaire (CSV)"</a></p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(structures) => {
                        let n = page();
                        let full = structures.len() == 50;
                        view! {
                            <ul class="plain-list" id="directory">
                                {structures.into_iter().map(|s| view! {
                                    <li>
                                        <a href=format!("/structures/{}", s.slug)>{s.name.clone()}</a>
                                        " · " <span class="muted">{s.kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")}</span>
                                        {s.commune_name.clone().map(|c| view! { " · " {c} })}
                                    </li>
                                }).collect_view()}
                            </ul>
                            <nav class="pager" aria-label="Pages">
                                {(n > 1).then(|| view! { <a href=format!("/annuaire?page={}", n - 1)>"← Précédente"</a> })}
                                " "
                                {full.then(|| view! { <a href=format!("/annuaire?page={}", n + 1)>"Suivante →"</a> })}
                            </nav>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
