use leptos::prelude::*;

use crate::ui::components::{ErrorView, successes};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    activities_panel::ActivitiesPanel, certifications_panel::CertificationsPanel,
    lifecycle_panel::LifecyclePanel, offers_panel::OffersPanel, profile_form::ProfileEditor,
    uploads_panel::UploadsPanel,
};
use crate::ui::pages::LabelPanel;
use crate::{
    error::AppError,
    server_fns::directory::{
        AddActivity, AddCertification, CreateOffer, RemoveActivity, RemoveCertification,
        RemoveUpload, StructureStep, UpdateStructure, get_structure_workspace,
    },
};

/// `/espace/structures/{id}`: everything the structure's editors change, with what the
/// profile still lacks and its history.
#[component]
pub fn StructureWorkspacePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let update = ServerAction::<UpdateStructure>::new();
    let step = ServerAction::<StructureStep>::new();
    let add_activity = ServerAction::<AddActivity>::new();
    let remove_activity = ServerAction::<RemoveActivity>::new();
    let create_offer = ServerAction::<CreateOffer>::new();
    let add_certification = ServerAction::<AddCertification>::new();
    let remove_certification = ServerAction::<RemoveCertification>::new();
    let remove_upload = ServerAction::<RemoveUpload>::new();
    let label_reloads =
        (successes(add_certification), successes(remove_certification), successes(remove_upload));
    let reloads =
        (successes(update), successes(step), successes(add_activity), successes(remove_activity));
    let workspace = Resource::new(
        move || {
            let labels = label_reloads.0.get() + label_reloads.1.get() + label_reloads.2.get();
            (id(), reloads.0.get(), reloads.1.get(), reloads.2.get(), reloads.3.get(), labels)
        },
        |(id, ..)| get_structure_workspace(id),
    );
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match workspace.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour modifier cette fiche. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::Forbidden) => view! {
    <ErrorView error=AppError::Forbidden>
                            <p class="panel error" id="workspace-forbidden">"Seuls les membres de la structure peuvent modifier sa fiche."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(ws) => {
                            let s = ws.structure.clone();
                            view! {
                                <Title text=format!("Fiche : {}", s.name)/>
                                <h1>{s.name.clone()}</h1>
                                <p>
                                    "État : " <strong id="structure-status">{s.status.label()}</strong>
                                    " · " <a href=format!("/structures/{}", s.slug) id="preview-link">
                                        {if s.status.is_public() { "Voir la page publique" } else { "Aperçu de la page" }}
                                    </a>
                                </p>
                                <section class="panel" id="completude">
                                    <h2>"Complétude : " <span id="completeness-score">{ws.completeness.score}</span> " %"</h2>
                                    <progress max="100" value=ws.completeness.score></progress>
                                    {(!ws.completeness.missing.is_empty()).then(|| view! {
                                        <ul class="plain-list" id="missing">
                                            {ws.completeness.missing.iter().map(|m| view! {
                                                <li>
                                                    {if m.required { "À compléter avant de soumettre : " } else { "Pour une fiche plus complète : " }}
                                                    {m.what.clone()}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </section>
                                <LifecyclePanel action=step structure_id=s.id.clone() status=s.status can_submit=ws.completeness.can_submit()/>
                                <ProfileEditor action=update structure_id=s.id.clone() form=ws.form.clone()/>
                                <ActivitiesPanel add=add_activity remove=remove_activity structure_id=s.id.clone() activities=s.activities.clone()/>
                                <CertificationsPanel add=add_certification remove=remove_certification structure_id=s.id.clone() labels=s.labels.clone()/>
                                <UploadsPanel remove=remove_upload structure_id=s.id.clone() documents=ws.documents.clone() labels=s.labels.clone()/>
                                <OffersPanel create=create_offer structure_id=s.id.clone() offers=s.offers.clone()/>
                                <LabelPanel structure_id=s.id.clone() published=s.status.is_public()/>
                                <section class="panel" id="historique">
                                    <h2>"Historique"</h2>
                                    {if ws.events.is_empty() {
                                        view! { <p class="muted">"Brouillon jamais soumis."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="plain-list" id="events">
                                                {ws.events.iter().map(|ev| view! {
                                                    <li>
                                                        {crate::domain::calendar::french_date(ev.at)} " · "
                                                        {ev.from_status.label()} " → " <strong>{ev.to_status.label()}</strong>
                                                        {ev.actor.clone().map(|a| view! { " · par " {a} })}
                                                        {ev.reason.clone().map(|r| view! { " · motif : " <em>{r}</em> })}
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </section>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}
