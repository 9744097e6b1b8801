//! `/besoins/nouveau`: a buyer drafts a need. Saving keeps a draft (only the title is
//! required); the draft's page shows its potential and sends it to the pôle.

use leptos::prelude::*;
use leptos_meta::Title;

use super::need_fields::NeedFields;
use crate::{
    domain::needs::{NeedForm, views::NewNeedPage},
    error::AppError,
    server_fns::needs::{CreateNeed, get_new_need},
    ui::components::{ErrorView, field_error, initial_value, refusal},
};

#[component]
pub fn NewNeedPageView() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_new_need());
    view! {
        <Title text="Déposer un besoin"/>
        <h1>"Déposer un besoin"</h1>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour déposer un besoin. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(AppError::Forbidden) => view! {
                        <ErrorView error=AppError::Forbidden>
                            <p class="panel" id="need-no-buyer">
                                "Un besoin est déposé au nom d'un acheteur dont vous êtes propriétaire ou acheteur habilité. "
                                <a href="/organisations">"Créer ou rejoindre une organisation d'acheteur"</a>
                            </p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <NewNeedForm page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewNeedForm(page: NewNeedPage) -> impl IntoView {
    let action = ServerAction::<CreateNeed>::new();
    let answer = Signal::derive(move || action.value().get());
    let buyers: Vec<(String, String)> = page
        .buyers
        .iter()
        .map(|b| {
            let mark = if b.verified { "" } else { " (non vérifié : brouillon seulement)" };
            (b.id.clone(), format!("{}{mark}", b.name))
        })
        .collect();
    let first = page.buyers.first().map(|b| b.id.clone()).unwrap_or_default();
    let chosen = initial_value(&first, "organisation_id");
    let buyer_error = field_error(answer, "organisation_id");
    let unverified = page.buyers.iter().any(|b| !b.verified);
    view! {
        {unverified.then(|| view! {
            <p class="panel notice" id="need-unverified">
                "Un acheteur non vérifié par le pôle peut préparer un besoin mais pas le publier : demandez sa vérification depuis la page de l'organisation."
            </p>
        })}
        <ActionForm action=action attr:id="need-form" attr:novalidate=true attr:class="panel">
            <div class="field">
                <label for="champ-organisation_id">"Au nom de *"</label>
                <select id="champ-organisation_id" name="organisation_id" aria-describedby="champ-organisation_id-erreur">
                    {buyers.into_iter().map(|(id, name)| {
                        let selected = id == chosen;
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" id="champ-organisation_id-erreur" role="alert">{move || buyer_error.get()}</p>
            </div>
            <NeedFields form=NeedForm::default() answer profiles=page.profiles/>
            <p class="error" role="alert">{refusal(answer)}</p>
            <button type="submit" id="save-need">"Enregistrer le brouillon"</button>
        </ActionForm>
    }
}
