//! `/besoins/validation`: the needs waiting for the pôle's animators.

use leptos::prelude::*;
use leptos_meta::Title;

use super::needs_list::NeedList;
use crate::{error::AppError, server_fns::needs::get_needs_queue, ui::components::ErrorView};

#[component]
pub fn NeedsQueuePage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| get_needs_queue());
    view! {
        <Title text="Besoins à valider"/>
        <h1>"Besoins à valider"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(AppError::Forbidden) => view! {
                        <ErrorView error=AppError::Forbidden>
                            <p class="panel error">"Les besoins sont validés par les animateurs du pôle."</p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="panel muted" id="no-need">"Aucun besoin en attente."</p> }.into_any(),
                    Ok(list) => view! { <NeedList needs=list id="needs-queue"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
