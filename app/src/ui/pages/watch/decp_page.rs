//! `/veille/decp`: the pôle's animators import DECP open data (the public contracts of the
//! listed buyers and of the Métropole) with a plain multipart form, working without
//! JavaScript; a dry run, or a file with errors, comes back with its report in a flash.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::watch::decp_views::{DecpImportView, DecpPage},
    error::AppError,
    server_fns::watch::get_decp_imports,
    ui::components::{ErrorView, page_flash},
};

#[component]
pub fn DecpImportsPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_decp_imports());
    view! {
        <Title text="Données essentielles (DECP)"/>
        <p class="breadcrumb"><a href="/veille/imports">"Imports d'achats"</a></p>
        <h1>"Données essentielles de la commande publique (DECP)"</h1>
        <p class="lead">
            "Importez un fichier DECP v2 (JSON ou XML, ou l'ancien format JSON) : la veille garde "
            "les marchés des acheteurs suivis et ceux exécutés dans la Métropole. Importer à "
            "nouveau les mêmes marchés (même identifiant, même acheteur) les met à jour, "
            "modifications comprises, sans les doubler."
        </p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <Decp page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Decp(page: DecpPage) -> impl IntoView {
    let query = use_query_map();
    let imported = query.read_untracked().get("importe");
    let flash = page_flash();
    let report: Vec<String> = flash
        .as_ref()
        .map(|f| f.values.iter().filter(|(k, _)| k == "rapport").map(|(_, v)| v.clone()).collect())
        .unwrap_or_default();
    let errors: Vec<String> = flash
        .as_ref()
        .map(|f| f.errors.entries().map(|(_, m)| m.to_owned()).collect())
        .unwrap_or_default();
    let DecpPage { imports, buyers } = page;
    let buyers = if buyers.is_empty() {
        "aucun acheteur suivi : seuls les marchés exécutés dans la Métropole sont gardés".to_owned()
    } else {
        format!("acheteurs suivis (SIRET) : {}", buyers.join(", "))
    };
    view! {
        {imported.map(|_| view! {
            <p class="success" role="status" id="decp-imported">"Fichier importé : voir la première ligne du tableau."</p>
        })}
        {(!report.is_empty()).then(|| view! {
            <section class="panel" id="decp-report" role="status">
                <h2>{if errors.is_empty() { "Simulation" } else { "Fichier refusé" }}</h2>
                <ul>{report.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </section>
        })}
        {(!errors.is_empty()).then(|| view! {
            <section class="panel" id="decp-errors" role="alert">
                <h2>"Erreurs"</h2>
                <ul class="error">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </section>
        })}
        <section class="panel" id="decp-upload">
            <h2>"Importer un fichier DECP"</h2>
            <form action="/veille/decp/envoi" method="post" enctype="multipart/form-data" id="decp-upload-form">
                <label for="decp-file">"Fichier (JSON ou XML, 50 Mo au plus)"</label>
                <input id="decp-file" type="file" name="file" accept=".json,.xml,application/json,application/xml,text/xml"/>
                <p class="hint">{format!("Gardés : les marchés exécutés dans la Métropole ; {buyers}.")}</p>
                <label>
                    <input type="checkbox" name="dry_run" value="1" id="decp-dry-run"/>
                    " Simulation : lire et compter sans rien enregistrer"
                </label>
                <button type="submit">"Importer"</button>
            </form>
            <p class="hint">"Un fichier plus grand s'importe avec la commande « server import-decp FICHIER »."</p>
        </section>
        <section id="decp-imports">
            <h2>"Imports DECP"</h2>
            {if imports.is_empty() {
                view! { <p class="muted" id="no-decp-import">"Aucun import DECP pour l'instant."</p> }.into_any()
            } else {
                view! { <ImportList imports/> }.into_any()
            }}
            <p><a href="/veille/fournisseurs-non-rapproches">"Fournisseurs non rapprochés de l'annuaire"</a></p>
        </section>
    }
}

#[component]
fn ImportList(imports: Vec<DecpImportView>) -> impl IntoView {
    view! {
        <table class="data-table" id="decp-imports-list">
            <thead>
                <tr>
                    <th scope="col">"Fichier"</th>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Marchés lus"</th>
                    <th scope="col">"Retenus"</th>
                    <th scope="col">"Ajoutés"</th>
                    <th scope="col">"Mis à jour"</th>
                    <th scope="col">"Hors territoire"</th>
                    <th scope="col">"Concessions ignorées"</th>
                    <th scope="col">"Lignes (rapprochées)"</th>
                    <th scope="col">"Total HT"</th>
                </tr>
            </thead>
            <tbody>
                {imports.into_iter().map(|i| view! {
                    <tr id=format!("decp-{}", i.id)>
                        <td><a href=format!("/veille/imports/{}", i.id)>{i.file_name}</a></td>
                        <td>{i.on}</td>
                        <td class="number">{i.read}</td>
                        <td class="number">{i.kept}</td>
                        <td class="number">{i.added}</td>
                        <td class="number">{i.updated}</td>
                        <td class="number">{i.outside}</td>
                        <td class="number">{i.concessions}</td>
                        <td class="number">{format!("{} ({})", i.lines, i.matched)}</td>
                        <td class="number">{i.total}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
