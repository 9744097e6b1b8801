//! `/hqs/controles`: the compliance checks a person may see.

use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{domain::calendar::french_date, error::AppError, server_fns::hqs::get_checks};

#[component]
pub fn ChecksPage() -> impl IntoView {
    let checks = Resource::new(|| (), |_| get_checks());
    view! {
            <Title text="Contrôles HQS"/>
            <h1>"Contrôles « Haute Qualité Solidaire »"</h1>
            <p>"Un contrôle confronte un fournisseur (et, s'il y a lieu, une de ses offres) à un profil d'exigences. Ouvrez-en un depuis la fiche d'une structure."</p>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match checks.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir vos contrôles. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="muted panel" id="no-check">"Aucun contrôle."</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="plain-list panel" id="checks">
                                {list.into_iter().map(|c| view! {
                                    <li>
                                        <a href=format!("/hqs/controles/{}", c.id)>{c.structure_name.clone()}</a>
                                        {c.offer_title.clone().map(|t| format!(" — {t}"))}
                                        " · profil « " {c.profile_name.clone()} " » · " {c.buyer_name.clone()}
                                        " · " <span class="state">{c.state.label()}</span>
                                        {c.decision.map(|d| format!(" ({})", d.label()))}
                                        " · " {french_date(c.updated_at)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        }
}
