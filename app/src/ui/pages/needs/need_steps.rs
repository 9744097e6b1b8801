//! The steps a reader may take on a need: its buyer submits or withdraws it; the pôle's
//! animators validate, return (with a message) or refuse (with a reason).

use leptos::prelude::*;

use crate::{
    domain::needs::{NeedState, views::NeedView},
    server_fns::needs::NeedStep,
    ui::components::{field_error, refusal},
};

fn step_button(
    action: ServerAction<NeedStep>,
    need_id: String,
    step: &'static str,
    label: &'static str,
    id: &'static str,
) -> impl IntoView + use<> {
    view! {
        <ActionForm action=action attr:class="inline-form" attr:id=id>
            <input type="hidden" name="need_id" value=need_id/>
            <input type="hidden" name="step" value=step/>
            <button type="submit">{label}</button>
        </ActionForm>
    }
}

#[component]
pub fn StepsPanel(action: ServerAction<NeedStep>, need: NeedView) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let state = need.summary.state;
    let id = need.summary.id.clone();
    let rights = need.rights;
    let buyer_steps = rights.manages.then(|| {
        let submit = state.editable().then(|| {
            let hint = if rights.verified {
                "Le pôle relit le besoin avant de le publier et de prévenir les structures."
            } else {
                "Votre organisation doit être vérifiée par le pôle avant de publier : le brouillon est gardé."
            };
            view! {
                <p class="muted">{hint}</p>
                {step_button(action, id.clone(), "submit", "Envoyer au pôle pour validation", "need-submit")}
            }
        });
        let cancel = matches!(state, NeedState::Draft | NeedState::Submitted | NeedState::Returned | NeedState::Published)
            .then(|| step_button(action, id.clone(), "cancel", "Retirer le besoin", "need-cancel"));
        view! { {submit} {cancel} }
    });
    let reason_error = field_error(answer, "reason");
    let moderation = (rights.moderates && state == NeedState::Submitted).then(|| view! {
        <ActionForm action=action attr:id="need-moderation">
            <input type="hidden" name="need_id" value=id.clone()/>
            <div class="field" class:field-invalid=move || reason_error.get().is_some()>
                <label for="champ-reason">"Message à l'acheteur (obligatoire pour renvoyer ou refuser)"</label>
                <textarea id="champ-reason" name="reason" rows="3" aria-describedby="champ-reason-erreur"></textarea>
                <p class="field-error" id="champ-reason-erreur" role="alert">{move || reason_error.get()}</p>
            </div>
            <button type="submit" name="step" value="validate" id="need-validate">"Valider et publier"</button>
            " "
            <button type="submit" name="step" value="return" class="secondary" id="need-return">"Renvoyer pour modification"</button>
            " "
            <button type="submit" name="step" value="refuse" class="secondary" id="need-refuse">"Refuser"</button>
        </ActionForm>
    });
    let any = buyer_steps.is_some() || moderation.is_some();
    any.then(|| view! {
        <section class="panel" id="need-steps">
            <h2>"Suite"</h2>
            {buyer_steps}
            {moderation}
            <p class="error" role="alert" id="need-step-refusal">{refusal(answer)}</p>
            <ul class="field-errors">
                {move || answer.get().and_then(|a| a.ok()).and_then(|o| o.errors().cloned()).map(|errors| {
                    errors.fields().filter(|f| *f != "reason").map(|f| view! { <li>{errors.get(f).unwrap_or_default().to_owned()}</li> }).collect_view()
                })}
            </ul>
        </section>
    })
}
