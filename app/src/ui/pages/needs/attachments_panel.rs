//! The PDF files of a need and of its quotes: listed with their size and a download link,
//! and, for those who change them, a plain multipart form and a « Retirer » button per file
//! (plain form posts answered by a redirection: they work without JavaScript; the French
//! error comes back in the page's flash, next to the file field).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::needs::attachments::{MAX_FILES, NEED_FILE, NeedFile},
    ui::components::flashed_error,
};

/// The buyer's files, for every reader of the need; with the form for its writers.
#[component]
pub fn NeedAttachments(
    need_id: String,
    files: Vec<NeedFile>,
    /// The reader adds and removes them now.
    adds: bool,
    /// The need hides its buyer: a file may still name it.
    anonymous: bool,
) -> impl IntoView {
    let shown = adds || !files.is_empty();
    let action = format!("/besoins/{need_id}/fichiers");
    shown.then(|| view! {
        <section class="panel" id="need-files">
            <h2>"Pièces jointes"</h2>
            <FileList need_id files removable=adds/>
            {(adds && anonymous).then(|| view! {
                <p class="notice" id="need-files-anonymous">
                    "Ce besoin est anonyme, mais un PDF peut vous nommer : vérifiez l'en-tête, le logo, la signature et les propriétés du document avant de l'ajouter."
                </p>
            })}
            <FileForm action field="fichier" shown=adds/>
        </section>
    })
}

/// The files of a structure's quote, in its side of the need.
#[component]
pub fn QuoteAttachments(
    need_id: String,
    structure_id: String,
    files: Vec<NeedFile>,
    /// The structure may change its answer now and quotes for this need.
    open: bool,
    quoted: bool,
) -> impl IntoView {
    let adds = open && quoted;
    let action = format!("/besoins/{need_id}/devis/{structure_id}/fichiers");
    view! {
        <div id="quote-files">
            <h3>"Pièces jointes du devis"</h3>
            <FileList need_id files removable=adds/>
            {(open && !quoted).then(|| view! {
                <p class="muted">"Envoyez d'abord votre devis : vous pourrez ensuite y joindre des PDF."</p>
            })}
            <FileForm action field="fichier_devis" shown=adds/>
        </div>
    }
}

/// A quote's files in the buyer's comparison: download links.
#[component]
pub fn QuoteFileLinks(need_id: String, files: Vec<NeedFile>) -> impl IntoView {
    (!files.is_empty()).then(|| view! { <FileList need_id files removable=false/> })
}

#[component]
fn FileList(need_id: String, files: Vec<NeedFile>, removable: bool) -> impl IntoView {
    (!files.is_empty()).then(|| view! {
        <ul class="plain-list need-files">
            {files.into_iter().map(|file| {
                let remove = removable.then(|| view! {
                    <form method="post" action=file.remove_href(&need_id) class="inline-form">
                        <button type="submit" class="small secondary">"Retirer"</button>
                    </form>
                });
                view! {
                    <li>
                        <a href=file.href(&need_id) download=file.file_name.clone()>{file.file_name.clone()}</a>
                        " · PDF, " {file.size_label()} " "
                        {remove}
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// The upload form, or only the last answer when the files no longer change. `field` names
/// the flash's error and the address's markers (`field=1` added, `field_retire=1` removed).
#[component]
fn FileForm(action: String, field: &'static str, shown: bool) -> impl IntoView {
    let query = use_query_map();
    let input = format!("champ-{field}");
    let error_id = format!("{input}-erreur");
    let error = flashed_error(field);
    let added = move || query.read().get(field).is_some();
    let removed = move || query.read().get(&format!("{field}_retire")).is_some();
    let label =
        format!("Ajouter un PDF ({} Mo au plus, {MAX_FILES} fichiers au plus)", NEED_FILE.max_mb());
    let message = view! {
        <p class="field-error" id=error_id.clone() role="alert">{error.clone()}</p>
        {move || added().then(|| view! { <p class="success" role="status">"Fichier ajouté."</p> })}
        {move || removed().then(|| view! { <p class="success" role="status">"Fichier retiré."</p> })}
    };
    if !shown {
        return error.is_some().then(|| message.into_any());
    }
    Some(view! {
        <form action=action method="post" enctype="multipart/form-data" class="upload-form" id=format!("{field}-form")>
            <div class="field" class:field-invalid=error.is_some()>
                <label for=input.clone()>{label}</label>
                <input id=input type="file" name="file" accept="application/pdf,.pdf" aria-describedby=error_id/>
                {message}
            </div>
            <button type="submit" class="small">"Envoyer"</button>
        </form>
    }.into_any())
}
