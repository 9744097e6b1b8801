use tests::{PASSWORD, eventually, spawn_app};

#[tokio::test]
async fn without_smtp_the_worker_writes_eml_files_and_empties_the_queue() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let dir = app.data_dir.join("mail");
    let delivered =
        eventually(10, async || std::fs::read_dir(&dir).map(|d| d.count() == 1).unwrap_or(false))
            .await;
    assert!(delivered, "one .eml file in {}", dir.display());
    let file = std::fs::read_dir(&dir).expect("dir").next().expect("file").expect("entry").path();
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("eml"));
    let eml = std::fs::read_to_string(&file).expect("read");
    assert!(eml.contains("To: claire@exemple.fr"), "{eml}");
    assert!(eml.contains("From: Ecossol <ne-pas-repondre@ecossol.localhost>"), "{eml}");

    let db = tests::pool(&app.database_url).await;
    let pending: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")
            .fetch_one(&db)
            .await
            .expect("count");
    assert_eq!(pending, 0, "delivered messages leave the queue");
}
