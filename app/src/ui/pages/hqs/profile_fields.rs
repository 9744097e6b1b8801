//! The fields of a profile (new or edited): name, description, sharing, scope, and one block
//! per criterion of the référentiel version in force.

use crate::domain::Code;
use leptos::prelude::*;

use super::criterion_fields::CriterionFields;
use crate::{
    domain::{
        directory::communes::communes,
        hqs::{RequirementForm, views::ReferentialVersion},
    },
    ui::components::{Answer, GroupField, GroupTextArea, field_error, page_flash},
};

/// The form to show: the values typed before a plain form post came back with errors (the
/// page's flash), or `stored`.
pub fn typed_or(stored: RequirementForm) -> RequirementForm {
    match page_flash().filter(|f| f.has_values()) {
        Some(flash) => {
            RequirementForm::from_typed(flash.values.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        }
        None => stored,
    }
}

#[component]
pub fn ProfileFields(
    form: RequirementForm,
    latest: ReferentialVersion,
    answer: Answer<String>,
    /// Criteria and scope only, without the name, description and sharing (the label
    /// profile's builder).
    #[prop(optional)]
    criteria_only: bool,
) -> impl IntoView {
    let e = move |field: &'static str| field_error(answer, field);
    let criteria_error = e("criteria");
    let scope_communes_error = e("scope_communes");
    let shared = !form.shared.is_empty();
    let scope_form = form.clone();
    view! {
        <fieldset hidden=criteria_only>
            <legend>"Le profil"</legend>
            <GroupField group="form" key="name" label="Nom du profil" required=true value=form.name.clone() error=e("name")/>
            <GroupTextArea group="form" key="description" label="Description" value=form.description.clone() error=e("description")/>
            <div class="field">
                <label class="checkbox" for="champ-shared">
                    <input id="champ-shared" type="checkbox" name="form[shared]" value="1" checked=shared/>
                    " Partager ce profil avec les autres acheteurs (il reste modifiable par votre organisation seule)"
                </label>
            </div>
        </fieldset>
        <fieldset>
            <legend>"Critères (référentiel, version " {latest.version} ")"</legend>
            <p class="field-error" id="champ-criteria-erreur" role="alert">{move || criteria_error.get()}</p>
            {latest.referential.entries.into_iter().map(|entry| {
                let error = e(entry.criterion.code());
                view! { <CriterionFields entry=entry form=form.clone() error=error/> }
            }).collect_view()}
        </fieldset>
        <fieldset>
            <legend>"Périmètre (facultatif)"</legend>
            <GroupField group="form" key="scope_cpv" label="Divisions CPV concernées" hint="Deux chiffres, séparés par des virgules (45 travaux, 77 espaces verts, 90 propreté…). Vide : tous les achats." value=form.scope_cpv.clone() error=e("scope_cpv")/>
            <details>
                <summary>"Fournisseurs de ces communes seulement"</summary>
                <div class="checkboxes columns">
                    {communes().iter().map(|c| {
                        let key = format!("scope.commune.{}", c.insee);
                        let on = scope_form.values.get(&key).is_some_and(|v| v == "1");
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" name=format!("form[values][{key}]") value="1" checked=on/>
                                " " {c.name}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </details>
            <p class="field-error" id="champ-scope_communes-erreur" role="alert">{move || scope_communes_error.get()}</p>
        </fieldset>
    }
}
