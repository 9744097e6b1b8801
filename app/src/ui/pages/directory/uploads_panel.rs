use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::directory::views::{CertificationView, UploadView},
    server_fns::directory::RemoveUpload,
    ui::components::flashed_error,
};

/// The French message of the last upload: `document=1` in the address, or the error the
/// page's flash holds (uploads are plain multipart forms, answered by a redirection).
#[component]
pub fn UploadMessage() -> impl IntoView {
    let query = use_query_map();
    let error = flashed_error("document");
    view! {
        {error.map(|e| view! {
            <p class="error" role="alert" id="document-error">{e}</p>
        })}
        {move || query.read().get("document").map(|_| view! {
            <p class="success" role="status" id="document-saved">"Fichier enregistré."</p>
        })}
    }
}

/// A plain multipart form to `/documents`.
#[component]
pub fn UploadForm(
    structure_id: String,
    purpose: &'static str,
    label: &'static str,
    accept: &'static str,
    back: String,
    #[prop(optional)] offer_id: Option<String>,
    #[prop(optional)] labels: Vec<CertificationView>,
) -> impl IntoView {
    let id = format!("upload-{purpose}");
    view! {
        <form action="/documents" method="post" enctype="multipart/form-data" class="upload-form" id=id.clone()>
            <input type="hidden" name="structure_id" value=structure_id/>
            <input type="hidden" name="purpose" value=purpose/>
            <input type="hidden" name="back" value=back/>
            {offer_id.map(|o| view! { <input type="hidden" name="offer_id" value=o/> })}
            {(!labels.is_empty()).then(|| view! {
                <label for=format!("{id}-label")>"Label concerné"</label>
                <select id=format!("{id}-label") name="certification_id">
                    {labels.into_iter().map(|l| view! { <option value=l.id>{l.name}</option> }).collect_view()}
                </select>
            })}
            <label for=format!("{id}-file")>{label}</label>
            <input id=format!("{id}-file") type="file" name="file" accept=accept/>
            <button type="submit" class="small">"Envoyer"</button>
        </form>
    }
}

fn purpose_label(purpose: &str) -> &'static str {
    match purpose {
        "logo" => "Logo",
        "photo" => "Photo d'offre",
        "esus_evidence" => "Justificatif de l'agrément ESUS",
        _ => "Justificatif de label",
    }
}

/// The structure's logo and evidence documents: send, see, remove.
#[component]
pub fn UploadsPanel(
    remove: ServerAction<RemoveUpload>,
    structure_id: String,
    documents: Vec<UploadView>,
    labels: Vec<CertificationView>,
) -> impl IntoView {
    let back = format!("/espace/structures/{structure_id}#documents");
    let logo = documents.iter().find(|d| d.purpose == "logo").map(|d| d.id.clone());
    let sid = structure_id.clone();
    view! {
        <section class="panel" id="uploads">
            <h2>"Logo et justificatifs"</h2>
            <UploadMessage/>
            {logo.map(|id| view! { <img class="logo" src=format!("/documents/{id}") alt="Logo actuel"/> })}
            <UploadForm structure_id=structure_id.clone() purpose="logo" label="Logo (PNG, JPEG ou WebP, 2 Mo au plus)" accept="image/png,image/jpeg,image/webp" back=back.clone()/>
            <UploadForm structure_id=structure_id.clone() purpose="esus_evidence" label="Agrément ESUS (PDF, PNG ou JPEG, 5 Mo au plus)" accept="application/pdf,image/png,image/jpeg" back=back.clone()/>
            {(!labels.is_empty()).then(|| view! {
                <UploadForm structure_id=structure_id.clone() purpose="label_evidence" label="Justificatif de label (PDF, PNG ou JPEG, 5 Mo au plus)" accept="application/pdf,image/png,image/jpeg" back=back.clone() labels=labels.clone()/>
            })}
            {(!documents.is_empty()).then(|| view! {
                <ul class="plain-list" id="documents-list">
                    {documents.into_iter().filter(|d| d.purpose != "photo").map(|d| {
                        let sid = sid.clone();
                        view! {
                            <li>
                                {purpose_label(&d.purpose)} " · "
                                <a href=format!("/documents/{}", d.id)>{d.file_name.clone()}</a>
                                " · " {format!("{} Ko", (d.size_bytes + 1023) / 1024)} " "
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="structure_id" value=sid/>
                                    <input type="hidden" name="document_id" value=d.id.clone()/>
                                    <button type="submit" class="small secondary">"Retirer"</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
