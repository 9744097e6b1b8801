//! A profile's criteria as a table: criterion, legal basis, how it counts, threshold.

use crate::domain::Code;
use leptos::prelude::*;

use crate::domain::hqs::Requirements;

#[component]
pub fn RequirementsTable(requirements: Requirements) -> impl IntoView {
    let scope = requirements.scope.clone();
    view! {
        <table class="data-table" id="requirements">
            <thead>
                <tr><th scope="col">"Critère"</th><th scope="col">"Base"</th><th scope="col">"Exigence"</th><th scope="col">"Seuil"</th></tr>
            </thead>
            <tbody>
                {requirements.items.into_iter().map(|item| {
                    let d = item.criterion.definition();
                    view! {
                        <tr data-critere=item.criterion.code()>
                            <td>{d.title_fr}</td>
                            <td class="muted">{d.basis}</td>
                            <td>{item.requirement.label()}</td>
                            <td>{item.threshold.describe()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(!scope.is_everywhere()).then(|| {
            let mut parts = Vec::new();
            if !scope.cpv_divisions.is_empty() {
                parts.push(format!("divisions CPV {}", scope.cpv_divisions.join(", ")));
            }
            if !scope.communes.is_empty() {
                let names: Vec<&str> = scope.communes.iter()
                    .map(|c| crate::domain::directory::communes::find(c).map_or(c.as_str(), |c| c.name))
                    .collect();
                parts.push(format!("fournisseurs de {}", names.join(", ")));
            }
            view! { <p id="scope">"Périmètre : " {parts.join(" ; ")}</p> }
        })}
    }
}
