//! The dashboard's filters: one GET form whose fields are the address's parameters. Without
//! JavaScript it reloads the page; hydrated, the router changes the address and the figures
//! follow without a reload (each choice submits the form, through a Leptos handler: the
//! Content-Security-Policy blocks inline ones).

use leptos::prelude::*;
use leptos_router::components::Form;
use strum::VariantArray;

use crate::{
    domain::{
        Code,
        directory::{StructureKind, communes::communes},
        watch::indicators::{Choice, Dimension},
    },
    ui::pages::search::submit_on_change,
};

/// What the form offers besides its fixed lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offered {
    pub years: Vec<i32>,
    pub buyers: Vec<Choice>,
    pub organisations: Vec<Choice>,
}

fn select(
    name: &'static str,
    label: &'static str,
    value: String,
    choices: Vec<Choice>,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("filtre-{name}");
    let error_id = format!("{id}-erreur");
    let described = error.as_ref().map(|_| error_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=submit_on_change aria-describedby=described>
                <option value="" selected=value.is_empty()>"— tous —"</option>
                {choices.into_iter().map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            {error.map(|e| view! { <p class="error" id=error_id role="alert">{e}</p> })}
        </div>
    }
}

fn text(
    name: &'static str,
    label: &'static str,
    value: String,
    placeholder: &'static str,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("filtre-{name}");
    let error_id = format!("{id}-erreur");
    let described = error.as_ref().map(|_| error_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=name value=value placeholder=placeholder on:change=submit_on_change aria-describedby=described/>
            {error.map(|e| view! { <p class="error" id=error_id role="alert">{e}</p> })}
        </div>
    }
}

/// `typed`: the address's values as typed; `errors`: (parameter, French message).
#[component]
pub fn FilterForm(
    typed: Vec<(String, String)>,
    errors: Vec<(String, String)>,
    offered: Offered,
) -> impl IntoView {
    let value = move |name: &str| {
        typed.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let error = move |name: &str| errors.iter().find(|(k, _)| k == name).map(|(_, m)| m.clone());
    let years = offered.years.iter().map(|y| (y.to_string(), y.to_string())).collect();
    let kinds = StructureKind::VARIANTS
        .iter()
        .map(|k| (k.code().to_owned(), k.label().to_owned()))
        .collect();
    let places: Vec<Choice> =
        communes().iter().map(|c| (c.insee.to_owned(), c.name.to_owned())).collect();
    let dimensions: Vec<Choice> =
        Dimension::VARIANTS.iter().map(|d| (d.code().to_owned(), d.label().to_owned())).collect();
    let buyer_kinds =
        vec![("public".to_owned(), "Public".to_owned()), ("prive".to_owned(), "Privé".to_owned())];
    let mut views: Vec<Choice> = offered
        .organisations
        .iter()
        .map(|(_, name)| ("organisation".to_owned(), format!("Ma part : {name}")))
        .take(1)
        .collect();
    views.push(("partenariat".to_owned(), "Le partenariat".to_owned()));
    let dimension = value("ventilation");
    view! {
        <Form method="GET" action="/veille" attr:id="indicators-form" attr:class="panel filters no-print">
            <fieldset>
                <legend>"Période (une seule)"</legend>
                {select("annee", "Année", value("annee"), years, error("annee"))}
                {text("trimestre", "ou trimestre", value("trimestre"), "2025-T2", error("trimestre"))}
                {text("mois", "ou mois", value("mois"), "2025-03", error("mois"))}
                {text("annees", "ou années", value("annees"), "2022-2025", error("annees"))}
                {error("periode").map(|e| view! { <p class="error" id="filtre-periode-erreur" role="alert">{e}</p> })}
            </fieldset>
            <fieldset>
                <legend>"Filtres"</legend>
                {(!offered.organisations.is_empty()).then(|| select("vue", "Vue", value("vue"), views, error("vue")))}
                {select("type_acheteur", "Type d'acheteur", value("type_acheteur"), buyer_kinds, error("type_acheteur"))}
                {select("acheteur", "Acheteur public", value("acheteur"), offered.buyers.clone(), error("acheteur"))}
                {text("cpv", "Division CPV (2 chiffres)", value("cpv"), "77", error("cpv"))}
                {select("commune_fournisseur", "Commune du fournisseur", value("commune_fournisseur"), places.clone(), error("commune_fournisseur"))}
                {select("commune_execution", "Commune d'exécution", value("commune_execution"), places, error("commune_execution"))}
                {select("type_structure", "Type de structure", value("type_structure"), kinds, error("type_structure"))}
            </fieldset>
            <div class="field">
                <label for="filtre-ventilation">"Ventiler par"</label>
                <select id="filtre-ventilation" name="ventilation" on:change=submit_on_change>
                    {dimensions.into_iter().map(|(v, l)| {
                        let selected = v == dimension || (dimension.is_empty() && v == Dimension::default().code());
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
                {error("ventilation").map(|e| view! { <p class="error" id="filtre-ventilation-erreur" role="alert">{e}</p> })}
            </div>
            <button type="submit" id="indicators-submit">"Afficher"</button>
        </Form>
    }
}
