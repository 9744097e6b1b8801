//! In a structure's workspace: its label files, and the button to apply — or to renew a
//! label it holds — unless a file is already in progress.

use leptos::prelude::*;

use super::desk::FileList;
use crate::{
    domain::label::{LabelState, views::LabelSummary},
    server_fns::label::{ApplyLabel, get_label_files},
    ui::components::refusal,
};

/// What the button offers, given the structure's files: nothing while one is in progress.
fn offer(files: &[LabelSummary]) -> Option<&'static str> {
    if files.iter().any(|f| f.state.in_progress()) {
        return None;
    }
    let held = files.iter().any(|f| {
        matches!(f.state, LabelState::Granted | LabelState::Suspended | LabelState::Lapsed)
    });
    Some(if held { "Demander le renouvellement du label" } else { "Demander le label" })
}

#[component]
pub fn LabelPanel(structure_id: String, published: bool) -> impl IntoView {
    let apply = ServerAction::<ApplyLabel>::new();
    let answer = Signal::derive(move || apply.value().get());
    let refused = refusal(answer);
    let files_of = structure_id.clone();
    let files = Resource::new(
        move || (files_of.clone(), apply.version().get()),
        |(id, _)| get_label_files(id),
    );
    view! {
        <section class="panel" id="label-panel">
            <h2>"Label « Haute Qualité Solidaire »"</h2>
            <p>"Le pôle labellise les structures qui remplissent le " <a href="/label-hqs/profil">"profil du label"</a> "."</p>
            <Suspense fallback=|| ()>
                {move || {
                    let structure_id = structure_id.clone();
                    Suspend::new(async move {
                        let list = files.await.ok().flatten().unwrap_or_default();
                        let button = offer(&list).filter(|_| published);
                        let in_progress = published && button.is_none();
                        view! {
                            {(!list.is_empty()).then(|| view! { <FileList files=list/> })}
                            {in_progress.then(|| view! { <p class="muted" id="label-in-progress">"Un dossier est en cours : suivez-le ci-dessus."</p> })}
                            {button.map(|label| view! {
                                <ActionForm action=apply attr:id="label-apply-form">
                                    <input type="hidden" name="structure_id" value=structure_id.clone()/>
                                    <input type="hidden" name="back" value=format!("/espace/structures/{structure_id}")/>
                                    <button type="submit">{label}</button>
                                </ActionForm>
                            })}
                        }
                    })
                }}
            </Suspense>
            <p class="error" role="alert" id="label-apply-refusal">{move || refused.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(state: LabelState) -> LabelSummary {
        LabelSummary {
            id: "f".into(),
            structure_name: "S".into(),
            state,
            number: None,
            level: None,
            valid_until: None,
            updated_at: 0,
        }
    }

    #[test]
    fn the_button_applies_renews_or_waits() {
        assert_eq!(offer(&[]), Some("Demander le label"));
        assert_eq!(offer(&[file(LabelState::Refused)]), Some("Demander le label"));
        assert_eq!(
            offer(&[file(LabelState::Granted)]),
            Some("Demander le renouvellement du label")
        );
        assert_eq!(offer(&[file(LabelState::Granted), file(LabelState::Submitted)]), None);
    }
}
