//! `/hqs/profils`: the profiles a person may use, templates to start from.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{
    domain::{calendar::french_date, hqs::TEMPLATES},
    error::AppError,
    server_fns::hqs::get_profiles,
};

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_profiles());
    view! {
            <Title text="Profils d'exigences HQS"/>
            <h1>"Profils d'exigences « Haute Qualité Solidaire »"</h1>
            <p>"Un profil dit ce que vous exigez de vos fournisseurs, critère par critère, sur la base du " <a href="/hqs">"référentiel"</a> ". Comparez plusieurs profils partagés avec l'" <a href="/hqs/harmonisation">"harmonisation"</a> "."</p>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir et créer des profils. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(page) => view! {
                            <section class="panel">
                                <h2>"Profils"</h2>
                                {if page.profiles.is_empty() {
                                    view! { <p class="muted" id="no-profile">"Aucun profil pour l'instant."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list" id="profiles">
                                            {page.profiles.into_iter().map(|p| view! {
                                                <li>
                                                    <a href=format!("/hqs/profils/{}", p.id)>{p.name.clone()}</a>
                                                    " · " {p.organisation_name.clone()}
                                                    {p.shared.then_some(" · partagé")}
                                                    " · référentiel v" {p.referential_version}
                                                    " · mis à jour le " {french_date(p.updated_at)}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                            {if page.buyers.is_empty() {
                                view! {
                                    <p class="panel muted" id="no-buyer">"Les profils se créent au nom d'un acheteur : il faut en être responsable ou acheteur habilité."</p>
                                }.into_any()
                            } else {
                                view! {
                                    <section class="panel" id="new-profile">
                                        <h2>"Créer un profil"</h2>
                                        <ul class="plain-list">
                                            <li><a href="/hqs/profils/nouveau">"Profil vierge"</a></li>
                                            {TEMPLATES.iter().map(|t| view! {
                                                <li>
                                                    <a href=format!("/hqs/profils/nouveau?modele={}", t.code) id=format!("modele-{}", t.code)>{t.name}</a>
                                                    " — " <span class="muted">{t.description}</span>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    </section>
                                }.into_any()
                            }}
                        }.into_any(),
                    }
                })}
            </Suspense>
        }
}
