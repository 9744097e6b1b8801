//! A buyer organisation's API tokens, on its page, for its owners: the new token shown once,
//! the form to create one, the active ones with a revoke button.

use leptos::prelude::*;

use crate::{
    domain::{calendar::french_date, organisations::ApiTokenView},
    server_fns::organisations::{CreateApiToken, RevokeApiToken, organisation_api_tokens},
    ui::components::{FormField, field_error, initial_value, refusal, revealed},
};

#[component]
pub fn ApiTokens(organisation_id: String) -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let answer = Signal::derive(move || create.value().get());
    let revoked = Signal::derive(move || revoke.value().get());
    let created = revealed(answer, |new| new.token.clone());
    let id = organisation_id.clone();
    let tokens = Resource::new(
        move || (id.clone(), create.version().get(), revoke.version().get()),
        |(id, _, _)| organisation_api_tokens(id),
    );
    let typed = initial_value("", "name");
    let form_organisation = organisation_id.clone();
    view! {
        <section class="panel" id="api-tokens">
            <h2>"Jetons d'API"</h2>
            <p class="muted">
                "Un jeton permet au logiciel de votre organisation de déposer des besoins par l'API "
                <code>"POST /api/v1/needs"</code>
                " (en-tête " <code>"Authorization: Bearer …"</code>
                "). Il agit en votre nom tant que vous restez propriétaire de l'organisation."
            </p>
            {move || created.get().map(|token| view! {
                <div class="success" role="status" id="api-token-created">
                    <p>"Voici le nouveau jeton. Copiez-le maintenant, il ne sera plus affiché :"</p>
                    <p><code id="api-token-value">{token}</code></p>
                </div>
            })}
            <ActionForm action=create attr:id="api-token-form">
                <input type="hidden" name="organisation_id" value=form_organisation/>
                <FormField
                    name="name"
                    label="Nom du jeton"
                    hint="Le logiciel ou l'usage qu'il sert, 100 caractères au plus."
                    error=field_error(answer, "name")
                    value=typed
                />
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit">"Créer un jeton"</button>
            </ActionForm>
            <p class="error" role="alert">{refusal(revoked)}</p>
            <Transition fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || {
                    let organisation_id = organisation_id.clone();
                    Suspend::new(async move {
                    match tokens.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted" id="api-tokens-none">"Aucun jeton actif."</p> }.into_any()
                        }
                        Ok(list) => view! { <TokenTable organisation_id=organisation_id.clone() list revoke/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn TokenTable(
    organisation_id: String,
    list: Vec<ApiTokenView>,
    revoke: ServerAction<RevokeApiToken>,
) -> impl IntoView {
    view! {
        <table class="members" id="api-tokens-list">
            <thead>
                <tr><th>"Nom"</th><th>"Créé"</th><th>"Dernière utilisation"</th><th>"Action"</th></tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|token| {
                        let organisation_id = organisation_id.clone();
                        let created = match &token.created_by {
                            Some(by) => format!("{} par {by}", french_date(token.created_at)),
                            None => french_date(token.created_at),
                        };
                        let used = token.last_used_at.map_or_else(|| "jamais".to_owned(), french_date);
                        view! {
                            <tr>
                                <td class="api-token-name">{token.name}</td>
                                <td>{created}</td>
                                <td>{used}</td>
                                <td>
                                    <ActionForm action=revoke attr:class="inline-form">
                                        <input type="hidden" name="organisation_id" value=organisation_id/>
                                        <input type="hidden" name="token_id" value=token.id/>
                                        <button type="submit" class="small secondary">"Révoquer"</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
