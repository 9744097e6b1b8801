//! In a structure's workspace: its label files, and the button to apply (or renew).

use leptos::prelude::*;

use super::desk::FileList;
use crate::{
    server::label::{ApplyLabel, get_label_files},
    ui::components::refusal,
};

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
                {move || Suspend::new(async move {
                    match files.await {
                        Ok(Some(list)) if !list.is_empty() => view! { <FileList files=list/> }.into_any(),
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
            {published.then(|| view! {
                <ActionForm action=apply attr:id="label-apply-form">
                    <input type="hidden" name="structure_id" value=structure_id.clone()/>
                    <input type="hidden" name="back" value=format!("/espace/structures/{structure_id}")/>
                    <button type="submit">"Demander le label (ou son renouvellement)"</button>
                </ActionForm>
            })}
            <p class="error" role="alert" id="label-apply-refusal">{move || refused.get()}</p>
        </section>
    }
}
