use leptos::prelude::*;

use super::choices;
use crate::{
    domain::directory::views::ActivityView,
    server_fns::directory::{AddActivity, RemoveActivity},
    ui::components::{GroupField, GroupSelect, field_error, refusal},
};

/// The structure's activities: sector, kind of service, reach; add and remove.
#[component]
pub fn ActivitiesPanel(
    add: ServerAction<AddActivity>,
    remove: ServerAction<RemoveActivity>,
    structure_id: String,
    activities: Vec<ActivityView>,
) -> impl IntoView {
    let answer = Signal::derive(move || add.value().get());
    let e = move |field: &'static str| field_error(answer, field);
    let sid = structure_id.clone();
    view! {
        <section class="panel" id="activites">
            <h2>"Activités"</h2>
            {if activities.is_empty() {
                view! { <p class="muted" id="no-activity">"Aucune activité : déclarez au moins ce que fait la structure."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" id="activities">
                        {activities.into_iter().map(|a| {
                            let sid = sid.clone();
                            view! {
                            <li>
                                <strong>{a.sector.clone()}</strong> " · " {a.service_kind.clone()} " · " {a.reach.clone()}
                                " "
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="structure_id" value=sid.clone()/>
                                    <input type="hidden" name="activity_id" value=a.id.clone()/>
                                    <button type="submit" class="small secondary">"Retirer"</button>
                                </ActionForm>
                            </li>
                        }}).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"Ajouter une activité"</h3>
            <ActionForm action=add attr:id="activity-form">
                <input type="hidden" name="structure_id" value=structure_id/>
                <GroupSelect group="form" prefix="activite-" key="sector" label="Secteur" options=choices::sectors() error=e("sector") required=true/>
                <GroupSelect group="form" prefix="activite-" key="service_kind" label="Type de prestation" options=choices::service_kinds() error=e("service_kind") required=true/>
                <GroupSelect group="form" prefix="activite-" key="reach" label="Zone d'intervention" options=choices::reaches(false) error=e("reach") required=true/>
                <GroupField group="form" prefix="activite-" key="reach_km" label="Rayon (km), pour une zone en rayon" kind="number"/>
                <GroupField group="form" prefix="activite-" key="reach_communes" label="Codes INSEE des communes, pour une liste de communes" hint="Séparés par des espaces : 38185 38151"/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit">"Ajouter l'activité"</button>
            </ActionForm>
        </section>
    }
}
