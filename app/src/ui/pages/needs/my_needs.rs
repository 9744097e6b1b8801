//! `/besoins/mes-besoins`: the needs of the person's buyers, and those matched to their
//! structures.

use leptos::prelude::*;
use leptos_meta::Title;

use super::needs_list::NeedList;
use crate::{
    domain::needs::views::MyNeeds, error::AppError, server_fns::needs::get_my_needs,
    ui::components::ErrorView,
};

#[component]
pub fn MyNeedsPage() -> impl IntoView {
    let mine = Resource::new(|| (), |_| get_my_needs());
    view! {
        <Title text="Mes besoins"/>
        <h1>"Mes besoins"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match mine.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir vos besoins. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(mine) => view! { <Mine mine/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Mine(mine: MyNeeds) -> impl IntoView {
    let writes = !mine.writes_for.is_empty();
    view! {
        <section id="buyer-needs">
            <h2>"Besoins de mes acheteurs"</h2>
            {writes.then(|| view! { <p><a href="/besoins/nouveau" class="button">"Déposer un besoin"</a></p> })}
            {if mine.as_buyer.is_empty() {
                view! { <p class="muted">"Aucun besoin."</p> }.into_any()
            } else {
                view! { <NeedList needs=mine.as_buyer id="my-buyer-needs"/> }.into_any()
            }}
        </section>
        {(!mine.pooled.is_empty()).then(|| view! {
            <section id="pooled-needs">
                <h2>"Achats groupés"</h2>
                <p class="muted">"Les besoins d'autres acheteurs que vos organisations ont rejoints, auxquels elles sont invitées ou qu'elles peuvent rejoindre."</p>
                <ul class="plain-list panel" id="my-pooled-needs">
                    {mine.pooled.into_iter().map(|p| view! {
                        <li>
                            <a href=format!("/besoins/{}", p.need.id)>{p.need.title.clone()}</a>
                            <span class="muted">{format!(
                                " · mené par {} · pour {} · {} · adhésions jusqu'au {}",
                                p.need.buyer,
                                p.buyer,
                                p.state.map_or("ouvert à tout acheteur vérifié", |s| s.label()),
                                crate::domain::calendar::french_iso_date(&p.join_until),
                            )}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section id="supplier-needs">
            <h2>"Besoins auxquels mes structures peuvent répondre"</h2>
            {if mine.as_supplier.is_empty() {
                view! { <p class="muted">"Aucun besoin pour l'instant."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list panel" id="my-matched-needs">
                        {mine.as_supplier.into_iter().map(|m| view! {
                            <li>
                                <a href=format!("/besoins/{}", m.need.id)>{m.need.title.clone()}</a>
                                <span class="muted">{format!(" · pour {} · {}", m.structure_name, m.need.buyer)}</span>
                                <ul class="reasons">{m.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
