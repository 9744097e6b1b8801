//! `/veille/fournisseurs-non-rapproches`: the ledger's suppliers that no structure of the
//! directory matches, with their spend (which counts in the totals all the same). The pôle's
//! animators see every buyer's and link a supplier to a structure by hand; a buyer sees its
//! own.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::watch::views::{UnmatchedPage, UnmatchedSupplier},
    error::AppError,
    server_fns::watch::{LinkSupplier, get_unmatched_suppliers},
    ui::components::{ErrorView, field_error, refusal, successes},
};

#[component]
pub fn UnmatchedSuppliersPage() -> impl IntoView {
    let link = ServerAction::<LinkSupplier>::new();
    let linked = successes(link);
    let page = Resource::new(move || linked.get(), |_| get_unmatched_suppliers());
    view! {
        <Title text="Fournisseurs non rapprochés"/>
        <p class="breadcrumb"><a href="/veille/imports">"Imports d'achats"</a></p>
        <h1>"Fournisseurs non rapprochés"</h1>
        <p class="lead">
            "Ces fournisseurs des achats importés ne correspondent à aucune structure de "
            "l'annuaire par leur SIRET ou leur SIREN. Leurs montants comptent tout de même dans "
            "les totaux de la veille."
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
                    Ok(page) => view! { <Suppliers page link/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Suppliers(page: UnmatchedPage, link: ServerAction<LinkSupplier>) -> impl IntoView {
    let query = use_query_map();
    let answer = Signal::derive(move || link.value().get());
    let UnmatchedPage { suppliers, may_link, everyone, total } = page;
    let scope = if everyone { "de tous les acheteurs" } else { "de mes acheteurs" };
    view! {
        {move || query.read().get("rapproche").map(|_| view! {
            <p class="success" role="status" id="supplier-linked">"Fournisseur rapproché : ses lignes comptent désormais pour la structure."</p>
        })}
        <p class="error" role="alert" id="link-error">
            {move || refusal(answer).get().or_else(|| field_error(answer, "structure").get())}
        </p>
        {if suppliers.is_empty() {
            view! { <p class="panel muted" id="no-unmatched">{format!("Aucun fournisseur non rapproché {scope}.")}</p> }.into_any()
        } else {
            view! {
                <p id="unmatched-total">{format!("{} fournisseurs {scope}, {total} HT au total.", suppliers.len())}</p>
                <SupplierTable suppliers may_link link/>
            }.into_any()
        }}
    }
}

#[component]
fn SupplierTable(
    suppliers: Vec<UnmatchedSupplier>,
    may_link: bool,
    link: ServerAction<LinkSupplier>,
) -> impl IntoView {
    view! {
        <table class="data-table" id="unmatched-suppliers">
            <thead>
                <tr>
                    <th scope="col">"Fournisseur"</th>
                    <th scope="col">"Numéro"</th>
                    <th scope="col">"Lignes"</th>
                    <th scope="col">"Dépense HT"</th>
                    {may_link.then(|| view! { <th scope="col">"Rapprocher d'une structure"</th> })}
                </tr>
            </thead>
            <tbody>
                {suppliers.into_iter().enumerate().map(|(i, s)| {
                    let input = format!("link-structure-{}", i + 1);
                    view! {
                        <tr>
                            <td>{s.name.clone()}</td>
                            <td>{s.identifier.clone()}</td>
                            <td class="number">{s.line_count}</td>
                            <td class="number">{s.spend.clone()}</td>
                            {may_link.then(|| view! {
                                <td>
                                    <ActionForm action=link attr:class="inline-form">
                                        <input type="hidden" name="form[key_kind]" value=s.key_kind.clone()/>
                                        <input type="hidden" name="form[key]" value=s.key.clone()/>
                                        <label for=input.clone() class="visually-hidden">{format!("Structure pour {}", s.name)}</label>
                                        <input id=input type="text" name="form[structure]" placeholder="SIRET ou adresse de la fiche"/>
                                        <button type="submit" class="small">"Rapprocher"</button>
                                    </ActionForm>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
