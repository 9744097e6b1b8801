use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    server_fns::accounts::ResetPassword,
    ui::components::{FormField, field_error, refusal, succeeded},
};

/// `/mot-de-passe/nouveau?jeton=…`: the link of a reset e-mail.
#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let answer = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    let done = succeeded(answer, "fait");
    view! {
        <Title text="Nouveau mot de passe"/>
        <section class="panel narrow">
            <h1>"Choisir un nouveau mot de passe"</h1>
            <Show
                when=move || done.get()
                fallback=move || view! {
                    <ActionForm action=action attr:id="new-password-form">
                        <input type="hidden" name="token" value=token/>
                        <FormField name="password" label="Nouveau mot de passe" kind="password" autocomplete="new-password" hint="12 caractères au moins." error=field_error(answer, "password")/>
                        <FormField name="password_confirm" label="Confirmez-le" kind="password" autocomplete="new-password" error=field_error(answer, "password_confirm")/>
                        <p class="error" role="alert" id="new-password-refused">{refusal(answer)}</p>
                        <button type="submit">"Enregistrer"</button>
                    </ActionForm>
                }
            >
                <p class="success" role="status">"Votre mot de passe est changé. " <a href="/connexion">"Se connecter"</a></p>
            </Show>
        </section>
    }
}
