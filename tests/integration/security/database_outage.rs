//! The database going away: pages answer at once with a French 503, not a hang nor a 500,
//! and the server serves again by itself when the database is back.
//!
//! On PostgreSQL the test database stops taking connections and its sessions are killed, as
//! a restart or an operator would. On SQLite the database is a file of the server's own data
//! directory: it cannot go away while the server runs; what can happen (a lock held beyond
//! the busy timeout, a file that cannot be opened, a failing disk) is provoked on real files
//! by the unit tests of `app::db::is_outage`.

use std::time::{Duration, Instant};

use sqlx::{Connection, Executor, PgConnection};
use tests::{TestApp, TestBackend, spawn_app};

const UNAVAILABLE: &str = "Le service est momentanément indisponible";

/// Takes the test database away (`false`) or gives it back (`true`), as its superuser.
async fn allow_connections(app: &TestApp, allow: bool) {
    let name = app.database_url.rsplit('/').next().expect("database name").to_owned();
    let admin = std::env::var("ECOSSOL_TEST_POSTGRES_URL").expect("PostgreSQL URL");
    let mut conn = PgConnection::connect(&admin).await.expect("superuser connection");
    conn.execute(format!(r#"ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {allow}"#).as_str())
        .await
        .expect("ALTER DATABASE");
    if !allow {
        let kill = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                    WHERE datname = $1 AND pid <> pg_backend_pid()";
        sqlx::query(kill).bind(&name).execute(&mut conn).await.expect("terminate");
    }
    conn.close().await.ok();
}

/// The directory page: its status, its text, and how long it took.
async fn directory(app: &TestApp) -> (u16, String, Duration) {
    let started = Instant::now();
    let response = app.get("/annuaire").await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("page"), started.elapsed())
}

#[tokio::test]
async fn a_lost_database_gives_a_quick_french_503_then_the_server_recovers_alone() {
    if TestBackend::current() != TestBackend::Postgres {
        return;
    }
    let app = spawn_app().await;
    let (status, _, _) = directory(&app).await;
    assert_eq!(status, 200, "the page reads the database");

    allow_connections(&app, false).await;
    let (status, page, took) = directory(&app).await;
    assert_eq!(status, 503, "{page}");
    assert!(page.contains(UNAVAILABLE), "{page}");
    assert!(took < Duration::from_secs(3), "answered in {took:?}");
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 503, "the health check says it too");

    allow_connections(&app, true).await;
    let back = Instant::now();
    let recovered = tests::eventually(5, async || directory(&app).await.0 == 200).await;
    assert!(recovered, "the page answers again without a restart");
    eprintln!("503 in {took:?}; 200 again {:?} after the database came back", back.elapsed());
    assert_eq!(app.get("/healthz").await.status(), 200);
    app.stop().await;
}
