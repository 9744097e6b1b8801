use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    server_fns::accounts::RequestPasswordReset,
    ui::components::{FormField, field_error, refusal, succeeded},
};

/// `/mot-de-passe-oublie`: ask for a reset link.
#[component]
pub fn ForgottenPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let answer = Signal::derive(move || action.value().get());
    let sent = succeeded(answer, "envoye");
    view! {
        <Title text="Mot de passe oublié"/>
        <section class="panel narrow">
            <h1>"Mot de passe oublié"</h1>
            <Show
                when=move || sent.get()
                fallback=move || view! {
                    <ActionForm action=action attr:id="forgotten-form">
                        <FormField name="email" label="Adresse e-mail du compte" kind="email" autocomplete="email" error=field_error(answer, "email")/>
                        <p class="error" role="alert">{refusal(answer)}</p>
                        <button type="submit">"Recevoir un lien"</button>
                    </ActionForm>
                }
            >
                <p class="success" role="status" id="reset-sent">
                    "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de "
                    "passe vient de lui être envoyé. Il vaut une heure."
                </p>
            </Show>
        </section>
    }
}
