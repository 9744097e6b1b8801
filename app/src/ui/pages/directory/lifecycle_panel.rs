use leptos::prelude::*;

use crate::{
    domain::directory::StructureStatus, server_fns::directory::StructureStep,
    ui::components::refusal,
};

/// The owner's steps: submit a draft, archive, reopen an archived profile.
#[component]
pub fn LifecyclePanel(
    action: ServerAction<StructureStep>,
    structure_id: String,
    status: StructureStatus,
    can_submit: bool,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let form = move |step, label, class, id| {
        step_form(action, structure_id.clone(), step, label, class, id)
    };
    view! {
        <section class="panel" id="cycle">
            <h2>"Publication"</h2>
            {match status {
                StructureStatus::Draft => view! {
                    <p>
                        {if can_submit {
                            "La fiche est complète : soumettez-la au pôle, qui vérifiera l'identité et le type de la structure avant de la publier."
                        } else {
                            "Complétez les éléments obligatoires, puis soumettez la fiche au pôle."
                        }}
                    </p>
                    {form("submit", "Soumettre au pôle pour validation", "", "submit-form")}
                }.into_any(),
                StructureStatus::Submitted => view! {
                    <p id="awaiting">"La fiche attend la validation du pôle. Vous pouvez encore la modifier."</p>
                }.into_any(),
                StructureStatus::Published => view! {
                    <p>"La fiche est publique dans l'annuaire."</p>
                }.into_any(),
                StructureStatus::Suspended => view! {
                    <p>"La fiche est suspendue par le pôle : elle n'est plus publique. Voir le motif dans l'historique."</p>
                }.into_any(),
                StructureStatus::Archived => view! {
                    <p>"La fiche est archivée."</p>
                    {form("reopen", "Rouvrir la fiche (brouillon)", "", "reopen-form")}
                }.into_any(),
            }}
            {(status != StructureStatus::Archived).then(|| form("archive", "Archiver la fiche", "small secondary", "archive-form"))}
            <p class="error" role="alert" id="step-refusal">{refusal(answer)}</p>
        </section>
    }
}

fn step_form(
    action: ServerAction<StructureStep>,
    structure_id: String,
    step: &'static str,
    label: &'static str,
    class: &'static str,
    id: &'static str,
) -> impl IntoView + use<> {
    view! {
        <ActionForm action=action attr:class="inline-form" attr:id=id>
            <input type="hidden" name="structure_id" value=structure_id/>
            <input type="hidden" name="step" value=step/>
            <button type="submit" class=class>{label}</button>
        </ActionForm>
    }
}
