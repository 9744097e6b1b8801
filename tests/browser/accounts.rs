use tests::{Browser, JavaScript, PASSWORD, TestApp, spawn_app};

use crate::steps::{fill, open, sign_in, submit, text_of, wait_text};

/// The journey: sign up, verify, sign in, create an organisation, invite a second
/// person who joins, sign out.
async fn sign_up_verify_sign_in_sign_out(app: &TestApp, javascript: JavaScript) {
    let browser = Browser::start(javascript).await;
    let email = "claire.martin@exemple.fr";
    browser.client.goto(&app.url("/inscription")).await.expect("open");
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }

    // A mistake first: the French message shows next to the field, nothing is stored.
    fill(&browser, "name", "Claire Martin").await;
    fill(&browser, "email", "claire.martin@").await;
    fill(&browser, "password", PASSWORD).await;
    fill(&browser, "password_confirm", PASSWORD).await;
    browser.find("#sign-up-form button[type=submit]").await.click().await.expect("submit");
    wait_text(&browser, "#champ-email-erreur", "n'est pas valide").await;
    assert_eq!(tests::count(&app.database_url, "users").await, 0);

    fill(&browser, "email", email).await;
    fill(&browser, "password", PASSWORD).await;
    fill(&browser, "password_confirm", PASSWORD).await;
    browser.find("#sign-up-form button[type=submit]").await.click().await.expect("submit");
    wait_text(&browser, "#sign-up-sent", "Un e-mail vient de vous être envoyé").await;

    // The link of the e-mail, as the outbox holds it.
    let token = app.verification_token(email).await;
    browser
        .client
        .goto(&app.url(&format!("/verification-email?jeton={token}")))
        .await
        .expect("open");
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    browser.find("#verify-form button").await.click().await.expect("confirm");
    wait_text(&browser, "#verify-result", "Votre adresse e-mail est confirmée").await;

    browser.client.goto(&app.url("/connexion")).await.expect("open");
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    fill(&browser, "email", email).await;
    fill(&browser, "password", "pas le bon mot de passe").await;
    browser.find("#sign-in-form button").await.click().await.expect("submit");
    wait_text(&browser, "#sign-in-error", "Adresse e-mail ou mot de passe incorrect.").await;
    fill(&browser, "email", email).await;
    fill(&browser, "password", PASSWORD).await;
    browser.find("#sign-in-form button").await.click().await.expect("submit");
    wait_text(&browser, ".user-name", "Claire Martin").await;

    // Create an organisation; its page opens.
    browser.find(".site-header a[href='/organisations']").await.click().await.expect("menu");
    wait_text(&browser, "h1", "Mes organisations").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    fill(&browser, "name", "Régie de quartier Mistral").await;
    browser.find("#champ-kind option[value=supplier]").await.click().await.expect("kind");
    submit(&browser, "#create-organisation-form").await;
    wait_text(&browser, "#organisation-name", "Régie de quartier Mistral").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }

    // Invite a second person, who already has an account.
    app.sign_up("Bob Durand", "bob@exemple.fr", PASSWORD).await;
    let bob_token = app.verification_token("bob@exemple.fr").await;
    app.call_ok(&app.new_client(), "verify-email", &[("token", &bob_token)]).await;
    fill(&browser, "email", "bob@exemple.fr").await;
    submit(&browser, "#invite-form").await;
    wait_text(&browser, "#invitation-sent", "L'invitation a été envoyée").await;

    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(&browser, ".site-header nav", "Se connecter").await;
    assert!(text_of(&browser, ".site-header nav").await.contains("Créer un compte"));

    // The second person signs in, opens the invitation link and joins.
    sign_in(app, &browser, "bob@exemple.fr", javascript).await;
    let invitation = app.invitation_token("bob@exemple.fr").await;
    open(app, &browser, &format!("/invitation?jeton={invitation}"), javascript).await;
    submit(&browser, "#accept-invitation-form").await;
    wait_text(&browser, "#organisation-name", "Régie de quartier Mistral").await;
    wait_text(&browser, "#members", "Bob Durand").await;
    wait_text(&browser, "#members", "Claire Martin").await;

    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(&browser, ".site-header nav", "Se connecter").await;
    browser.close().await;
}

#[tokio::test]
async fn a_person_signs_up_verifies_signs_in_and_out_hydrated() {
    let app = spawn_app().await;
    sign_up_verify_sign_in_sign_out(&app, JavaScript::Enabled).await;
}

#[tokio::test]
async fn a_person_signs_up_verifies_signs_in_and_out_without_javascript() {
    let app = spawn_app().await;
    sign_up_verify_sign_in_sign_out(&app, JavaScript::Disabled).await;
}
