//! `/veille/imports`: a buyer's purchases files with their lines and totals, and the form
//! that sends a new one (a plain multipart form, working without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::watch::{
        bounds::BOUNDS_TEXT,
        views::{ImportSummary, ImportsPage},
    },
    error::AppError,
    server_fns::watch::get_purchase_imports,
    ui::components::{ErrorView, flashed_error},
};

#[component]
pub fn PurchaseImportsPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_purchase_imports());
    view! {
        <Title text="Imports d'achats"/>
        <h1>"Imports d'achats"</h1>
        <p class="lead">
            "Envoyez le fichier de vos achats (CSV ou XLSX) : ils rejoignent la veille "
            "partenariale avec ceux passés sur Ecossol. Les fournisseurs sont rapprochés de "
            "l'annuaire par leur SIRET ou leur SIREN."
        </p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour importer vos achats. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <Imports page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Imports(page: ImportsPage) -> impl IntoView {
    let query = use_query_map();
    let error = flashed_error("fichier");
    let ImportsPage { may_import_for, awaiting_verification, imports, everyone } = page;
    view! {
        {move || query.read().get("abandonne").map(|_| view! {
            <p class="success" role="status" id="import-discarded">"Import abandonné : rien n'a été enregistré."</p>
        })}
        {(!may_import_for.is_empty()).then(|| view! {
            <section class="panel" id="purchase-upload">
                <h2>"Envoyer un fichier d'achats"</h2>
                {error.map(|e| view! { <p class="error" role="alert" id="fichier-erreur">{e}</p> })}
                <form action="/veille/imports/envoi" method="post" enctype="multipart/form-data" id="purchase-upload-form">
                    <label for="upload-organisation">"Acheteur"</label>
                    <select id="upload-organisation" name="organisation_id">
                        {may_import_for.into_iter().map(|o| view! { <option value=o.id>{o.name}</option> }).collect_view()}
                    </select>
                    <label for="upload-file">{format!("Fichier ({BOUNDS_TEXT})")}</label>
                    <input id="upload-file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
                    <p class="hint">
                        "Une ligne par achat : fournisseur, SIRET ou SIREN, montant HT, date ou année ; "
                        "facultatifs : code CPV ou catégorie, entité acheteuse, considération sociale. "
                        "Vous choisirez à l'écran ce que contient chaque colonne. Envoyer à nouveau "
                        "le même fichier (même nom, ou même contenu) remplace ses lignes."
                    </p>
                    <button type="submit">"Envoyer"</button>
                </form>
            </section>
        })}
        {(!awaiting_verification.is_empty()).then(|| view! {
            <p class="panel" id="awaiting-verification">
                {format!(
                    "Le pôle doit d'abord vérifier {} pour que vous importiez ses achats.",
                    awaiting_verification.join(", ")
                )}
            </p>
        })}
        <section id="purchase-imports">
            <h2>{if everyone { "Imports de tous les acheteurs" } else { "Imports de mes acheteurs" }}</h2>
            {if imports.is_empty() {
                view! { <p class="muted" id="no-import">"Aucun import pour l'instant."</p> }.into_any()
            } else {
                view! { <ImportList imports/> }.into_any()
            }}
            <p>
                <a href="/veille/fournisseurs-non-rapproches">"Fournisseurs non rapprochés de l'annuaire"</a>
                " · " <a href="/veille" id="to-indicators">"Veille des achats : les indicateurs"</a>
            </p>
            <p><a href="/veille/heures-insertion" id="insertion-hours-link">"Heures d'insertion des marchés à clause sociale"</a></p>
            {everyone.then(|| view! {
                <p><a href="/veille/decp" id="decp-link">"Importer des données essentielles (DECP)"</a></p>
            })}
        </section>
    }
}

#[component]
fn ImportList(imports: Vec<ImportSummary>) -> impl IntoView {
    view! {
        <table class="data-table" id="imports-list">
            <thead>
                <tr>
                    <th scope="col">"Fichier"</th>
                    <th scope="col">"Acheteur"</th>
                    <th scope="col">"État"</th>
                    <th scope="col">"Lignes"</th>
                    <th scope="col">"Rapprochées"</th>
                    <th scope="col">"Total HT"</th>
                    <th scope="col">"Date"</th>
                </tr>
            </thead>
            <tbody>
                {imports.into_iter().map(|i| view! {
                    <tr class=format!("import-{}", i.state)>
                        <td><a href=format!("/veille/imports/{}", i.id)>{i.file_name}</a></td>
                        <td>{i.organisation_name}</td>
                        <td>{i.state_label}</td>
                        <td class="number">{i.line_count}</td>
                        <td class="number">{i.matched_count}</td>
                        <td class="number">{i.total}</td>
                        <td>{i.on}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
