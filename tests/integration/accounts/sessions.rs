use reqwest::header::COOKIE;
use tests::{PASSWORD, spawn_app};

#[tokio::test]
async fn signing_in_again_replaces_the_session() {
    let app = spawn_app().await;
    app.signed_in_user("Claire", "claire@exemple.fr").await;
    let plain = app.new_client();
    let login = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    let first = session_cookie(app.call(&plain, "login", &login).await);
    let second = {
        let response = plain
            .post(app.url("/api/login"))
            .header(COOKIE, &first)
            .form(&login)
            .send()
            .await
            .expect("POST");
        session_cookie(response)
    };
    assert_ne!(first, second, "a new session id at each sign-in");
    let me_with = |cookie: String| {
        let app = &app;
        async move {
            let response = app
                .new_client()
                .post(app.url("/api/me"))
                .header(COOKIE, cookie)
                .send()
                .await
                .expect("POST");
            response.json::<serde_json::Value>().await.expect("json")
        }
    };
    assert_eq!(me_with(first).await, serde_json::Value::Null, "the old session is closed");
    assert_eq!(me_with(second).await["email"], "claire@exemple.fr");
}

#[tokio::test]
async fn signing_out_closes_this_session_and_everywhere_closes_all() {
    let app = spawn_app().await;
    let laptop = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let phone = app.new_client();
    let login = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&phone, "login", &login).await, "SignedIn");
    let tablet = app.new_client();
    assert_eq!(app.call_ok(&tablet, "login", &login).await, "SignedIn");

    app.call_ok(&tablet, "logout", &[]).await;
    assert_eq!(app.call_ok(&tablet, "me", &[]).await, serde_json::Value::Null);
    assert_eq!(app.call_ok(&phone, "me", &[]).await["email"], "claire@exemple.fr");

    assert_eq!(app.call_ok(&laptop, "logout-everywhere", &[]).await, 2);
    assert_eq!(app.call_ok(&phone, "me", &[]).await, serde_json::Value::Null);
    assert_eq!(app.call_ok(&laptop, "me", &[]).await, serde_json::Value::Null);
}

fn session_cookie(response: reqwest::Response) -> String {
    let header = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    header.split(';').next().expect("pair").to_owned()
}

/// `me` as the holder of `cookie` (a `name=value` pair) sees it.
async fn me_with(app: &tests::TestApp, cookie: &str) -> serde_json::Value {
    let response = app
        .new_client()
        .post(app.url("/api/me"))
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("POST");
    response.json().await.expect("json")
}

/// When the session of `email` last showed a request, as the database has it.
async fn last_seen(app: &tests::TestApp, email: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_one(&app.state.db)
    .await
    .expect("one session")
}

#[tokio::test]
async fn a_session_left_idle_for_two_hours_ends_and_thirty_days_end_any() {
    use app::clock::{Clock, DAY_MS, HOUR_MS, MINUTE_MS};
    let app = spawn_app().await;
    let claire = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let signed_in_at = app.clock.now_ms();
    // In use, it stays open past two hours, up to thirty days.
    while app.clock.now_ms() + 110 * MINUTE_MS < signed_in_at + 30 * DAY_MS {
        app.clock.advance_ms(110 * MINUTE_MS);
        assert_eq!(app.call_ok(&claire, "me", &[]).await["email"], "claire@exemple.fr");
    }
    app.clock.advance_ms(signed_in_at + 30 * DAY_MS - app.clock.now_ms());
    assert_eq!(app.call_ok(&claire, "me", &[]).await, serde_json::Value::Null, "thirty days");

    // Left alone for two hours, it ends.
    let claire = app.sign_in_again("claire@exemple.fr").await;
    app.clock.advance_ms(2 * HOUR_MS - MINUTE_MS);
    assert_eq!(app.call_ok(&claire, "me", &[]).await["email"], "claire@exemple.fr");
    app.clock.advance_ms(2 * HOUR_MS + MINUTE_MS);
    assert_eq!(app.call_ok(&claire, "me", &[]).await, serde_json::Value::Null, "idle");
    assert_eq!(tests::count(&app.database_url, "sessions").await, 0, "an idle session goes");
}

#[tokio::test]
async fn reading_a_session_writes_its_last_request_at_most_every_five_minutes() {
    use app::clock::{Clock, MINUTE_MS};
    let app = spawn_app().await;
    let claire = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let signed_in_at = app.clock.now_ms();
    assert_eq!(last_seen(&app, "claire@exemple.fr").await, signed_in_at);
    for _ in 0..5 {
        app.call_ok(&claire, "me", &[]).await;
        app.get("/").await;
    }
    app.clock.advance_ms(4 * MINUTE_MS);
    app.call_ok(&claire, "me", &[]).await;
    assert_eq!(last_seen(&app, "claire@exemple.fr").await, signed_in_at, "no write yet");
    app.clock.advance_ms(2 * MINUTE_MS);
    app.call_ok(&claire, "me", &[]).await;
    let written = last_seen(&app, "claire@exemple.fr").await;
    assert_eq!(written, app.clock.now_ms(), "written after five minutes");
    app.clock.advance_ms(MINUTE_MS);
    app.call_ok(&claire, "me", &[]).await;
    assert_eq!(last_seen(&app, "claire@exemple.fr").await, written, "not at every request");
}

#[tokio::test]
async fn over_https_the_session_cookie_is_host_prefixed_and_the_plain_name_is_ignored() {
    let app =
        tests::spawn_app_with(|s| s.public_url = Some("https://ecossol.example".into())).await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    app.call_ok(&app.new_client(), "verify-email", &[("token", &token)]).await;
    let login = [("email", "claire@exemple.fr"), ("password", PASSWORD)];
    let response = app.call(&app.new_client(), "login", &login).await;
    let header = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(header.starts_with("__Host-ecossol_session="), "{header}");
    for part in ["Secure", "Path=/", "HttpOnly", "SameSite=Lax"] {
        assert!(header.contains(part), "{header} lacks {part}");
    }
    assert!(!header.to_lowercase().contains("domain="), "{header}");
    let pair = header.split(';').next().expect("pair").to_owned();
    assert_eq!(me_with(&app, &pair).await["email"], "claire@exemple.fr");
    let value = pair.split_once('=').expect("value").1;
    let plain = format!("ecossol_session={value}");
    assert_eq!(me_with(&app, &plain).await, serde_json::Value::Null, "not the plain name");

    // Signing out clears the prefixed cookie.
    let out = app
        .new_client()
        .post(app.url("/api/logout"))
        .header(COOKIE, &pair)
        .send()
        .await
        .expect("POST");
    let cleared = out.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cleared.starts_with("__Host-ecossol_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0") && cleared.contains("Secure"), "{cleared}");
}
