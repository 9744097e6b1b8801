use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{domain::accounts::VerifyOutcome, server_fns::accounts::VerifyEmail};

/// `/verification-email?jeton=…`: the link of the verification e-mail. Confirming is a
/// button (a POST), so that a mail scanner opening the link does not use it up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    let outcome = move || match action.value().get() {
        Some(Ok(outcome)) => Some(outcome),
        Some(Err(_)) => None,
        None => query.read().get("resultat").and_then(|code| match code.as_str() {
            "ok" => Some(VerifyOutcome::Verified),
            "expire" => Some(VerifyOutcome::Expired),
            "deja-utilise" => Some(VerifyOutcome::AlreadyUsed),
            "invalide" => Some(VerifyOutcome::Invalid),
            _ => None,
        }),
    };
    view! {
        <Title text="Confirmer votre adresse"/>
        <section class="panel narrow">
            <h1>"Confirmer votre adresse e-mail"</h1>
            {move || match outcome() {
                Some(outcome) => {
                    let ok = outcome == VerifyOutcome::Verified;
                    view! {
                        <p class=if ok { "success" } else { "error" } role="status" id="verify-result">
                            {outcome.message()}
                        </p>
                        <p><a href="/connexion">"Se connecter"</a></p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <ActionForm action=action attr:id="verify-form">
                            <input type="hidden" name="token" value=token/>
                            <button type="submit">"Confirmer mon adresse"</button>
                        </ActionForm>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
