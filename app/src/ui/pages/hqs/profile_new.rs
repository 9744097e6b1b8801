//! `/hqs/profils/nouveau[?modele=…]`: the profile builder, empty or from a template.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::profile_fields::{ProfileFields, typed_or};
use crate::{
    error::AppError,
    server_fns::hqs::{CreateProfile, get_new_profile},
    ui::components::refusal,
};

#[component]
pub fn NewProfilePage() -> impl IntoView {
    let query = use_query_map();
    let template = move || query.read().get("modele").unwrap_or_default();
    let chosen_buyer = move || query.read().get("organisation").unwrap_or_default();
    let data = Resource::new(template, get_new_profile);
    let action = ServerAction::<CreateProfile>::new();
    let answer = Signal::derive(move || action.value().get());
    let refused = refusal(answer);
    view! {
            <Title text="Nouveau profil HQS"/>
            <h1>"Nouveau profil d'exigences"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour créer un profil. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(data) if data.buyers.is_empty() => view! {
                            <p class="panel error" id="profile-forbidden">"Seuls les responsables et acheteurs habilités d'un acheteur créent des profils."</p>
                        }.into_any(),
                        Ok(data) => {
                            let chosen = chosen_buyer();
                            let form = typed_or(data.form);
                            view! {
                                <ActionForm action=action attr:id="profile-form" attr:class="panel" attr:novalidate=true>
                                    <div class="field">
                                        <label for="champ-organisation_id">"Au nom de"</label>
                                        <select id="champ-organisation_id" name="organisation_id">
                                            {data.buyers.into_iter().map(|b| {
                                                let selected = b.id == chosen;
                                                view! { <option value=b.id.clone() selected=selected>{b.name.clone()}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <ProfileFields form=form latest=data.latest answer=answer/>
                                    <p class="error" role="alert">{move || refused.get()}</p>
                                    <button type="submit">"Créer le profil"</button>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}
