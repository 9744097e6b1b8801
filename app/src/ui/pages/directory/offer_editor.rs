use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    offer_fields::OfferFields,
    uploads_panel::{UploadForm, UploadMessage},
};
use crate::{
    domain::directory::OfferStatus,
    error::AppError,
    server_fns::directory::{RemoveUpload, SetOfferStatus, UpdateOffer, get_offer_editor},
    ui::components::{refusal, succeeded},
};

/// `/espace/offres/{id}`: edit an offer, publish or archive it.
#[component]
pub fn OfferEditorPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let update = ServerAction::<UpdateOffer>::new();
    let status = ServerAction::<SetOfferStatus>::new();
    let remove_photo = ServerAction::<RemoveUpload>::new();
    let editor = Resource::new(
        move || (id(), status.version().get(), remove_photo.version().get()),
        |(id, ..)| get_offer_editor(id),
    );
    let answer = Signal::derive(move || update.value().get());
    let status_answer = Signal::derive(move || status.value().get());
    let saved = succeeded(answer, "enregistre");
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour modifier cette offre. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::Forbidden) => view! {
    <ErrorView error=AppError::Forbidden>
                            <p class="panel error">"Seuls les membres de la structure peuvent modifier ses offres."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(ed) => {
                            let o = ed.offer.clone();
                            let status_form = move |code: &'static str, label: &'static str, id: &'static str| view! {
                                <ActionForm action=status attr:class="inline-form" attr:id=id>
                                    <input type="hidden" name="offer_id" value=o.id.clone()/>
                                    <input type="hidden" name="status" value=code/>
                                    <button type="submit" class="small">{label}</button>
                                </ActionForm>
                            };
                            view! {
                                <Title text=format!("Offre : {}", ed.offer.title)/>
                                <p><a href=format!("/espace/structures/{}", ed.structure_id)>"← " {ed.offer.structure_name.clone()}</a></p>
                                <h1>{ed.offer.title.clone()}</h1>
                                <p>
                                    "État : " <strong id="offer-status">{ed.offer.status.label()}</strong>
                                    " · " <a href=format!("/offres/{}", ed.offer.slug)>"Aperçu"</a>
                                </p>
                                <section class="panel" id="offer-cycle">
                                    {match ed.offer.status {
                                        OfferStatus::Draft => status_form("published", "Publier l'offre", "publish-offer").into_any(),
                                        OfferStatus::Published => status_form("archived", "Archiver l'offre", "archive-offer").into_any(),
                                        OfferStatus::Archived => status_form("draft", "Remettre en brouillon", "draft-offer").into_any(),
                                    }}
                                    <p class="muted">"Une offre publiée n'est visible que lorsque la fiche de la structure est publiée."</p>
                                    <p class="error" role="alert">{refusal(status_answer)}</p>
                                </section>
                                <section class="panel" id="photos">
                                    <h2>"Photos"</h2>
                                    <UploadMessage/>
                                    <div class="photos">
                                        {ed.offer.photos.clone().into_iter().map(|id| {
                                            let (sid, back) = (ed.structure_id.clone(), format!("/espace/offres/{}", ed.offer.id));
                                            view! {
                                            <figure>
                                                <img src=format!("/documents/{id}") alt="Photo de l'offre"/>
                                                <ActionForm action=remove_photo attr:class="inline-form">
                                                    <input type="hidden" name="structure_id" value=sid/>
                                                    <input type="hidden" name="document_id" value=id.clone()/>
                                                    <input type="hidden" name="back" value=back/>
                                                    <button type="submit" class="small secondary">"Retirer"</button>
                                                </ActionForm>
                                            </figure>
                                        }
                                        }).collect_view()}
                                    </div>
                                    <UploadForm
                                        structure_id=ed.structure_id.clone()
                                        purpose="photo"
                                        label="Ajouter une photo (PNG, JPEG ou WebP, 2 Mo au plus)"
                                        accept="image/png,image/jpeg,image/webp"
                                        back=format!("/espace/offres/{}", ed.offer.id)
                                        offer_id=ed.offer.id.clone()
                                    />
                                </section>
                                <section class="panel">
                                    <ActionForm action=update attr:id="offer-form" attr:novalidate=true>
                                        <input type="hidden" name="offer_id" value=ed.offer.id.clone()/>
                                        <OfferFields answer form=ed.form.clone()/>
                                        <p class="error" role="alert">{refusal(answer)}</p>
                                        <Show when=move || saved.get()>
                                            <p class="success" role="status" id="offer-saved">"Offre enregistrée."</p>
                                        </Show>
                                        <button type="submit">"Enregistrer l'offre"</button>
                                    </ActionForm>
                                </section>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}
