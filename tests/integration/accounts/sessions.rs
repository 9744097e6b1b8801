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
