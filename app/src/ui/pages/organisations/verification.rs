//! On a buyer organisation's page: where the pôle's verification stands, its last reason,
//! and for owners the form that asks for it (SIRET and category).

use leptos::prelude::*;

use crate::{
    domain::{
        Code,
        calendar::french_date,
        organisations::{BuyerCategory, BuyerKind, Verification, VerificationView},
    },
    server_fns::organisations::RequestBuyerVerification,
    ui::components::{FormField, field_error, initial_value, refusal, succeeded},
};

#[component]
pub fn VerificationPanel(
    organisation_id: String,
    kind: BuyerKind,
    verification: VerificationView,
    owner: bool,
    action: ServerAction<RequestBuyerVerification>,
) -> impl IntoView {
    let state = verification.state;
    let explanation = match state {
        Verification::None => {
            "Le pôle n'a pas encore vérifié cette organisation : elle peut préparer ses profils, mais pas ouvrir de contrôle HQS ni voir les pièces des fournisseurs."
        }
        Verification::Requested => "Votre demande attend la décision d'un animateur du pôle.",
        Verification::Verified => {
            "Le pôle a vérifié cette organisation : elle ouvre des contrôles HQS."
        }
        Verification::Refused => {
            "Le pôle n'a pas vérifié cette organisation (ou lui a retiré sa vérification) : ses contrôles HQS sont gelés. Corrigez votre demande et envoyez-la de nouveau."
        }
    };
    let category = verification.category.map(BuyerCategory::label);
    view! {
        <section class="panel" id="verification">
            <h2>"Vérification par le pôle"</h2>
            <p>
                "État : " <strong id="verification-state" data-state=state.code()>{state.label()}</strong>
                {verification.siret.clone().map(|s| format!(" · SIRET {s}"))}
                {category.map(|c| format!(" · {c}"))}
            </p>
            <p class="muted">{explanation}</p>
            {verification.reason.clone().map(|reason| view! {
                <p id="verification-reason">
                    "Motif du pôle"
                    {verification.decided_at.map(|at| format!(" ({})", french_date(at)))}
                    " : " {reason}
                </p>
            })}
            {owner.then(|| view! {
                <VerificationForm organisation_id kind verification=verification.clone() action/>
            })}
        </section>
    }
}

#[component]
fn VerificationForm(
    organisation_id: String,
    kind: BuyerKind,
    verification: VerificationView,
    action: ServerAction<RequestBuyerVerification>,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let sent = succeeded(answer, "verification");
    let category_error = field_error(answer, "category");
    let siret = initial_value(verification.siret.as_deref().unwrap_or_default(), "siret");
    let stored_category = verification.category.map(Code::code).unwrap_or_default();
    let category = initial_value(stored_category, "category");
    let button = match verification.state {
        Verification::None => "Demander la vérification",
        Verification::Verified => "Mettre à jour",
        _ => "Envoyer la demande",
    };
    view! {
        <ActionForm action=action attr:id="verification-form" attr:novalidate=true>
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <FormField
                name="siret"
                label="SIRET de l'entité acheteuse"
                hint="14 chiffres. Un nouveau SIRET est de nouveau vérifié par le pôle."
                error=field_error(answer, "siret")
                value=Signal::derive(move || siret.clone())
            />
            <div class="field" class:field-invalid=move || category_error.get().is_some()>
                <label for="champ-category">"Catégorie d'acheteur"</label>
                <select
                    id="champ-category"
                    name="category"
                    aria-invalid=move || category_error.get().is_some().to_string()
                    aria-describedby="champ-category-erreur"
                >
                    <option value="">"— choisir —"</option>
                    {BuyerCategory::choices(kind)
                        .into_iter()
                        .map(|c| view! { <option value=c.code() selected=c.code() == category>{c.label()}</option> })
                        .collect_view()}
                </select>
                <p class="field-error" id="champ-category-erreur" role="alert">{move || category_error.get()}</p>
            </div>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Show when=move || sent.get()>
                <p class="success" role="status" id="verification-sent">"Votre demande est enregistrée."</p>
            </Show>
            <button type="submit">{button}</button>
        </ActionForm>
    }
}
