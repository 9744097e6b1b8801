use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use super::{create_form::CreateOrganisationForm, join_search::JoinSearch};
use crate::{error::AppError, server_fns::organisations::my_organisations};

/// `/organisations`: the signed-in person's organisations, create one, or ask to join one.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let mine = Resource::new(|| (), |()| my_organisations());
    view! {
            <Title text="Mes organisations"/>
            <h1>"Mes organisations"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">
                                "Connectez-vous pour voir vos organisations. "
                                <a href="/connexion">"Se connecter"</a>
                            </p>
                        </ErrorView>
    }
                            .into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) => view! {
                            <section class="panel">
                                {if list.is_empty() {
                                    view! { <p id="no-organisation">"Vous n'êtes membre d'aucune organisation pour l'instant."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list" id="my-organisations">
                                            {list
                                                .into_iter()
                                                .map(|org| view! {
                                                    <li>
                                                        <a href=format!("/organisations/{}", org.id)>{org.name}</a>
                                                        " · "
                                                        <span class="muted">{org.kind.label()}</span>
                                                        " · "
                                                        <span>{org.my_role.map(|r| r.label()).unwrap_or_default()}</span>
                                                    </li>
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </section>
                            <CreateOrganisationForm/>
                            <JoinSearch/>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        }
}
