use leptos::prelude::*;

use super::choices;
use crate::{
    domain::directory::OfferForm,
    ui::components::{Answer, GroupField, GroupSelect, GroupTextArea, field_error},
};

/// The fields of an offer, shared by its creation and its editor.
#[component]
pub fn OfferFields(answer: Answer<String>, form: OfferForm) -> impl IntoView {
    let e = move |field: &'static str| field_error(answer, field);
    let on_quote = form.on_quote.is_some();
    view! {
        <GroupField group="form" prefix="offre-" key="title" label="Titre" required=true value=form.title error=e("title")/>
        <GroupTextArea group="form" prefix="offre-" key="description" label="Description" required=true value=form.description error=e("description")/>
        <GroupSelect group="form" prefix="offre-" key="sector" label="Secteur" required=true options=choices::sectors() value=form.sector error=e("sector")/>
        <GroupField group="form" prefix="offre-" key="cpv" label="Codes CPV" hint="Facultatif : sinon, le code principal du secteur" value=form.cpv error=e("cpv")/>
        <GroupSelect group="form" prefix="offre-" key="service_kind" label="Type de prestation" required=true options=choices::service_kinds() value=form.service_kind error=e("service_kind")/>
        <GroupField group="form" prefix="offre-" key="unit" label="Unité" hint="heure, jour, pièce, repas…" value=form.unit error=e("unit")/>
        <GroupField group="form" prefix="offre-" key="price" label="Prix indicatif HT (€)" value=form.price error=e("price")/>
        <div class="field">
            <label class="checkbox"><input type="checkbox" name="form[on_quote]" value="on" checked=on_quote/>" Sur devis"</label>
        </div>
        <GroupField group="form" prefix="offre-" key="min_quantity" label="Quantité minimale" kind="number" value=form.min_quantity error=e("min_quantity")/>
        <GroupField group="form" prefix="offre-" key="max_quantity" label="Quantité ou capacité maximale" kind="number" value=form.max_quantity error=e("max_quantity")/>
        <GroupField group="form" prefix="offre-" key="lead_time" label="Délai" hint="Par exemple : sous 10 jours" value=form.lead_time error=e("lead_time")/>
        <GroupSelect group="form" prefix="offre-" key="reach" label="Zone d'intervention" options=choices::reaches(true) value=form.reach error=e("reach")/>
        <GroupField group="form" prefix="offre-" key="reach_km" label="Rayon (km)" kind="number" value=form.reach_km/>
        <GroupField group="form" prefix="offre-" key="reach_communes" label="Codes INSEE des communes" value=form.reach_communes/>
    }
}
