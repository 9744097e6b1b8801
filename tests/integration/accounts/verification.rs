use app::clock::HOUR_MS;
use tests::{PASSWORD, spawn_app};

#[tokio::test]
async fn the_link_verifies_once() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    let client = app.new_client();
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", &token)]).await, "Verified");
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", &token)]).await, "AlreadyUsed");
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", "0123abcd")]).await, "Invalid");
}

#[tokio::test]
async fn an_expired_link_does_not_verify() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    app.clock.advance_ms(48 * HOUR_MS + 1);
    let client = app.new_client();
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", &token)]).await, "Expired");
    let login = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &login).await, "EmailNotVerified");
}

#[tokio::test]
async fn verification_is_never_done_by_a_get() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    let response = app.get(&format!("/api/verify-email?token={token}")).await;
    assert_ne!(response.status(), 200);
    let client = app.new_client();
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", &token)]).await, "Verified");
}
