//! Work anyone may ask for without signing in: a bad reset token costs no password hash, and
//! sign-ups and resets are limited per address and per client address.

use app::{clock::HOUR_MS, services::limits};
use serde_json::{Value, json};
use tests::{PASSWORD, TestApp, spawn_app};

const NEW: &str = "un tout nouveau mot de passe";

fn refusal(outcome: &Value) -> &str {
    outcome["Refused"].as_str().unwrap_or_else(|| panic!("refused: {outcome}"))
}

async fn reset(app: &TestApp, token: &str) -> Value {
    let form = [("token", token), ("password", NEW), ("password_confirm", NEW)];
    app.call_ok(&app.new_client(), "password-reset", &form).await
}

#[tokio::test]
async fn a_reset_with_a_bad_token_is_refused_before_any_hashing() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let hashes = || app.state.hashing.hashes_done();
    let before = hashes();
    let bad = reset(&app, "un-jeton-invente").await;
    assert!(refusal(&bad).contains("pas valide"), "{bad}");
    assert_eq!(hashes(), before, "no hash for a bad token");

    let visitor = app.new_client();
    app.call_ok(&visitor, "password-reset-request", &[("email", "claire@exemple.fr")]).await;
    let token =
        app.link_token("claire@exemple.fr", "Réinitialisation de votre mot de passe Ecossol").await;
    assert_eq!(reset(&app, &token).await, json!({"Done": null}));
    assert_eq!(hashes(), before + 1, "the good token's password is hashed");
    let used = reset(&app, &token).await;
    assert!(refusal(&used).contains("déjà servi"), "{used}");
    assert_eq!(hashes(), before + 1, "nor for a used one");
}

#[tokio::test]
async fn reset_attempts_are_limited_per_client_address() {
    let app = spawn_app().await;
    for _ in 0..limits::RESETS_PER_IP.max {
        let bad = reset(&app, "un-jeton-invente").await;
        assert!(refusal(&bad).contains("pas valide"), "{bad}");
    }
    let throttled = reset(&app, "un-jeton-invente").await;
    assert_eq!(refusal(&throttled), limits::TRY_LATER);
    app.clock.advance_ms(limits::RESETS_PER_IP.window_ms + 1);
    assert!(refusal(&reset(&app, "un-jeton-invente").await).contains("pas valide"));
}

#[tokio::test]
async fn sign_ups_are_limited_per_address_and_per_client_address_before_hashing() {
    let app = spawn_app().await;
    let hashes = || app.state.hashing.hashes_done();
    for _ in 0..limits::SIGN_UPS_PER_ADDRESS.max {
        assert_eq!(app.sign_up("Dan", "dan@exemple.fr", PASSWORD).await, json!({"Done": null}));
    }
    let before = hashes();
    let throttled = app.sign_up("Dan", "dan@exemple.fr", PASSWORD).await;
    assert_eq!(refusal(&throttled), limits::TRY_LATER);
    assert_eq!(hashes(), before, "a throttled sign-up is not hashed");

    app.clock.advance_ms(HOUR_MS + 1);
    for n in 0..limits::SIGN_UPS_PER_IP.max {
        let email = format!("personne{n}@exemple.fr");
        assert_eq!(app.sign_up("Eve", &email, PASSWORD).await, json!({"Done": null}), "{n}");
    }
    let before = hashes();
    let throttled = app.sign_up("Eve", "une-de-plus@exemple.fr", PASSWORD).await;
    assert_eq!(refusal(&throttled), limits::TRY_LATER);
    assert_eq!(hashes(), before);
    assert!(app.mails_to("une-de-plus@exemple.fr").await.is_empty());
}
