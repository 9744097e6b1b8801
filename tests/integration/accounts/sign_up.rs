use serde_json::json;
use tests::{PASSWORD, count, spawn_app};

#[tokio::test]
async fn signing_up_stores_the_account_and_queues_a_verification_mail() {
    let app = spawn_app().await;
    let outcome = app.sign_up("Claire Martin", " Claire.Martin@Exemple.FR ", PASSWORD).await;
    assert_eq!(outcome, serde_json::json!({"Done": null}));
    assert_eq!(count(&app.database_url, "users").await, 1);
    let mails = app.mails_to("claire.martin@exemple.fr").await;
    assert_eq!(mails.len(), 1);
    let (subject, body) = &mails[0];
    assert_eq!(subject, "Confirmez votre adresse e-mail sur Ecossol");
    assert!(body.contains("Bonjour Claire Martin"), "{body}");
    assert!(body.contains(&format!("{}/verification-email?jeton=", app.address)), "{body}");
}

#[tokio::test]
async fn bad_input_gets_french_field_errors_and_stores_nothing() {
    let app = spawn_app().await;
    let form = [
        ("name", " "),
        ("email", "pas-une-adresse"),
        ("password", "court"),
        ("password_confirm", "court"),
    ];
    let outcome = app.call_ok(&app.new_client(), "signup", &form).await;
    let errors = &outcome["Invalid"];
    let text = errors.to_string();
    assert!(text.contains("Indiquez votre nom."), "{text}");
    assert!(text.contains("n'est pas valide"), "{text}");
    assert!(text.contains("au moins 12 caractères"), "{text}");
    assert_eq!(count(&app.database_url, "users").await, 0);
    assert_eq!(count(&app.database_url, "email_outbox").await, 0);

    let mismatch = [
        ("name", "Claire"),
        ("email", "claire@exemple.fr"),
        ("password", PASSWORD),
        ("password_confirm", "un autre mot de passe"),
    ];
    let outcome = app.call_ok(&app.new_client(), "signup", &mismatch).await;
    assert_eq!(
        outcome,
        json!({"Invalid": [["password_confirm", "Les deux mots de passe ne sont pas identiques."]]})
    );
    let common = [
        ("name", "Claire"),
        ("email", "claire@exemple.fr"),
        ("password", "motdepasse123"),
        ("password_confirm", "motdepasse123"),
    ];
    let outcome = app.call_ok(&app.new_client(), "signup", &common).await;
    assert!(outcome.to_string().contains("trop courant"), "{outcome}");
    assert_eq!(count(&app.database_url, "users").await, 0);
}

#[tokio::test]
async fn an_existing_address_gets_the_same_answer_and_a_different_mail() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let again = app.sign_up("Quelqu'un", "CLAIRE@exemple.fr", "un tout autre mot de passe").await;
    assert_eq!(again, serde_json::json!({"Done": null}), "no account enumeration");
    assert_eq!(count(&app.database_url, "users").await, 1);
    assert!(app.mail("claire@exemple.fr", "Votre compte Ecossol existe déjà").await.is_some());
    assert_eq!(app.mails_to("claire@exemple.fr").await.len(), 2);
}

#[tokio::test]
async fn without_javascript_the_form_post_redirects_to_a_page() {
    let app = spawn_app().await;
    let client = app.new_client();
    let response = client
        .post(app.url("/api/signup"))
        .header("Accept", "text/html")
        .form(&[
            ("name", "Claire"),
            ("email", "x"),
            ("password", "court"),
            ("password_confirm", "court"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().expect("ascii");
    assert_eq!(location, "/inscription", "nothing typed travels in the address");
    let cookies: Vec<_> = response.headers().get_all("set-cookie").iter().collect();
    assert!(!format!("{cookies:?}").contains("court"), "the password never travels back");
    // The page shows the errors and the values typed, from the flash, once.
    let html = app.follow(&client, &response).await;
    assert!(html.contains("Cette adresse e-mail n"), "{html}");
    assert!(html.contains("Le mot de passe doit"), "{html}");
    assert!(html.contains(r#"value="Claire""#), "the name is kept: {html}");
    assert!(!html.contains("court"), "the password is not shown again");
    let again = client.get(app.url("/inscription")).send().await.expect("GET");
    let again = again.text().await.expect("page");
    assert!(!again.contains("Le mot de passe doit"), "a flash is read once");

    let response = client
        .post(app.url("/api/signup"))
        .header("Accept", "text/html")
        .form(&[
            ("name", "Claire"),
            ("email", "claire@exemple.fr"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/inscription?envoye=1");
}

#[tokio::test]
async fn an_address_cannot_put_words_in_the_sign_up_form() {
    // Errors and values come from the server's flash only: a link carrying them (as the
    // address used to) shows nothing of them.
    let app = spawn_app().await;
    let html = app
        .get("/inscription?name=Claire&email=x&erreur_email=Appelez+le+0899")
        .await
        .text()
        .await
        .expect("page");
    assert!(html.contains("Créer un compte"), "{html}");
    assert!(!html.contains("Appelez le 0899"), "{html}");
    assert!(!html.contains(r#"value="Claire""#), "{html}");
    app.stop().await;
}
