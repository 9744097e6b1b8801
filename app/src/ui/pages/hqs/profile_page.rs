//! `/hqs/profils/<id>`: what a profile requires; its form for the people who edit it.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    profile_fields::{ProfileFields, typed_or},
    requirements_table::RequirementsTable,
};
use crate::{
    domain::calendar::french_date,
    error::AppError,
    server_fns::hqs::{ArchiveProfile, UpdateProfile, get_profile},
    ui::components::{refusal, succeeded},
};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let update = ServerAction::<UpdateProfile>::new();
    let archive = ServerAction::<ArchiveProfile>::new();
    let profile = Resource::new(move || (id(), update.version().get()), |(id, _)| get_profile(id));
    let answer = Signal::derive(move || update.value().get());
    let saved = succeeded(answer, "enregistre");
    let refused = refusal(answer);
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir ce profil. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(AppError::NotFound) => view! {
    <ErrorView error=AppError::NotFound>
                            <Title text="Profil introuvable"/>
                            <h1>"Profil introuvable"</h1>
                            <p>"Ce profil n'existe pas, a été archivé ou n'est pas partagé."</p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(view) => {
                            let summary = view.summary.clone();
                            let profile_id = summary.id.clone();
                            let archive_id = summary.id.clone();
                            view! {
                                <Title text=summary.name.clone()/>
                                <h1 id="profile-name">{summary.name.clone()}</h1>
                                <p class="muted">
                                    {summary.organisation_name.clone()}
                                    " · référentiel version " {summary.referential_version}
                                    {if summary.shared { " · partagé" } else { " · privé" }}
                                    " · mis à jour le " {french_date(summary.updated_at)}
                                </p>
                                {(!view.description.is_empty()).then(|| view! { <p>{view.description.clone()}</p> })}
                                <section class="panel">
                                    <h2>"Exigences"</h2>
                                    <RequirementsTable requirements=view.requirements.clone()/>
                                    <p id="profile-search">
                                        "Dans le catalogue : "
                                        <a href=format!("/recherche?cible=structures&profil={}", summary.id)>"les structures qui le satisfont"</a>
                                        " · "
                                        <a href=format!("/recherche?profil={}", summary.id)>"les offres qui le satisfont"</a>
                                        " (d'après les faits déclarés)"
                                    </p>
                                </section>
                                {summary.editable.then(|| {
                                    let form = typed_or(view.form.clone());
                                    view! {
                                        <section class="panel" id="edit-profile">
                                            <h2>"Modifier le profil"</h2>
                                            <p class="muted">"Les contrôles déjà ouverts gardent le profil tel qu'il était."</p>
                                            <p class="success" role="status" id="profile-saved">{move || saved.get().then_some("Profil enregistré.")}</p>
                                            <ActionForm action=update attr:id="profile-form" attr:novalidate=true>
                                                <input type="hidden" name="profile_id" value=profile_id.clone()/>
                                                <ProfileFields form=form latest=view.latest.clone() answer=answer/>
                                                <p class="error" role="alert">{move || refused.get()}</p>
                                                <button type="submit">"Enregistrer"</button>
                                            </ActionForm>
                                            <ActionForm action=archive attr:class="inline-form">
                                                <input type="hidden" name="profile_id" value=archive_id.clone()/>
                                                <button type="submit" class="secondary">"Archiver le profil"</button>
                                            </ActionForm>
                                        </section>
                                    }
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}
