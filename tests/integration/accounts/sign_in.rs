use tests::{PASSWORD, spawn_app};

#[tokio::test]
async fn signing_in_sets_a_protected_session_cookie() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    let client = app.new_client();
    app.call_ok(&client, "verify-email", &[("token", &token)]).await;

    let response =
        app.call(&client, "login", &[("email", "Claire@Exemple.fr"), ("password", PASSWORD)]).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cookie.starts_with("ecossol_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP on localhost");

    let me = app.call_ok(&client, "me", &[]).await;
    assert_eq!(me["email"], "claire@exemple.fr");
    assert_eq!(me["display_name"], "Claire");
    assert_eq!(me["is_admin"], false);
}

#[tokio::test]
async fn wrong_credentials_get_one_answer_whether_or_not_the_account_exists() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let client = app.new_client();
    let wrong_password = [("email", "claire@exemple.fr"), ("password", "pas le bon mot de passe")];
    let unknown = [("email", "personne@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &wrong_password).await, "WrongCredentials");
    assert_eq!(app.call_ok(&client, "login", &unknown).await, "WrongCredentials");
    assert_eq!(app.call_ok(&client, "me", &[]).await, serde_json::Value::Null);
}

#[tokio::test]
async fn without_javascript_a_failed_sign_in_comes_back_to_the_form() {
    let app = spawn_app().await;
    let response = app
        .new_client()
        .post(app.url("/api/login"))
        .header("Accept", "text/html")
        .form(&[("email", "personne@exemple.fr"), ("password", PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/connexion?erreur=identifiants");
}
