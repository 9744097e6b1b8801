use leptos::prelude::*;

use crate::{
    domain::{Figures, needs::budget::euros},
    server_fns::home::home_figures,
};

/// What a buyer can find on Ecossol and what was bought through it, in figures a buyer
/// reads: structures by family, offers, labelled structures, open needs, purchases.
#[component]
pub fn FiguresPanel() -> impl IntoView {
    let figures = Resource::new(|| (), |()| home_figures());
    view! {
        <section class="figures" aria-labelledby="figures-title">
            <h2 id="figures-title">"Ecossol en chiffres"</h2>
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
            <p class="muted">"Chiffres mis à jour chaque minute."</p>
        </section>
    }
}

#[component]
fn FiguresList(figures: Figures) -> impl IntoView {
    view! {
        <dl class="figures-list">
            <div>
                <dt>"Structures de l'ESS"</dt>
                <dd data-figure="structures">{figures.structures}</dd>
                <dd class="figure-detail">
                    <span data-figure="insertion">{figures.insertion}</span>" d'insertion, "
                    <span data-figure="handicap">{figures.handicap}</span>" du travail protégé et adapté, "
                    <span data-figure="ess">{figures.ess}</span>" coopératives, associations et autres"
                </dd>
            </div>
            <div>
                <dt>"Offres"</dt>
                <dd data-figure="offers">{figures.offers}</dd>
            </div>
            <div>
                <dt>"Structures labellisées HQS"</dt>
                <dd data-figure="labelled">{figures.labelled}</dd>
            </div>
            <div>
                <dt>"Besoins ouverts aux réponses"</dt>
                <dd data-figure="needs">{figures.open_needs}</dd>
            </div>
            <div>
                <dt>"Achats conclus sur Ecossol"</dt>
                <dd data-figure="purchases">{figures.purchases}</dd>
                <dd class="figure-detail" data-figure="purchases-amount">
                    {euros(figures.purchases_cents)}" HT"
                </dd>
            </div>
        </dl>
    }
}
