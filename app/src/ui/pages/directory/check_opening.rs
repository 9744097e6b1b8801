//! On a structure's page, for procurement officers: open an HQS check of the structure (and
//! optionally of one of its offers) with one of their profiles.

use leptos::prelude::*;

use crate::{
    domain::hqs::views::BuyerChoice,
    server_fns::hqs::{OpenCheck, get_check_opening},
    ui::components::refusal,
};

/// Why an officer whose buyers the pôle has not verified opens no check, and where to ask.
#[component]
fn UnverifiedBuyers(buyers: Vec<BuyerChoice>) -> impl IntoView {
    view! {
        <section class="panel" id="check-unverified">
            <h2>"Contrôle « Haute Qualité Solidaire »"</h2>
            <p>
                "Pour ouvrir un contrôle, votre organisation doit être vérifiée par le pôle "
                "(SIRET et catégorie d'acheteur). Demandez la vérification depuis sa page :"
            </p>
            <ul class="plain-list">
                {buyers.into_iter().map(|b| view! {
                    <li><a href=format!("/organisations/{}", b.id)>{b.name}</a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn CheckOpeningPanel(structure_id: String, slug: String) -> impl IntoView {
    let form_structure_id = structure_id.clone();
    let opening = Resource::new(move || structure_id.clone(), get_check_opening);
    let action = ServerAction::<OpenCheck>::new();
    let answer = Signal::derive(move || action.value().get());
    let refused = refusal(answer);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let slug = slug.clone();
                let structure_id = form_structure_id.clone();
                Suspend::new(async move {
                    let Ok(Some(opening)) = opening.await else { return ().into_any() };
                    if opening.buyers.is_empty() {
                        return view! { <UnverifiedBuyers buyers=opening.unverified/> }.into_any();
                    }
                    if opening.profiles.is_empty() {
                        return view! {
                            <p class="panel muted" id="check-no-profile">"Pour contrôler cette structure, créez d'abord un " <a href="/hqs/profils">"profil d'exigences"</a> "."</p>
                        }.into_any();
                    }
                    view! {
                        <section class="panel" id="check-opening">
                            <h2>"Contrôle « Haute Qualité Solidaire »"</h2>
                            <ActionForm action=action attr:id="check-open-form">
                                <input type="hidden" name="structure_id" value=structure_id/>
                                <input type="hidden" name="back" value=format!("/structures/{slug}")/>
                                <div class="field">
                                    <label for="champ-check-organisation">"Pour"</label>
                                    <select id="champ-check-organisation" name="organisation_id">
                                        {opening.buyers.iter().map(|b| view! { <option value=b.id.clone()>{b.name.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="champ-check-profile">"Avec le profil"</label>
                                    <select id="champ-check-profile" name="profile_id">
                                        {opening.profiles.iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()} " · " {p.organisation_name.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="champ-check-offer">"Pour l'offre (facultatif)"</label>
                                    <select id="champ-check-offer" name="offer_id">
                                        <option value="">"— la structure —"</option>
                                        {opening.offers.iter().map(|(id, title)| view! { <option value=id.clone()>{title.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                                <p class="error" role="alert">{move || refused.get()}</p>
                                <button type="submit">"Ouvrir le contrôle"</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
