//! The profile builder's block for one criterion: chosen or not, mandatory or weighted, and
//! its threshold. Field names sit in the form's `values` map (`form[values][<code>.min]`).

use crate::domain::Code;
use leptos::prelude::*;

use crate::domain::{
    directory::{KNOWN_CERTIFICATIONS, communes::communes},
    hqs::{RequirementForm, Threshold, criteria::ThresholdKind, referential::Entry},
};

fn name(code: &str, field: &str) -> String {
    format!("form[values][{code}.{field}]")
}

/// One criterion's fields, filled from `form` (or the version's default threshold).
#[component]
pub fn CriterionFields(
    entry: Entry,
    form: RequirementForm,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let criterion = entry.criterion;
    let code = criterion.code();
    let definition = criterion.definition();
    let used = form.uses(criterion);
    let value = |field: &str, default: String| {
        let typed = form.field(criterion, field);
        if typed.is_empty() && !used { default } else { typed }
    };
    let weighted = form.field(criterion, "requirement") == "weighted";
    let weight = value("weight", "1".to_owned());
    let threshold = match criterion.threshold() {
        ThresholdKind::None => ().into_any(),
        ThresholdKind::Percent => {
            let default = match &entry.default_threshold {
                Threshold::Percent { min } => min.to_string(),
                _ => "50".to_owned(),
            };
            let id = format!("champ-{code}-min");
            view! {
                <label for=id.clone()>"Seuil minimal (%)"</label>
                <input id=id type="number" min="1" max="100" name=name(code, "min") value=value("min", default)/>
            }
            .into_any()
        }
        ThresholdKind::Hours => {
            let defaults = match &entry.default_threshold {
                Threshold::Hours { clause } => [
                    clause.amount_eur.to_string(),
                    clause.labour_share.to_string(),
                    clause.insertion_rate.to_string(),
                    clause.hourly_cost_eur.to_string(),
                ],
                _ => Default::default(),
            };
            let fields = [
                ("amount", "Montant du marché (€ HT)"),
                ("labour", "Part de main-d'œuvre (%)"),
                ("rate", "Taux d'insertion (%)"),
                ("cost", "Coût horaire chargé (€)"),
            ];
            view! {
                <div class="inline-fields">
                    {fields.into_iter().zip(defaults).map(|((field, label), default)| {
                        let id = format!("champ-{code}-{field}");
                        view! {
                            <span class="field">
                                <label for=id.clone()>{label}</label>
                                <input id=id type="number" min="1" name=name(code, field) value=value(field, default)/>
                            </span>
                        }
                    }).collect_view()}
                </div>
                <p class="field-hint">"Heures d'insertion = montant × part de main-d'œuvre × taux d'insertion ÷ coût horaire."</p>
            }
            .into_any()
        }
        ThresholdKind::Place => {
            let (default_km, default_origin) = match &entry.default_threshold {
                Threshold::Place { km, origin, .. } => (
                    km.map(|k| k.to_string()).unwrap_or_default(),
                    origin.clone().unwrap_or_default(),
                ),
                _ => (String::new(), String::new()),
            };
            let origin = value("origin", default_origin);
            let km_id = format!("champ-{code}-km");
            let origin_id = format!("champ-{code}-origin");
            let form = form.clone();
            view! {
                <div class="inline-fields">
                    <span class="field">
                        <label for=km_id.clone()>"À moins de (km)"</label>
                        <input id=km_id type="number" min="1" max="200" name=name(code, "km") value=value("km", default_km)/>
                    </span>
                    <span class="field">
                        <label for=origin_id.clone()>"de la commune"</label>
                        <select id=origin_id name=name(code, "origin")>
                            <option value="">"—"</option>
                            {communes().iter().map(|c| view! {
                                <option value=c.insee selected=origin == c.insee>{c.name}</option>
                            }).collect_view()}
                        </select>
                    </span>
                </div>
                <details>
                    <summary>"ou dans ces communes"</summary>
                    <div class="checkboxes columns">
                        {communes().iter().map(|c| {
                            let on = form.field(criterion, &format!("commune.{}", c.insee)) == "1";
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" name=name(code, &format!("commune.{}", c.insee)) value="1" checked=on/>
                                    " " {c.name}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </details>
            }
            .into_any()
        }
        ThresholdKind::Labels => {
            let form = form.clone();
            view! {
                <div class="checkboxes" role="group" aria-label="Labels acceptés">
                    {KNOWN_CERTIFICATIONS.iter().filter(|l| l.code != "other").map(|l| {
                        let on = form.field(criterion, &format!("label.{}", l.code)) == "1";
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" name=name(code, &format!("label.{}", l.code)) value="1" checked=on/>
                                " " {l.name}
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <fieldset class="criterion" id=format!("critere-{code}") class:field-invalid=move || error.get().is_some()>
            <legend>
                <label class="checkbox">
                    <input type="checkbox" id=format!("champ-{code}-use") name=name(code, "use") value="1" checked=used/>
                    " " {definition.title_fr}
                </label>
            </legend>
            <p class="field-hint">{definition.explanation_fr} " " <span class="muted">"(" {definition.basis} ")"</span></p>
            <div class="inline-choices">
                <label class="checkbox">
                    <input type="radio" name=name(code, "requirement") value="mandatory" checked=!weighted/>
                    " obligatoire"
                </label>
                <label class="checkbox">
                    <input type="radio" name=name(code, "requirement") value="weighted" checked=weighted/>
                    " pondéré, poids "
                </label>
                <input type="number" min="1" max="10" class="narrow" aria-label="Poids (1 à 10)" name=name(code, "weight") value=weight/>
            </div>
            {threshold}
            <p class="field-error" id=format!("champ-{code}-erreur") role="alert">{move || error.get()}</p>
        </fieldset>
    }
}
