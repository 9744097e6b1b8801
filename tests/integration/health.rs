use secrecy::ExposeSecret;
use serde_json::Value;
use tests::{spawn_app, spawn_app_with, start_dedicated_meili};

#[tokio::test]
async fn health_reports_both_backends_up() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["status"], "up");
    assert_eq!(body["search"]["status"], "up");
}

#[tokio::test]
async fn health_is_503_with_a_reason_when_meilisearch_stops() {
    let (meili, mut process) = start_dedicated_meili().await;
    let app = spawn_app_with(|settings| {
        settings.meili.url = Some(meili.url.clone());
        settings.meili.key = Some(meili.key.expose_secret().to_owned().into());
        settings.meili.timeout_ms = 1_000;
    })
    .await;
    assert_eq!(app.get("/healthz").await.status(), 200, "up before the stop");

    process.kill().await.expect("kill Meilisearch");

    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["database"]["status"], "up");
    assert_eq!(body["search"]["status"], "down");
    assert_eq!(body["search"]["error"], "Meilisearch does not answer");
}
