//! Lines of the ledger as a table: read from a file (preview) or stored.

use leptos::prelude::*;

use crate::domain::watch::views::LineView;

#[component]
pub fn LinesTable(lines: Vec<LineView>, id: &'static str) -> impl IntoView {
    view! {
        <table class="data-table" id=id>
            <thead>
                <tr>
                    <th scope="col">"Ligne"</th>
                    <th scope="col">"Fournisseur"</th>
                    <th scope="col">"Montant HT"</th>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Catégorie"</th>
                    <th scope="col">"Entité acheteuse"</th>
                    <th scope="col">"Considération sociale"</th>
                    <th scope="col">"Structure de l'annuaire"</th>
                </tr>
            </thead>
            <tbody>
                {lines.into_iter().map(|l| view! {
                    <tr>
                        <td>{l.line}</td>
                        <td>{l.supplier}<br/><span class="muted">{l.identifier}</span></td>
                        <td class="number">{l.amount}</td>
                        <td>{l.date}</td>
                        <td>{l.category}</td>
                        <td>{l.buying_entity}</td>
                        <td>{l.considerations}</td>
                        <td>{l.structure.unwrap_or_else(|| "non rapprochée".to_owned())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
