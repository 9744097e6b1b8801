//! The steps a person may take on a label file, as forms that work without JavaScript.

use leptos::prelude::*;

use crate::{
    domain::label::{
        LabelState,
        views::{LabelRole, LabelView},
    },
    server_fns::label::LabelStep,
    ui::components::{field_error, refusal},
};

/// One step's form: the file, the step, optional words and choice.
fn step_form(
    action: ServerAction<LabelStep>,
    id: &str,
    step: &'static str,
    button: &'static str,
    words: Option<&'static str>,
    choice: bool,
) -> impl IntoView + use<> {
    let label_id = id.to_owned();
    view! {
        <ActionForm action=action attr:id=format!("label-{step}-form") attr:class="step-form">
            <input type="hidden" name="label_id" value=label_id/>
            <input type="hidden" name="step" value=step/>
            {choice.then(|| view! {
                <fieldset class="inline-choices">
                    <legend>"Proposition"</legend>
                    <label class="checkbox"><input type="radio" name="decision" value="grant"/>" attribuer"</label>
                    <label class="checkbox"><input type="radio" name="decision" value="refuse"/>" refuser"</label>
                </fieldset>
            })}
            {words.map(|label| view! {
                <div class="field">
                    <label for=format!("champ-{step}-text")>{label}</label>
                    <textarea id=format!("champ-{step}-text") name="text"></textarea>
                </div>
            })}
            <button type="submit">{button}</button>
        </ActionForm>
    }
}

#[component]
pub fn Steps(view: LabelView, action: ServerAction<LabelStep>) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let text_error = field_error(answer, "text");
    let decision_error = field_error(answer, "decision");
    let refused = refusal(answer);
    let id = view.id.as_str();
    let animator = view.role == LabelRole::Animator;
    let holder = view.role == LabelRole::Holder;
    let mut forms = Vec::new();
    match view.state {
        LabelState::Applying if holder => forms.push(
            view! {
                <p>"Complétez vos faits et vos pièces (lien ci-dessus), puis déposez le dossier."</p>
                {step_form(action, id, "submit", "Déposer le dossier au pôle", None, false)}
            }
            .into_any(),
        ),
        LabelState::Submitted if animator => {
            forms.push(step_form(action, id, "prepare", "Instruire", Some("Synthèse de l'instruction *"), true).into_any());
            forms.push(step_form(action, id, "return", "Renvoyer à la structure", Some("Ce qui manque *"), false).into_any());
        }
        LabelState::Prepared if view.may_decide => {
            forms.push(step_form(action, id, "decide", "Décider", Some("Motivation de la décision *"), true).into_any());
            forms.push(step_form(action, id, "return", "Renvoyer à la structure", Some("Ce qui manque *"), false).into_any());
        }
        LabelState::Prepared if animator => forms.push(
            view! { <p id="four-eyes">"Vous avez instruit ce dossier : la décision revient à un autre animateur."</p> }.into_any(),
        ),
        LabelState::Granted if animator => {
            forms.push(step_form(action, id, "suspend", "Suspendre le label", Some("Raison de la suspension *"), false).into_any());
            forms.push(step_form(action, id, "withdraw", "Retirer le label", Some("Raison du retrait *"), false).into_any());
        }
        LabelState::Suspended if animator => {
            forms.push(step_form(action, id, "reinstate", "Rétablir le label", Some("Raison *"), false).into_any());
            forms.push(step_form(action, id, "withdraw", "Retirer le label", Some("Raison du retrait *"), false).into_any());
        }
        LabelState::Suspended if holder => forms.push(
            step_form(action, id, "respond", "Répondre au pôle", Some("Votre réponse *"), false).into_any(),
        ),
        _ => {}
    }
    (!forms.is_empty()).then(|| view! {
        <section class="panel" id="label-steps">
            <h2>"Étapes"</h2>
            <p class="field-error" id="champ-text-erreur" role="alert">{move || text_error.get()}</p>
            <p class="field-error" id="champ-decision-erreur" role="alert">{move || decision_error.get()}</p>
            <p class="error" role="alert" id="label-refusal">{move || refused.get()}</p>
            {forms}
        </section>
    })
}
