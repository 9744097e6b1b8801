use app::clock::{HOUR_MS, MINUTE_MS};
use tests::{PASSWORD, TestApp, count, spawn_app};

const NEW: &str = "un tout nouveau mot de passe";

async fn reset_token(app: &TestApp, email: &str) -> String {
    app.link_token(email, "Réinitialisation de votre mot de passe Ecossol").await
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_closes_sessions() {
    let app = spawn_app().await;
    let laptop = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let visitor = app.new_client();
    let unknown =
        app.call_ok(&visitor, "password-reset-request", &[("email", "personne@exemple.fr")]).await;
    assert_eq!(unknown, serde_json::json!({"Done": null}), "no account enumeration");
    assert_eq!(
        app.call_ok(&visitor, "password-reset-request", &[("email", "claire@exemple.fr")]).await,
        serde_json::json!({"Done": null})
    );
    let token = reset_token(&app, "claire@exemple.fr").await;

    let mismatch =
        [("token", token.as_str()), ("password", NEW), ("password_confirm", "autre chose encore")];
    let outcome = app.call_ok(&visitor, "password-reset", &mismatch).await;
    assert!(outcome["Invalid"].to_string().contains("pas identiques"), "{outcome}");

    let form = [("token", token.as_str()), ("password", NEW), ("password_confirm", NEW)];
    assert_eq!(
        app.call_ok(&visitor, "password-reset", &form).await,
        serde_json::json!({"Done": null})
    );
    assert_eq!(app.call_ok(&laptop, "me", &[]).await, serde_json::Value::Null, "sessions closed");
    let old = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&visitor, "login", &old).await, "WrongCredentials");
    let new = [("email", "claire@exemple.fr"), ("password", NEW)];
    assert_eq!(app.call_ok(&visitor, "login", &new).await, "SignedIn");

    let reused = app.call_ok(&app.new_client(), "password-reset", &form).await;
    assert!(reused["Refused"].as_str().expect("refused").contains("déjà servi"), "{reused}");
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let visitor = app.new_client();
    app.call_ok(&visitor, "password-reset-request", &[("email", "claire@exemple.fr")]).await;
    let token = reset_token(&app, "claire@exemple.fr").await;
    app.clock.advance_ms(HOUR_MS + MINUTE_MS);
    let form = [("token", token.as_str()), ("password", NEW), ("password_confirm", NEW)];
    let outcome = app.call_ok(&visitor, "password-reset", &form).await;
    assert!(outcome["Refused"].as_str().expect("refused").contains("expiré"), "{outcome}");
    let old = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&visitor, "login", &old).await, "SignedIn", "the password is unchanged");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_keeps_this_session() {
    let app = spawn_app().await;
    let laptop = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let phone = app.new_client();
    app.call_ok(&phone, "login", &[("email", "claire@exemple.fr"), ("password", PASSWORD)]).await;

    let wrong = [
        ("current_password", "pas le bon mot de passe"),
        ("password", NEW),
        ("password_confirm", NEW),
    ];
    let outcome = app.call_ok(&laptop, "password-change", &wrong).await;
    assert!(outcome["Invalid"].to_string().contains("actuel est incorrect"), "{outcome}");

    let right = [("current_password", PASSWORD), ("password", NEW), ("password_confirm", NEW)];
    assert_eq!(
        app.call_ok(&laptop, "password-change", &right).await,
        serde_json::json!({"Done": null})
    );
    assert_eq!(
        app.call_ok(&laptop, "me", &[]).await["email"],
        "claire@exemple.fr",
        "this session stays"
    );
    assert_eq!(app.call_ok(&phone, "me", &[]).await, serde_json::Value::Null, "others are closed");
}

#[tokio::test]
async fn deleting_the_account_removes_personal_data_and_keeps_the_organisation() {
    let app = spawn_app().await;
    let claire = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let org = app.create_organisation(&claire, "Régie de quartier Teisseire", "supplier").await;
    let wrong =
        app.call_ok(&claire, "account-delete", &[("password", "pas le bon mot de passe")]).await;
    assert!(wrong.get("Invalid").is_some());
    assert_eq!(
        app.call_ok(&claire, "account-delete", &[("password", PASSWORD)]).await,
        serde_json::json!({"Done": null})
    );

    assert_eq!(app.call_ok(&claire, "me", &[]).await, serde_json::Value::Null);
    let login = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&app.new_client(), "login", &login).await, "WrongCredentials");
    let db = tests::pool(&app.database_url).await;
    let (email, name): (Option<String>, String) =
        sqlx::query_as("SELECT email, display_name FROM users")
            .fetch_one(&db)
            .await
            .expect("row kept");
    assert_eq!(email, None);
    assert_eq!(name, "Compte supprimé");
    assert_eq!(count(&app.database_url, "organisations").await, 1, "the organisation stays");
    assert_eq!(count(&app.database_url, "memberships").await, 0);
    let _ = org;
    // The address is free again.
    assert_eq!(
        app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await,
        serde_json::json!({"Done": null})
    );
    assert_eq!(count(&app.database_url, "users").await, 2);
}

#[tokio::test]
async fn the_mail_page_is_for_administrators_only() {
    let app = spawn_app().await;
    let member = app.signed_in_user("Claire", "claire@exemple.fr").await;
    assert_eq!(app.call(&member, "admin-mails", &[]).await.status(), 403);
    let admin = app.signed_in_admin("admin@exemple.fr").await;
    let mails = app.call_ok(&admin, "admin-mails", &[]).await;
    let subjects = mails.to_string();
    assert!(subjects.contains("Confirmez votre adresse e-mail sur Ecossol"), "{subjects}");
    assert!(subjects.contains("claire@exemple.fr"));
}

#[tokio::test]
async fn the_only_owner_of_a_shared_organisation_cannot_delete_the_account() {
    let app = spawn_app().await;
    let claire = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let org = app.create_organisation(&claire, "Régie de quartier Teisseire", "supplier").await;
    app.signed_in_user("Bob", "bob@exemple.fr").await;
    app.add_member(&org, "bob@exemple.fr", "member").await;
    let outcome = app.call_ok(&claire, "account-delete", &[("password", PASSWORD)]).await;
    assert!(
        outcome["Refused"].as_str().expect("refused").contains("seul responsable"),
        "{outcome}"
    );
    assert_eq!(app.call_ok(&claire, "me", &[]).await["email"], "claire@exemple.fr");
}
