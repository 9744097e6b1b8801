//! `/veille/abonnement`: a member of the pôle chooses to receive the watch's report by e-mail
//! each month or each quarter (on the first working day after the period), or not at all.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::VariantArray;

use crate::{
    domain::watch::reports::Frequency,
    error::AppError,
    server_fns::watch::{SubscribeWatchReport, get_watch_report_subscription},
    ui::components::{ErrorView, field_error, successes},
};

#[component]
pub fn WatchSubscriptionPage() -> impl IntoView {
    let subscribe = ServerAction::<SubscribeWatchReport>::new();
    let saved = successes(subscribe);
    let current = Resource::new(move || saved.get(), |_| get_watch_report_subscription());
    view! {
        <Title text="Rapport de la veille par courriel"/>
        <p class="breadcrumb"><a href="/veille">"Veille des achats"</a></p>
        <h1>"Rapport de la veille par courriel"</h1>
        <p class="lead">
            "Recevez les chiffres clés de la veille des achats solidaires le premier jour ouvré "
            "qui suit chaque mois ou chaque trimestre, avec le lien vers le rapport imprimable. "
            "Les cases faites de moins de trois acheteurs y restent « secret »."
        </p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match current.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(chosen) => view! { <Choice chosen subscribe/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Choice(
    chosen: Option<Frequency>,
    subscribe: ServerAction<SubscribeWatchReport>,
) -> impl IntoView {
    let query = use_query_map();
    let answer = Signal::derive(move || subscribe.value().get());
    let now = chosen.map_or("Vous ne recevez pas le rapport.", |f| match f {
        Frequency::Monthly => "Vous recevez le rapport chaque mois.",
        Frequency::Quarterly => "Vous recevez le rapport chaque trimestre.",
    });
    view! {
        {move || query.read().get("enregistre").map(|_| view! {
            <p class="success" role="status" id="subscription-saved">"Votre choix est enregistré."</p>
        })}
        <p id="subscription-state">{now}</p>
        <ActionForm action=subscribe attr:id="subscription-form">
            <fieldset>
                <legend>"Recevoir le rapport"</legend>
                {Frequency::VARIANTS.iter().map(|f| {
                    let id = format!("champ-frequency-{}", f.code());
                    view! {
                        <p>
                            <input type="radio" id=id.clone() name="form[frequency]" value=f.code() checked=chosen == Some(*f)/>
                            <label for=id>{f.label()}</label>
                        </p>
                    }
                }).collect_view()}
                <p>
                    <input type="radio" id="champ-frequency-none" name="form[frequency]" value="none" checked=chosen.is_none()/>
                    <label for="champ-frequency-none">"Aucun rapport"</label>
                </p>
                <p class="error" id="champ-frequency-erreur" role="alert">{move || field_error(answer, "frequency").get()}</p>
            </fieldset>
            <button type="submit">"Enregistrer"</button>
        </ActionForm>
    }
}
