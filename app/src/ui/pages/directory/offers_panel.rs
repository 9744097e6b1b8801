use leptos::prelude::*;

use super::offer_fields::OfferFields;
use crate::{
    domain::directory::{OfferForm, views::OfferSummary},
    server_fns::directory::CreateOffer,
    ui::components::refusal,
};

/// The structure's offers, and a form for a new one.
#[component]
pub fn OffersPanel(
    create: ServerAction<CreateOffer>,
    structure_id: String,
    offers: Vec<OfferSummary>,
) -> impl IntoView {
    let answer = Signal::derive(move || create.value().get());
    view! {
        <section class="panel" id="offres">
            <h2>"Offres"</h2>
            {if offers.is_empty() {
                view! { <p class="muted">"Aucune offre pour l'instant."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" id="workspace-offers">
                        {offers.into_iter().map(|o| view! {
                            <li>
                                <a href=format!("/espace/offres/{}", o.id)>{o.title.clone()}</a>
                                " · " <span class="muted">{o.status.label()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <details id="nouvelle-offre">
                <summary>"Nouvelle offre"</summary>
                <ActionForm action=create attr:id="offer-create-form">
                    <input type="hidden" name="structure_id" value=structure_id/>
                    <OfferFields answer form=OfferForm::default()/>
                    <p class="error" role="alert">{refusal(answer)}</p>
                    <button type="submit">"Créer l'offre (brouillon)"</button>
                </ActionForm>
            </details>
        </section>
    }
}
