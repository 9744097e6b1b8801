use app::db::{DbOptions, connect};
use tests::{TestBackend, spawn_app};

use crate::support::{insert_offer, insert_structure};

#[tokio::test]
async fn migrations_apply_on_start_and_again_without_harm() {
    let app = spawn_app().await;
    match app.backend {
        TestBackend::Sqlite => assert!(app.database_url.starts_with("sqlite:")),
        TestBackend::Postgres => assert!(app.database_url.starts_with("postgres")),
    }
    // A second start on the same database finds nothing to apply.
    let db = connect(&app.database_url, &DbOptions::default()).await.expect("reconnects");
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&db)
        .await
        .expect("migrations table");
    let files = std::fs::read_dir(tests::workspace_root().join("migrations"))
        .expect("migrations folder")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "sql")))
        .count();
    assert_eq!(applied, i64::try_from(files).expect("small"));
}

#[tokio::test]
async fn foreign_keys_are_enforced() {
    // Through the application's own connection (db::connect), not the tests' plain pool,
    // so that a connection option of the application that turned them off would fail here.
    let app = spawn_app().await;
    let db = connect(&app.database_url, &DbOptions::default()).await.expect("connects");
    insert_structure(&db, "s1", "published").await;
    insert_offer(&db, "o1", "s1", "published").await;
    let orphan = sqlx::query(
        "INSERT INTO offers (id, structure_id, slug, title, status, created_at, updated_at) \
         VALUES ('o2', 'missing', 'o2', 'Orpheline', 'draft', 0, 0)",
    )
    .execute(&db)
    .await;
    assert!(orphan.is_err(), "an offer needs an existing structure");
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode() {
    let app = spawn_app().await;
    if app.backend != TestBackend::Sqlite {
        return;
    }
    let db = connect(&app.database_url, &DbOptions::default()).await.expect("connects");
    let mode: String =
        sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&db).await.expect("pragma");
    assert_eq!(mode, "wal");
}
