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

#[tokio::test]
async fn parallel_guesses_cannot_slip_under_the_limit() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..12 {
        let (client, url) = (app.new_client(), app.url("/api/login"));
        guesses.spawn(async move {
            let password = format!("mauvais mot de passe {n}");
            let form = [("email", "claire@exemple.fr"), ("password", password.as_str())];
            client.post(url).form(&form).send().await.expect("POST").text().await.expect("body")
        });
    }
    let mut wrong = 0;
    while let Some(answer) = guesses.join_next().await {
        if answer.expect("task") == "\"WrongCredentials\"" {
            wrong += 1;
        }
    }
    assert!(wrong <= 5, "at most 5 guesses were checked, not {wrong}");
    let right = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&app.new_client(), "login", &right).await, "Throttled");
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_throttled() {
    let app = tests::spawn_app_with(|settings| {
        settings.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
    })
    .await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let login = |from: &'static str, email: String, password: &'static str| {
        let request = app.new_client().post(app.url("/api/login")).header("X-Forwarded-For", from);
        async move {
            let form = [("email", email.as_str()), ("password", password)];
            request.form(&form).send().await.expect("POST").text().await.expect("body")
        }
    };
    for n in 0..20 {
        let answer =
            login("203.0.113.7", format!("inconnu{n}@exemple.fr"), "mauvais mot de passe").await;
        assert_eq!(answer, "\"WrongCredentials\"");
    }
    let blocked = login("203.0.113.7", "claire@exemple.fr".to_owned(), PASSWORD).await;
    assert_eq!(blocked, "\"Throttled\"");
    let other = login("198.51.100.4", "claire@exemple.fr".to_owned(), PASSWORD).await;
    assert_eq!(other, "\"SignedIn\"", "another client behind the same proxy is not blocked");
}
