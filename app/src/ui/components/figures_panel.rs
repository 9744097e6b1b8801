use leptos::prelude::*;

use crate::{domain::Figures, server_fns::home::home_figures};

/// Live figures of the catalogue, with a refresh button.
///
/// Without JavaScript the button submits a GET form that reloads the page; once hydrated it
/// fetches the figures again in place and says so.
#[component]
pub fn FiguresPanel() -> impl IntoView {
    let figures = Resource::new(|| (), |()| home_figures());
    let (refreshed, set_refreshed) = signal(false);
    let refresh = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        figures.refetch();
        set_refreshed.set(true);
    };
    view! {
        <section class="figures" aria-labelledby="figures-title">
            <h2 id="figures-title">"Le catalogue en chiffres"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Chargement des chiffres…"</p> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(figures) => view! { <FiguresList figures/> }.into_any(),
                        Err(error) => {
                            view! { <p class="error" role="alert">{error.to_string()}</p> }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
            <form method="get" action="/" on:submit=refresh>
                <button type="submit" id="refresh-figures">"Actualiser les chiffres"</button>
                <Show when=move || refreshed.get()>
                    <span class="refresh-note" role="status">"Chiffres actualisés."</span>
                </Show>
            </form>
        </section>
    }
}

#[component]
fn FiguresList(figures: Figures) -> impl IntoView {
    let indexed = match figures.indexed_documents {
        Some(count) => count.to_string(),
        None => "indisponible".to_owned(),
    };
    view! {
        <dl class="figures-list">
            <div>
                <dt>"Structures publiées"</dt>
                <dd data-figure="structures">{figures.structures}</dd>
            </div>
            <div>
                <dt>"Offres publiées"</dt>
                <dd data-figure="offers">{figures.offers}</dd>
            </div>
            <div>
                <dt>"Documents dans l'index de recherche"</dt>
                <dd data-figure="indexed">{indexed}</dd>
            </div>
        </dl>
    }
}
