//! `/veille/imports/{id}`: a purchases file. Pending, its columns with their roles (guessed,
//! or remembered for this header) and what it would import with them — the first lines typed,
//! every error with its file, line and column, the counts and total — then « Importer »,
//! all or nothing. Imported, its first lines as stored.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::lines_table::LinesTable;
use crate::{
    domain::watch::views::{ColumnView, ImportPage, PreviewView, RoleChoice},
    error::AppError,
    server_fns::watch::{
        ConfirmPurchaseImport, DiscardPurchaseImport, MapPurchaseImport, get_purchase_import,
    },
    ui::components::{Answer, ErrorView, field_error, page_flash, refusal, successes},
};

/// The error of one column's choice (`role_<n>`): from the action once hydrated, or from the
/// flash a plain form post left.
fn column_error(answer: Answer<String>, field: String) -> Signal<Option<String>> {
    let flashed = page_flash().and_then(|f| f.errors.get(&field).map(str::to_owned));
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => outcome.errors().and_then(|e| e.get(&field)).map(str::to_owned),
        Some(Err(_)) => None,
        None => flashed.clone(),
    })
}

#[component]
pub fn PurchaseImportPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let actions = Actions {
        map: ServerAction::<MapPurchaseImport>::new(),
        confirm: ServerAction::<ConfirmPurchaseImport>::new(),
        discard: ServerAction::<DiscardPurchaseImport>::new(),
    };
    let reloads = (successes(actions.map), successes(actions.confirm));
    let page = Resource::new(
        move || (id(), reloads.0.get(), reloads.1.get()),
        |(id, ..)| get_purchase_import(id),
    );
    view! {
        <p class="breadcrumb"><a href="/veille/imports">"Imports d'achats"</a></p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir cet import. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(AppError::NotFound) => view! {
                        <ErrorView error=AppError::NotFound>
                            <p class="panel error" id="import-not-found">"Cet import n'existe pas (ou plus)."</p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <ImportBody page actions/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    map: ServerAction<MapPurchaseImport>,
    confirm: ServerAction<ConfirmPurchaseImport>,
    discard: ServerAction<DiscardPurchaseImport>,
}

#[component]
fn ImportBody(page: ImportPage, actions: Actions) -> impl IntoView {
    let query = use_query_map();
    let ImportPage { summary, may_change, columns, roles, preview, unreadable } = page;
    let pending = summary.state == "pending";
    let id = summary.id.clone();
    let title = format!("Import « {} »", summary.file_name);
    let clean = preview.as_ref().is_some_and(|p| p.error_count == 0 && p.line_count > 0);
    let line_count = preview.as_ref().map_or(0, |p| p.line_count);
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p class="status" id="import-state">
            <strong>{summary.state_label.clone()}</strong>
            {format!(" · {} · {}", summary.organisation_name, summary.on)}
        </p>
        {move || query.read().get("importe").map(|_| view! {
            <p class="success" role="status" id="import-done">"Import enregistré."</p>
        })}
        {unreadable.map(|reason| view! { <p class="error" role="alert" id="import-unreadable">{reason}</p> })}
        {(pending && may_change).then(|| view! {
            <MappingForm action=actions.map import_id=id.clone() columns=columns.clone() roles/>
        })}
        {(pending && !may_change).then(|| view! { <ColumnsList columns/> })}
        {preview.map(|p| view! { <Preview preview=p pending/> })}
        {(pending && may_change).then(|| {
            let confirm_answer = Signal::derive(move || actions.confirm.value().get());
            let discard_answer = Signal::derive(move || actions.discard.value().get());
            let (confirm_id, discard_id) = (id.clone(), id.clone());
            view! {
                <section class="panel" id="import-decision">
                    <p class="error" role="alert" id="import-refusal">
                        {move || refusal(confirm_answer).get().or_else(|| field_error(confirm_answer, "import").get())}
                        {move || refusal(discard_answer).get()}
                    </p>
                    {clean.then(|| view! {
                        <ActionForm action=actions.confirm attr:id="import-confirm-form" attr:class="inline-form">
                            <input type="hidden" name="import_id" value=confirm_id/>
                            <button type="submit" id="import-confirm">{format!("Importer les {line_count} lignes")}</button>
                        </ActionForm>
                    })}
                    {(!clean).then(|| view! {
                        <p class="muted" id="import-blocked">"Corrigez le fichier (ou le choix des colonnes) : rien ne sera importé tant qu'une ligne a une erreur."</p>
                    })}
                    <ActionForm action=actions.discard attr:id="import-discard-form" attr:class="inline-form">
                        <input type="hidden" name="import_id" value=discard_id/>
                        <button type="submit" class="secondary" id="import-discard">"Abandonner cet envoi"</button>
                    </ActionForm>
                </section>
            }
        })}
    }
}

#[component]
fn MappingForm(
    action: ServerAction<MapPurchaseImport>,
    import_id: String,
    columns: Vec<ColumnView>,
    roles: Vec<RoleChoice>,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    view! {
        <section class="panel" id="import-mapping">
            <h2>"Ce que contient chaque colonne"</h2>
            <p class="hint">"Obligatoires : nom du fournisseur, montant HT, date ou année. Votre choix est retenu pour les prochains fichiers qui ont les mêmes colonnes."</p>
            <ActionForm action attr:id="import-mapping-form">
                <input type="hidden" name="import_id" value=import_id/>
                <p class="error" role="alert">{move || refusal(answer).get().or_else(|| field_error(answer, "roles").get())}</p>
                <table class="data-table" id="import-columns">
                    <thead>
                        <tr>
                            <th scope="col">"Colonne"</th>
                            <th scope="col">"Exemples"</th>
                            <th scope="col">"Contenu"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {columns.into_iter().map(|c| {
                            let field = format!("role_{}", c.number);
                            let select_id = format!("champ-{field}");
                            let error = column_error(answer, field);
                            let chosen = c.role.clone();
                            view! {
                                <tr>
                                    <th scope="row"><label for=select_id.clone()>{format!("{} · {}", c.letter, c.header)}</label></th>
                                    <td class="muted">{c.samples.join(" · ")}</td>
                                    <td>
                                        <select id=select_id name="form[roles][]">
                                            <option value="" selected=chosen.is_empty()>"— ignorer —"</option>
                                            {roles.iter().map(|r| {
                                                let label = if r.required { format!("{} (obligatoire)", r.label) } else { r.label.clone() };
                                                let selected = r.code == chosen;
                                                view! { <option value=r.code.clone() selected=selected>{label}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error" role="alert">{move || error.get()}</p>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="submit" id="import-map">"Appliquer et vérifier"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ColumnsList(columns: Vec<ColumnView>) -> impl IntoView {
    view! {
        <ul class="plain-list panel" id="import-columns">
            {columns.into_iter().map(|c| view! {
                <li>{format!("{} · {} : {}", c.letter, c.header, if c.role.is_empty() { "ignorée" } else { c.role.as_str() })}</li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Preview(preview: PreviewView, pending: bool) -> impl IntoView {
    let PreviewView { lines, line_count, error_count, errors, total, matched_count } = preview;
    let shown = errors.len() as u64;
    view! {
        <section class="panel" id="import-preview">
            <h2>{if pending { "Ce que l'import enregistrera" } else { "Lignes importées" }}</h2>
            <p id="import-counts">
                {format!(
                    "{line_count} ligne{} · total {total} HT · {matched_count} fournisseur{} rapproché{} de l'annuaire · {error_count} erreur{}",
                    if line_count > 1 { "s" } else { "" },
                    if matched_count > 1 { "s" } else { "" },
                    if matched_count > 1 { "s" } else { "" },
                    if error_count > 1 { "s" } else { "" },
                )}
            </p>
            {(!errors.is_empty()).then(|| view! {
                <h3>"Erreurs à corriger"</h3>
                <ul class="errors" id="import-errors">
                    {errors.into_iter().map(|e| view! { <li>{e.text()}</li> }).collect_view()}
                </ul>
                {(error_count > shown).then(|| view! {
                    <p class="muted">{format!("… et {} autres erreurs.", error_count - shown)}</p>
                })}
            })}
            {(!lines.is_empty()).then(|| view! {
                <h3>{format!("Les {} premières lignes", lines.len())}</h3>
                <LinesTable lines id="import-lines"/>
            })}
        </section>
    }
}
