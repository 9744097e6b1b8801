//! `/hqs/controles/<id>`: a check — the pre-verdict criterion by criterion, the evidence, the
//! steps each party may take, and the audit trail.

use strum::VariantArray;

use crate::domain::Code;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    check_parts::{EvaluationTable, EvidenceTable, HistoryList},
    requirements_table::RequirementsTable,
};
use crate::{
    domain::{
        calendar::french_date,
        hqs::{
            EvidenceKind,
            check::{self, CheckState},
            views::{CheckRole, CheckView, EvidenceView},
        },
    },
    error::AppError,
    server_fns::hqs::{CheckStep, ReviewEvidence, get_check},
    ui::components::{ErrorView, field_error, flashed_error, refusal},
};

#[component]
pub fn CheckPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let step = ServerAction::<CheckStep>::new();
    let review = ServerAction::<ReviewEvidence>::new();
    let check = Resource::new(
        move || (id(), step.version().get(), review.version().get()),
        |(id, _, _)| get_check(id),
    );
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match check.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir ce contrôle. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound>
                            <Title text="Contrôle introuvable"/>
                            <h1>"Contrôle introuvable"</h1>
                            <p>"Ce contrôle n'existe pas ou ne vous concerne pas."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(view) => view! { <CheckDetails view=view step=step review=review/> }.into_any(),
                    }
                })}
            </Suspense>
        }
}

#[component]
fn CheckDetails(
    view: CheckView,
    step: ServerAction<CheckStep>,
    review: ServerAction<ReviewEvidence>,
) -> impl IntoView {
    let title = format!("Contrôle : {}", view.structure_name);
    let decided = view.state == CheckState::Decided;
    let officer = view.role == CheckRole::Officer;
    let supplier = view.role == CheckRole::Supplier;
    let frozen = view.role == CheckRole::Frozen;
    let id = view.id.clone();
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {frozen.then(|| view! { <FrozenNotice buyer_id=view.buyer_id.clone()/> })}
        <p class="muted" id="check-summary">
            "Profil « " {view.profile_name.clone()} " » (référentiel v" {view.referential_version} ") · demandé par "
            {view.buyer_name.clone()} " · ouvert le " {french_date(view.opened_at)} " · "
            <a href=format!("/structures/{}", view.structure_slug)>{view.structure_name.clone()}</a>
            {view.offer_title.clone().map(|t| format!(" · offre « {t} »"))}
        </p>
        <p>
            "État : " <strong id="check-state">{view.state.label()}</strong>
            {view.decision.map(|d| view! { " · décision : " <strong id="check-decision">{d.label()}</strong> })}
            {view.decision_comment.clone().map(|c| format!(" — {c}"))}
            " · " <a href=format!("/hqs/controles/{}/rapport", view.id) id="report-link">"Rapport imprimable"</a>
        </p>
        <section class="panel">
            <h2>"Critère par critère"</h2>
            <EvaluationTable evaluation=view.evaluation.clone()/>
            <details>
                <summary>"Le profil tel qu'au jour de l'ouverture"</summary>
                <RequirementsTable requirements=view.requirements.clone()/>
            </details>
        </section>
        <section class="panel">
            <h2>"Pièces"</h2>
            <EvidenceTable evidence=view.evidence.clone() links=!frozen/>
            {(officer && !decided).then(|| view! { <ReviewForms evidence=view.evidence.clone() check_id=id.clone() action=review/> })}
            {(supplier && !decided).then(|| view! { <UploadForm check_id=id.clone()/> })}
        </section>
        {match view.label_id.clone() {
            Some(label) => view! {
                <p class="panel" id="label-file-link">
                    "Ce contrôle est le dossier d'une demande de label : "
                    <a href=format!("/label-hqs/dossiers/{label}")>"suivre le dossier de label"</a> "."
                </p>
            }.into_any(),
            None => view! { <Steps view=view.clone() action=step/> }.into_any(),
        }}
        <section class="panel">
            <h2>"Journal"</h2>
            <HistoryList history=view.history.clone()/>
        </section>
    }
}

/// For the buyer's people while the pôle does not vouch for the buyer.
#[component]
fn FrozenNotice(buyer_id: String) -> impl IntoView {
    view! {
        <p class="panel error" role="status" id="check-frozen">
            "Votre organisation n'est pas vérifiée par le pôle : ce contrôle est gelé. "
            "Les pièces du fournisseur ne sont pas consultables et aucune étape ne peut être prise "
            "tant que le pôle n'a pas vérifié l'organisation. "
            <a href=format!("/organisations/{buyer_id}")>"Demander la vérification"</a> "."
        </p>
    }
}

#[component]
fn ReviewForms(
    evidence: Vec<EvidenceView>,
    check_id: String,
    action: ServerAction<ReviewEvidence>,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let reason_error = field_error(answer, "reason");
    let refused = refusal(answer);
    view! {
        <h3>"Examiner les pièces"</h3>
        <p class="field-error" role="alert">{move || reason_error.get()}</p>
        <p class="error" role="alert">{move || refused.get()}</p>
        <ul class="plain-list" id="review-forms">
            {evidence.into_iter().map(|e| {
                let check_id = check_id.clone();
                let piece = e.id.clone();
                view! {
                    <li>
                        <ActionForm action=action attr:class="inline-form" attr:data-piece=piece>
                            <input type="hidden" name="check_id" value=check_id/>
                            <input type="hidden" name="evidence_id" value=e.id.clone()/>
                            {e.file_name.clone()} " — "
                            <label>"Motif " <input name="reason" aria-label="Motif de l'examen"/></label>
                            <button type="submit" name="decision" value="accept" class="small">"Accepter"</button>
                            " "
                            <button type="submit" name="decision" value="reject" class="small secondary">"Refuser"</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn UploadForm(check_id: String) -> impl IntoView {
    let query = use_query_map();
    let error = flashed_error("piece");
    let sent = move || query.read().get("piece").is_some();
    view! {
        <h3>"Envoyer une pièce"</h3>
        <p class="success" role="status">{move || sent().then_some("Pièce reçue.")}</p>
        <p class="field-error" id="champ-piece-erreur" role="alert">{error}</p>
        <form method="post" enctype="multipart/form-data" action=format!("/hqs/controles/{check_id}/pieces") id="evidence-form">
            <div class="field">
                <label for="champ-piece-kind">"Type de pièce"</label>
                <select id="champ-piece-kind" name="kind">
                    {EvidenceKind::VARIANTS.iter().copied().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="champ-piece-valid_until">"Valable jusqu'au (facultatif)"</label>
                <input id="champ-piece-valid_until" name="valid_until" type="date"/>
            </div>
            <div class="field">
                <label for="champ-piece-file">"Fichier (PDF, PNG ou JPEG, 5 Mo au plus)"</label>
                <input id="champ-piece-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg"/>
            </div>
            <button type="submit">"Envoyer la pièce"</button>
        </form>
    }
}

/// The fields naming the check and the step of a step's form.
fn hidden(check_id: String, step: &'static str) -> impl IntoView {
    view! {
        <input type="hidden" name="check_id" value=check_id/>
        <input type="hidden" name="step" value=step/>
    }
}

#[component]
fn Steps(view: CheckView, action: ServerAction<CheckStep>) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let text_error = field_error(answer, "text");
    let decision_error = field_error(answer, "decision");
    let refused = refusal(answer);
    let id = view.id.clone();
    let officer = view.role == CheckRole::Officer;
    let supplier = view.role == CheckRole::Supplier;
    let fields = hidden(id.clone(), "request_evidence");
    let request_form = view.allows(check::CheckStep::RequestEvidence).then(move || {
        view! {
            <ActionForm action=action attr:id="request-form">
                {fields}
                <div class="field">
                    <label for="champ-request-text">"Pièces attendues du fournisseur"</label>
                    <textarea id="champ-request-text" name="text"></textarea>
                </div>
                <button type="submit">"Demander les pièces"</button>
            </ActionForm>
        }
    });
    let fields = hidden(id.clone(), "submit_evidence");
    let submit_form = view.allows(check::CheckStep::SubmitEvidence).then(move || {
        view! {
            <ActionForm action=action attr:id="submit-form">
                {fields}
                <p>"Quand vos pièces sont déposées, prévenez l'acheteur :"</p>
                <button type="submit">"Envoyer pour examen"</button>
            </ActionForm>
        }
    });
    let fields = hidden(id.clone(), "decide");
    let decide_form = view.allows(check::CheckStep::Decide).then(move || view! {
        <ActionForm action=action attr:id="decide-form">
            {fields}
            <fieldset class="inline-choices">
                <legend>"Décision"</legend>
                <label class="checkbox"><input type="radio" name="decision" value="compliant"/>" conforme"</label>
                <label class="checkbox"><input type="radio" name="decision" value="non_compliant"/>" non conforme"</label>
            </fieldset>
            <p class="field-error" role="alert">{move || decision_error.get()}</p>
            <div class="field">
                <label for="champ-decide-text">"Commentaire (motivation)"</label>
                <textarea id="champ-decide-text" name="text"></textarea>
            </div>
            <button type="submit">"Décider"</button>
        </ActionForm>
    });
    let fields = hidden(id.clone(), "reopen");
    let reopen_form = view.allows(check::CheckStep::Reopen).then(move || {
        view! {
            <ActionForm action=action attr:id="reopen-form">
                {fields}
                <div class="field">
                    <label for="champ-reopen-text">"Raison de la réouverture"</label>
                    <textarea id="champ-reopen-text" name="text"></textarea>
                </div>
                <button type="submit" class="secondary">"Rouvrir le contrôle"</button>
            </ActionForm>
        }
    });
    let any = officer || supplier;
    any.then(|| view! {
        <section class="panel" id="steps">
            <h2>"Étapes"</h2>
            <p class="field-error" id="champ-text-erreur" role="alert">{move || text_error.get()}</p>
            <p class="error" role="alert">{move || refused.get()}</p>
            {request_form}
            {submit_form}
            {decide_form}
            {reopen_form}
        </section>
    })
}
