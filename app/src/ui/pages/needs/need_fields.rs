//! The fields of a need's form, shared by the new need's page and a draft's page; each
//! with its French error underneath.

use leptos::prelude::*;
use strum::VariantArray;

use crate::{
    domain::{
        Code,
        directory::{Family, communes::communes},
        needs::{NeedForm, NeedKind},
    },
    ui::{
        components::{Answer, GroupField, GroupSelect, GroupTextArea, field_error, initial_value},
        pages::directory::choices,
    },
};

fn none(label: &str) -> (String, String) {
    (String::new(), label.to_owned())
}

fn kinds() -> Vec<(String, String)> {
    std::iter::once(none("— choisir —"))
        .chain(NeedKind::VARIANTS.iter().map(|k| (k.code().to_owned(), k.label().to_owned())))
        .collect()
}

fn places() -> Vec<(String, String)> {
    std::iter::once(none("— choisir la commune —"))
        .chain(communes().iter().map(|c| (c.insee.to_owned(), c.name.to_owned())))
        .collect()
}

fn budgets() -> Vec<(String, String)> {
    vec![
        none("— choisir —"),
        ("exact".into(), "Un montant".into()),
        ("range".into(), "Une fourchette".into()),
        ("withheld".into(), "Non communiqué (dire pourquoi)".into()),
    ]
}

/// Checkboxes named `form[{key}][]`, with their error.
#[component]
fn Checkboxes(
    key: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    checked: Vec<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let label_id = format!("{key}-label");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <span class="label" id=label_id.clone()>{legend}</span>
            <div class="checkboxes" role="group" aria-labelledby=label_id>
                {options.into_iter().map(|(code, text)| {
                    let on = checked.contains(&code);
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" name=format!("form[{key}][]") value=code checked=on/>
                            " " {text}
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="field-error" id=format!("champ-{key}-erreur") role="alert">{move || error.get()}</p>
        </div>
    }
}

#[component]
pub fn NeedFields(
    form: NeedForm,
    answer: Answer<String>,
    /// HQS profiles the buyer may attach: (id, name).
    profiles: Vec<(String, String)>,
) -> impl IntoView {
    let e = move |field: &'static str| field_error(answer, field);
    let v = |stored: &str, key: &str| initial_value(stored, key);
    let list = |stored: &[String], key: &str| -> Vec<String> {
        v(&stored.join(","), key)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let profile_options: Vec<(String, String)> =
        std::iter::once(none("— aucun —")).chain(profiles).collect();
    let families: Vec<(String, String)> =
        Family::VARIANTS.iter().map(|f| (f.code().to_owned(), f.label().to_owned())).collect();
    let structure_kinds: Vec<(String, String)> = choices::kinds()
        .iter()
        .map(|k| (k.code().to_owned(), format!("{} — {}", k.code(), k.label())))
        .collect();
    let anonymous = v(&form.anonymous, "anonymous") == "on";
    view! {
        <fieldset>
            <legend>"Le besoin"</legend>
            <GroupSelect group="form" key="kind" label="Type de besoin" required=true options=kinds() value=v(&form.kind, "kind") error=e("kind")/>
            <GroupField group="form" key="title" label="Titre" required=true hint="Par exemple : Entretien des espaces verts du parc de la mairie" value=v(&form.title, "title") error=e("title")/>
            <GroupTextArea group="form" key="description" label="Description" required=true hint="Ce qui est à faire, où, quand, les contraintes (20 caractères au moins)" value=v(&form.description, "description") error=e("description")/>
            <GroupField group="form" key="notice_url" label="Lien vers l'avis officiel" hint="Pour un appel d'offres : l'adresse de l'avis (BOAMP, profil d'acheteur…)" value=v(&form.notice_url, "notice_url") error=e("notice_url")/>
            <GroupSelect group="form" key="sector" label="Secteur d'activité" required=true options=choices::sectors() value=v(&form.sector, "sector") error=e("sector")/>
            <GroupField group="form" key="cpv" label="Codes CPV" hint="Facultatif, séparés par des espaces (77310000 pour l'entretien d'espaces verts)" value=v(&form.cpv, "cpv") error=e("cpv")/>
            <GroupSelect group="form" key="service_kind" label="Type de prestation" required=true options=choices::service_kinds() value=v(&form.service_kind, "service_kind") error=e("service_kind")/>
            <GroupTextArea group="form" key="lots" label="Lots et quantités" hint="Un lot par ligne : « désignation ; quantité ; unité ». Sans lot, le besoin forme un lot unique." value=v(&form.lots, "lots") error=e("lots")/>
        </fieldset>
        <fieldset>
            <legend>"Où et quand"</legend>
            <GroupSelect group="form" key="place" label="Commune d'exécution" required=true options=places() value=v(&form.place, "place") error=e("place")/>
            <GroupField group="form" key="radius_km" label="Structures à moins de (km)" kind="number" hint="Facultatif : sinon, toutes celles qui interviennent sur la commune" value=v(&form.radius_km, "radius_km") error=e("radius_km")/>
            <GroupField group="form" key="deadline_on" label="Date limite de réponse" required=true hint="JJ/MM/AAAA" value=v(&form.deadline_on, "deadline_on") error=e("deadline_on")/>
            <GroupField group="form" key="start_on" label="Début d'exécution" hint="JJ/MM/AAAA" value=v(&form.start_on, "start_on") error=e("start_on")/>
        </fieldset>
        <fieldset>
            <legend>"Budget (hors taxes)"</legend>
            <GroupSelect group="form" key="budget_kind" label="Budget" required=true options=budgets() value=v(&form.budget_kind, "budget_kind") error=e("budget_kind")/>
            <GroupField group="form" key="budget_amount" label="Montant (€ HT)" value=v(&form.budget_amount, "budget_amount") error=e("budget_amount")/>
            <GroupField group="form" key="budget_min" label="Fourchette : de (€ HT)" value=v(&form.budget_min, "budget_min") error=e("budget_min")/>
            <GroupField group="form" key="budget_max" label="Fourchette : à (€ HT)" value=v(&form.budget_max, "budget_max") error=e("budget_max")/>
            <GroupField group="form" key="budget_reason" label="Pourquoi il n'est pas communiqué" value=v(&form.budget_reason, "budget_reason") error=e("budget_reason")/>
        </fieldset>
        <fieldset>
            <legend>"Qui peut répondre"</legend>
            <Checkboxes key="family" legend="Familles de structures souhaitées (aucune : toutes)" options=families checked=list(&form.family, "family") error=e("family")/>
            <Checkboxes key="structure_kind" legend="Types de structures souhaités (aucun : tous)" options=structure_kinds checked=list(&form.structure_kind, "structure_kind") error=e("structure_kind")/>
            <GroupSelect group="form" key="profile_id" label="Profil « Haute Qualité Solidaire »" hint="Facultatif : seules les structures dont les faits déclarés remplissent ses critères obligatoires sont retenues" options=profile_options value=v(&form.profile_id, "profile_id") error=e("profile_id")/>
            <GroupTextArea group="form" key="questions" label="Questions aux structures" hint="Une par ligne, 10 au plus" value=v(&form.questions, "questions") error=e("questions")/>
            <div class="field">
                <label class="checkbox">
                    <input type="checkbox" name="form[anonymous]" value="on" checked=anonymous/>
                    " Masquer le nom de l'acheteur aux structures non retenues"
                </label>
            </div>
        </fieldset>
    }
}
