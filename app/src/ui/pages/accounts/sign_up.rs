use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    server_fns::accounts::SignUp,
    ui::components::{FormField, field_error, initial_value, refusal, succeeded},
};

/// `/inscription`: create an account. Errors come from the action once hydrated, from the
/// page's flash after a plain form post.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let answer = Signal::derive(move || action.value().get());
    let sent = succeeded(answer, "envoye");
    let error = move |field: &'static str| field_error(answer, field);
    let failure = refusal(answer);
    let kept = move |field: &'static str| {
        let value = initial_value("", field);
        Signal::derive(move || value.clone())
    };
    view! {
        <Title text="Créer un compte"/>
        <section class="panel narrow">
            <h1>"Créer un compte"</h1>
            <Show
                when=move || sent.get()
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
