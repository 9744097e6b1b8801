use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{domain::accounts::SignUpOutcome, server::accounts::SignUp, ui::components::FormField};

/// `/inscription`: create an account. Errors come from the action once hydrated, from the
/// address after a plain form post.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let query = use_query_map();
    let sent = move || {
        matches!(action.value().get(), Some(Ok(SignUpOutcome::CheckYourMail)))
            || query.read().get("envoye").is_some()
    };
    let error = move |field: &'static str| {
        Signal::derive(move || match action.value().get() {
            Some(Ok(SignUpOutcome::Invalid(errors))) => errors.get(field).map(str::to_owned),
            Some(_) => None,
            None => query.read().get(&format!("erreur_{field}")),
        })
    };
    let failure = move || action.value().get().and_then(|r| r.err()).map(|e| e.to_string());
    let kept = move |field: &'static str| {
        Signal::derive(move || query.read().get(field).unwrap_or_default())
    };
    view! {
        <Title text="Créer un compte"/>
        <section class="panel narrow">
            <h1>"Créer un compte"</h1>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <p class="muted">
                            "Un compte personnel vous permet ensuite de rejoindre ou de créer "
                            "l'organisation pour laquelle vous agissez."
                        </p>
                        <ActionForm action=action attr:id="sign-up-form" attr:novalidate=true>
                            <FormField name="name" label="Nom et prénom" autocomplete="name" error=error("name") value=kept("name")/>
                            <FormField name="email" label="Adresse e-mail" kind="email" autocomplete="email" error=error("email") value=kept("email")/>
                            <FormField
                                name="password"
                                label="Mot de passe"
                                kind="password"
                                autocomplete="new-password"
                                hint="12 caractères au moins ; une phrase facile à retenir convient très bien."
                                error=error("password")
                            />
                            <FormField name="password_confirm" label="Confirmez le mot de passe" kind="password" autocomplete="new-password" error=error("password_confirm")/>
                            <p class="error" role="alert">{failure}</p>
                            <button type="submit">"Créer mon compte"</button>
                        </ActionForm>
                        <p>"Déjà inscrit ? " <a href="/connexion">"Se connecter"</a></p>
                    }
                }
            >
                <p class="success" role="status" id="sign-up-sent">
                    "Merci ! Un e-mail vient de vous être envoyé : ouvrez le lien qu'il contient "
                    "pour confirmer votre adresse, puis connectez-vous."
                </p>
            </Show>
        </section>
    }
}
