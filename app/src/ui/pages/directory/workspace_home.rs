use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{
    domain::directory::StructureForm,
    error::AppError,
    server_fns::directory::{CreateStructure, get_my_structures},
    ui::components::{GroupField, field_error, refusal},
};

/// `/espace`: the person's structures, and a profile to create for each supplier
/// organisation that has none.
#[component]
pub fn WorkspaceHomePage() -> impl IntoView {
    let create = ServerAction::<CreateStructure>::new();
    let mine = Resource::new(move || create.version().get(), |_| get_my_structures());
    view! {
            <Title text="Mon espace structure"/>
            <h1>"Mon espace structure"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour gérer la fiche de votre structure. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(mine) => {
                            let nothing = mine.structures.is_empty() && mine.organisations_without.is_empty();
                            view! {
                                {(!mine.structures.is_empty()).then(|| view! {
                                    <section class="panel">
                                        <h2>"Mes fiches"</h2>
                                        <ul class="plain-list" id="my-structures">
                                            {mine.structures.iter().map(|s| view! {
                                                <li>
                                                    <a href=format!("/espace/structures/{}", s.id)>{s.name.clone()}</a>
                                                    " · " <span class="muted">{s.status.label()}</span>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    </section>
                                })}
                                {mine.organisations_without.iter().map(|(id, name)| view! {
                                    <CreateStructureForm action=create organisation_id=id.clone() organisation_name=name.clone()/>
                                }).collect_view()}
                                {nothing.then(|| view! {
                                    <p class="panel" id="no-supplier">
                                        "Pour inscrire une structure de l'ESS dans l'annuaire, créez d'abord son organisation (type « structure de l'ESS ») ou rejoignez-la. "
                                        <a href="/organisations">"Mes organisations"</a>
                                    </p>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}

#[component]
fn CreateStructureForm(
    action: ServerAction<CreateStructure>,
    organisation_id: String,
    organisation_name: String,
) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let form = StructureForm { name: organisation_name.clone(), ..StructureForm::default() };
    view! {
        <section class="panel">
            <h2>"Créer la fiche de " {organisation_name}</h2>
            <ActionForm action=action attr:id="create-structure-form">
                <input type="hidden" name="organisation_id" value=organisation_id/>
                <GroupField group="form" key="name" label="Nom de la structure" value=form.name required=true error=field_error(answer, "name")/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit">"Créer la fiche (brouillon)"</button>
            </ActionForm>
        </section>
    }
}
