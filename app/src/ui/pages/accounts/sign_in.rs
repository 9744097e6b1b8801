use crate::domain::Code;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::accounts::LoginOutcome,
    server_fns::accounts::Login,
    ui::components::{FormField, SessionContext},
};

/// `/connexion`: sign in.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let session = expect_context::<SessionContext>();
    let query = use_query_map();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(LoginOutcome::SignedIn))) {
            session.refresh();
        }
    });
    let message = move || match action.value().get() {
        Some(Ok(outcome)) if outcome != LoginOutcome::SignedIn => {
            Some(outcome.message().to_owned())
        }
        Some(Err(error)) => Some(error.to_string()),
        Some(Ok(_)) => None,
        None => query
            .read()
            .get("erreur")
            .and_then(|code| LoginOutcome::from_code(&code))
            .map(|o| o.message().to_owned()),
    };
    let none = Signal::derive(|| None::<String>);
    view! {
        <Title text="Connexion"/>
        <section class="panel narrow">
            <h1>"Se connecter"</h1>
            <Show when=move || query.read().get("mot-de-passe").is_some()>
                <p class="success" role="status">"Mot de passe changé : connectez-vous avec le nouveau."</p>
            </Show>
            <ActionForm action=action attr:id="sign-in-form">
                <FormField name="email" label="Adresse e-mail" kind="email" autocomplete="email" error=none/>
                <FormField name="password" label="Mot de passe" kind="password" autocomplete="current-password" error=none/>
                <p class="error" role="alert" id="sign-in-error">{message}</p>
                <button type="submit">"Se connecter"</button>
            </ActionForm>
            <p>
                <a href="/mot-de-passe-oublie">"Mot de passe oublié ?"</a>
                " · Pas encore de compte ? "
                <a href="/inscription">"Créer un compte"</a>
            </p>
        </section>
    }
}
