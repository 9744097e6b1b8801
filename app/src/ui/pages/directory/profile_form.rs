use crate::domain::Code;
use leptos::prelude::*;

use super::choices;
use crate::{
    domain::directory::StructureForm,
    server_fns::directory::UpdateStructure,
    ui::components::{
        GroupField, GroupSelect, GroupTextArea, field_error, initial_value, refusal, succeeded,
    },
};

/// The profile form of a structure's workspace, with French errors next to each field.
#[component]
pub fn ProfileEditor(
    action: ServerAction<UpdateStructure>,
    structure_id: String,
    form: StructureForm,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let saved = succeeded(answer, "enregistre");
    let e = move |field: &'static str| field_error(answer, field);
    let v = |stored: &str, key: &str| initial_value(stored, key);
    let kinds_now = v(&form.kinds, "kinds");
    let checked: Vec<String> = kinds_now
        .split([',', ' '])
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect();
    let kinds_error = e("kinds");
    view! {
        <section class="panel" id="profil">
            <h2>"Profil"</h2>
            <ActionForm action=action attr:id="profile-form" attr:novalidate=true>
                <input type="hidden" name="structure_id" value=structure_id/>
                <fieldset>
                    <legend>"Identité"</legend>
                    <GroupField group="form" key="name" label="Nom" required=true value=v(&form.name, "name") error=e("name")/>
                    <GroupField group="form" key="brand" label="Enseigne ou nom commercial" value=v(&form.brand, "brand") error=e("brand")/>
                    <GroupField group="form" key="siret" label="SIRET" hint="14 chiffres : SIREN + NIC de l'établissement" value=v(&form.siret, "siret") error=e("siret")/>
                    <GroupField group="form" key="rna" label="Numéro RNA (associations)" hint="W suivi de 9 chiffres" value=v(&form.rna, "rna") error=e("rna")/>
                    <GroupField group="form" key="naf" label="Code NAF" hint="Par exemple 88.10A" value=v(&form.naf, "naf") error=e("naf")/>
                    <GroupField group="form" key="legal_form" label="Forme juridique" hint="Association, SARL, SCOP-SARL, SCIC-SAS, fondation…" value=v(&form.legal_form, "legal_form") error=e("legal_form")/>
                    <div class="field" class:field-invalid=move || kinds_error.get().is_some()>
                        <span class="label" id="kinds-label">"Type de structure (un ou plusieurs)"</span>
                        <div class="checkboxes" role="group" aria-labelledby="kinds-label">
                            {choices::kinds().iter().map(|k| {
                                let on = checked.iter().any(|c| c == k.code());
                                view! {
                                    <label class="checkbox">
                                        <input type="checkbox" name="form[kind][]" value=k.code() checked=on/>
                                        " " <abbr title=k.label()>{k.code()}</abbr> " — " {k.label()}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <p class="field-error" id="champ-kinds-erreur" role="alert">{move || kinds_error.get()}</p>
                    </div>
                    <GroupField group="form" key="esus_agreed_on" label="Agrément ESUS obtenu le" kind="date" value=v(&form.esus_agreed_on, "esus_agreed_on") error=e("esus_agreed_on")/>
                    <GroupField group="form" key="networks" label="Réseaux" hint="Fédérations, têtes de réseau…" value=v(&form.networks, "networks") error=e("networks")/>
                    <GroupField group="form" key="year_founded" label="Année de création" kind="number" value=v(&form.year_founded, "year_founded") error=e("year_founded")/>
                    <GroupTextArea group="form" key="description" label="Description de l'activité" value=v(&form.description, "description") error=e("description")/>
                </fieldset>
                <fieldset>
                    <legend>"Contact"</legend>
                    <GroupField group="form" key="contact_name" label="Personne à contacter" value=v(&form.contact_name, "contact_name") error=e("contact_name")/>
                    <GroupField group="form" key="contact_email" label="E-mail" kind="email" value=v(&form.contact_email, "contact_email") error=e("contact_email")/>
                    <GroupField group="form" key="contact_phone" label="Téléphone" kind="tel" value=v(&form.contact_phone, "contact_phone") error=e("contact_phone")/>
                    <GroupField group="form" key="website" label="Site web" value=v(&form.website, "website") error=e("website")/>
                </fieldset>
                <fieldset>
                    <legend>"Adresse"</legend>
                    <GroupField group="form" key="address" label="Adresse" value=v(&form.address, "address") error=e("address")/>
                    <GroupSelect group="form" key="commune" label="Commune" options=choices::communes_choice() value=v(&form.commune, "commune") error=e("commune")/>
                    <GroupField group="form" key="postcode" label="Code postal" hint="Facultatif pour une commune de la Métropole" value=v(&form.postcode, "postcode") error=e("postcode")/>
                    <GroupField group="form" key="other_insee" label="Autre commune : code INSEE" value=v(&form.other_insee, "other_insee") error=e("other_insee")/>
                    <GroupField group="form" key="commune_name" label="Autre commune : nom" value=v(&form.commune_name, "commune_name") error=e("commune_name")/>
                    <GroupField group="form" key="latitude" label="Latitude" hint="Par exemple 45,1885 (sans position, la fiche n'est pas triée par distance)" value=v(&form.latitude, "latitude") error=e("latitude")/>
                    <GroupField group="form" key="longitude" label="Longitude" hint="Par exemple 5,7245" value=v(&form.longitude, "longitude") error=e("longitude")/>
                </fieldset>
                <fieldset>
                    <legend>"Capacité et engagement social"</legend>
                    <GroupField group="form" key="permanent_staff" label="Salariés permanents" kind="number" value=v(&form.permanent_staff, "permanent_staff") error=e("permanent_staff")/>
                    <GroupField group="form" key="insertion_staff" label="Salariés en insertion" kind="number" value=v(&form.insertion_staff, "insertion_staff") error=e("insertion_staff")/>
                    <GroupField group="form" key="disabled_share" label="Part de travailleurs handicapés (%)" value=v(&form.disabled_share, "disabled_share") error=e("disabled_share")/>
                    <GroupField group="form" key="detainee_share" label="Part de travailleurs détenus (%)" hint="Travail pénitentiaire (art. L2113-13-1 du Code de la commande publique)" value=v(&form.detainee_share, "detainee_share") error=e("detainee_share")/>
                    <GroupField group="form" key="insertion_hours_capacity" label="Heures d'insertion réalisables par an" hint="Pour répondre aux clauses sociales d'insertion (art. L2112-2)" kind="number" value=v(&form.insertion_hours_capacity, "insertion_hours_capacity") error=e("insertion_hours_capacity")/>
                    <GroupSelect group="form" key="turnover_band" label="Chiffre d'affaires annuel" options=choices::turnover_bands() value=v(&form.turnover_band, "turnover_band") error=e("turnover_band")/>
                    <GroupTextArea group="form" key="client_references" label="Références clients" value=v(&form.client_references, "client_references") error=e("client_references")/>
                </fieldset>
                <p class="error" role="alert">{refusal(answer)}</p>
                <Show when=move || saved.get()>
                    <p class="success" role="status" id="profile-saved">"Profil enregistré."</p>
                </Show>
                <button type="submit" id="save-profile">"Enregistrer le profil"</button>
            </ActionForm>
        </section>
    }
}
