use crate::domain::Code;
use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{
    domain::{calendar::french_date, directory::StructureStatus},
    error::AppError,
    server_fns::directory::{ResolveOfferFlags, StructureStep, get_moderation_queue},
    ui::components::{field_error, refusal, succeeded},
};

/// `/moderation`: structures waiting for validation and reported offers. Animators only.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let step = ServerAction::<StructureStep>::new();
    let resolve = ServerAction::<ResolveOfferFlags>::new();
    let queue = Resource::new(
        move || (step.version().get(), resolve.version().get()),
        |_| get_moderation_queue(),
    );
    view! {
            <Title text="Modération"/>
            <h1>"Modération de l'annuaire"</h1>
            <p class="muted" id="pole-desks">
                "Autres bureaux du pôle : " <a href="/pole/acheteurs">"acheteurs à vérifier"</a>
                " · " <a href="/besoins/validation">"besoins à valider"</a>
                " · " <a href="/label-hqs/dossiers">"dossiers de label"</a>
            </p>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour modérer l'annuaire. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::Forbidden) => view! {
    <ErrorView error=AppError::Forbidden>
                            <p class="panel error" id="moderation-forbidden">"La modération est réservée aux animateurs du pôle."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(queue) => view! {
                            <section class="panel">
                                <h2>"Fiches à valider"</h2>
                                {if queue.structures.is_empty() {
                                    view! { <p class="muted" id="no-pending">"Aucune fiche en attente."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list" id="pending-structures">
                                            {queue.structures.into_iter().map(|p| view! {
                                                <li>
                                                    <a href=format!("/structures/{}", p.slug)>{p.name.clone()}</a>
                                                    " · " <span class="muted">{p.kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")}</span>
                                                    " · SIRET " {p.siret.clone().unwrap_or_default()}
                                                    " · " {p.commune_name.clone().unwrap_or_default()}
                                                    " · soumise le " {french_date(p.submitted_at)}
                                                    <ModerationControls
                                                        action=step structure_id=p.id.clone() status=StructureStatus::Submitted back="/moderation".to_owned()/>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                            <section class="panel">
                                <h2>"Offres signalées"</h2>
                                {if queue.offers.is_empty() {
                                    view! { <p class="muted" id="no-flag">"Aucune offre signalée."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list" id="flagged-offers">
                                            {queue.offers.into_iter().map(|f| {
                                                let (dismiss_id, archive_id) = (f.offer_id.clone(), f.offer_id.clone());
                                                view! {
                                                <li>
                                                    <a href=format!("/offres/{}", f.offer_slug)>{f.offer_title.clone()}</a>
                                                    " (" {f.structure_name.clone()} ") · signalée le " {french_date(f.reported_at)}
                                                    <blockquote>{f.reason.clone()}</blockquote>
                                                    <ActionForm action=resolve attr:class="inline-form">
                                                        <input type="hidden" name="offer_id" value=dismiss_id/>
                                                        <input type="hidden" name="decision" value="dismiss"/>
                                                        <button type="submit" class="small">"Classer le signalement"</button>
                                                    </ActionForm>
                                                    " "
                                                    <ActionForm action=resolve attr:class="inline-form">
                                                        <input type="hidden" name="offer_id" value=archive_id/>
                                                        <input type="hidden" name="decision" value="archive"/>
                                                        <button type="submit" class="small secondary">"Archiver l'offre"</button>
                                                    </ActionForm>
                                                </li>
                                            }}).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                        }.into_any(),
                    }
                })}
            </Suspense>
        }
}

/// The animator's decisions on a structure in `status`: validate or refuse a submitted one,
/// suspend a published one, reinstate a suspended one. Refusal and suspension need a reason.
#[component]
pub fn ModerationControls(
    /// The page's action, so that the page reloads its data after a decision.
    action: ServerAction<StructureStep>,
    structure_id: String,
    status: StructureStatus,
    back: String,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let reason_error = field_error(answer, "reason");
    let done = succeeded(answer, "decision");
    let choices: &[(&str, &str, bool)] = match status {
        StructureStatus::Submitted => {
            &[("validate", "Valider et publier", false), ("refuse", "Refuser", true)]
        }
        StructureStatus::Published => &[("suspend", "Suspendre", true)],
        StructureStatus::Suspended => &[("reinstate", "Rétablir", false)],
        _ => &[],
    };
    (!choices.is_empty()).then(|| view! {
        <div class="moderation-controls">
            {choices.iter().map(|(step, label, needs_reason)| {
                let (structure_id, back) = (structure_id.clone(), back.clone());
                view! {
                <ActionForm action=action attr:class="moderation-form" attr:data-step=*step>
                    <input type="hidden" name="structure_id" value=structure_id.clone()/>
                    <input type="hidden" name="step" value=*step/>
                    <input type="hidden" name="back" value=back.clone()/>
                    {needs_reason.then(|| view! {
                        <label class="sr-only" for=format!("motif-{step}-{structure_id}")>"Motif"</label>
                        <input
                            id=format!("motif-{step}-{structure_id}")
                            name="reason"
                            placeholder="Motif (envoyé à la structure)"
                            aria-describedby=format!("motif-erreur-{structure_id}")
                        />
                    })}
                    <button type="submit" class="small" class:secondary=*needs_reason>{*label}</button>
                </ActionForm>
            }}).collect_view()}
            <p class="field-error" role="alert" id=format!("motif-erreur-{structure_id}")>{move || reason_error.get()}</p>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Show when=move || done.get()>
                <p class="success" role="status">"Décision enregistrée."</p>
            </Show>
        </div>
    })
}
