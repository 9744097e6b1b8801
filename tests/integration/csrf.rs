use tests::spawn_app;

#[tokio::test]
async fn a_cross_site_post_is_refused_before_it_reaches_the_application() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/figures"))
        .header("Origin", "https://malveillant.example")
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
    let body = response.text().await.expect("body");
    assert!(body.contains("falsification de requêtes intersites"), "{body}");

    let response = app
        .client
        .post(app.url("/api/figures"))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_same_origin_post_goes_through() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/figures"))
        .header("Origin", app.address.clone())
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 200);
}
