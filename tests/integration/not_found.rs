use tests::spawn_app;

#[tokio::test]
async fn unknown_addresses_get_the_french_404_page() {
    let app = spawn_app().await;
    let response = app.get("/cette-page-n-existe-pas").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.expect("body");
    assert!(html.contains("Page introuvable"));
    assert!(html.contains(r#"href="/""#), "a way back home");
}
