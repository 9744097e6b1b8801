use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    server_fns::accounts::{ChangePassword, DeleteAccount, LogoutEverywhere},
    ui::components::{FormField, SessionContext, field_error, refusal, succeeded},
};

/// `/compte`: change the password, sign out everywhere, delete the account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let session = expect_context::<SessionContext>();
    view! {
        <Title text="Mon compte"/>
        <h1>"Mon compte"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(user)) => view! {
                        <p class="muted">{format!("{} · {}", user.display_name, user.email)}</p>
                        <ChangePasswordForm/>
                        <SignOutEverywhere/>
                        <DeleteAccountForm/>
                    }
                        .into_any(),
                    _ => view! {
                        <p class="panel">"Connectez-vous pour gérer votre compte. " <a href="/connexion">"Se connecter"</a></p>
                    }
                        .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let answer = Signal::derive(move || action.value().get());
    let done = succeeded(answer, "mot-de-passe");
    view! {
        <section class="panel">
            <h2>"Changer de mot de passe"</h2>
            <ActionForm action=action attr:id="change-password-form">
                <FormField name="current_password" label="Mot de passe actuel" kind="password" autocomplete="current-password" error=field_error(answer, "current_password")/>
                <FormField name="password" label="Nouveau mot de passe" kind="password" autocomplete="new-password" error=field_error(answer, "password")/>
                <FormField name="password_confirm" label="Confirmez-le" kind="password" autocomplete="new-password" error=field_error(answer, "password_confirm")/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <Show when=move || done.get()>
                    <p class="success" role="status" id="password-changed">
                        "Mot de passe changé ; vos autres sessions ont été fermées."
                    </p>
                </Show>
                <button type="submit">"Changer"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SignOutEverywhere() -> impl IntoView {
    let action = ServerAction::<LogoutEverywhere>::new();
    let session = expect_context::<SessionContext>();
    Effect::new(move |_| {
        if action.value().get().is_some_and(|r| r.is_ok()) {
            session.refresh();
        }
    });
    view! {
        <section class="panel">
            <h2>"Sessions"</h2>
            <ActionForm action=action attr:id="sign-out-everywhere-form">
                <button type="submit" class="secondary">"Me déconnecter sur tous mes appareils"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteAccountForm() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let answer = Signal::derive(move || action.value().get());
    let session = expect_context::<SessionContext>();
    let deleted = succeeded(answer, "supprime");
    Effect::new(move |_| {
        if deleted.get() {
            session.refresh();
        }
    });
    view! {
        <section class="panel">
            <h2>"Supprimer mon compte"</h2>
            <p>
                "Vos données personnelles (nom, adresse e-mail, mot de passe) sont effacées et "
                "vous quittez vos organisations ; ce que vous avez enregistré pour elles est conservé."
            </p>
            <ActionForm action=action attr:id="delete-account-form">
                <FormField name="password" label="Mot de passe, pour confirmer" kind="password" autocomplete="current-password" error=field_error(answer, "password")/>
                <p class="error" role="alert">{refusal(answer)}</p>
                <button type="submit" class="secondary">"Supprimer définitivement mon compte"</button>
            </ActionForm>
        </section>
    }
}
