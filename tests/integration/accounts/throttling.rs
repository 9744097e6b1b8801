use app::clock::MINUTE_MS;
use tests::{PASSWORD, spawn_app};

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let client = app.new_client();
    let wrong = [("email", "claire@exemple.fr"), ("password", "pas le bon mot de passe")];
    for _ in 0..5 {
        assert_eq!(app.call_ok(&client, "login", &wrong).await, "WrongCredentials");
    }
    let right = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &right).await, "Throttled", "even the right password");

    app.clock.advance_ms(15 * MINUTE_MS + 1);
    assert_eq!(app.call_ok(&client, "login", &right).await, "SignedIn");
}

#[tokio::test]
async fn twenty_failures_from_one_address_lock_that_address() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let client = app.new_client();
    for n in 0..20 {
        let email = format!("inconnu{n}@exemple.fr");
        let form = [("email", email.as_str()), ("password", "pas le bon mot de passe")];
        assert_eq!(app.call_ok(&client, "login", &form).await, "WrongCredentials");
    }
    let right = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &right).await, "Throttled");
}
