//! Which database the tests run on, and a fresh database per test.

use sqlx::{Connection, Executor, PgConnection};

/// The database the suite runs on, from `ECOSSOL_TEST_DATABASE` (`sqlite`, the default, or
/// `postgres`, which needs `ECOSSOL_TEST_POSTGRES_URL`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

impl TestBackend {
    pub fn current() -> Self {
        match std::env::var("ECOSSOL_TEST_DATABASE").as_deref() {
            Ok("postgres") => Self::Postgres,
            Ok("sqlite") | Err(_) => Self::Sqlite,
            Ok(other) => panic!("ECOSSOL_TEST_DATABASE must be sqlite or postgres, not {other}"),
        }
    }
}

fn admin_url() -> String {
    std::env::var("ECOSSOL_TEST_POSTGRES_URL").expect(
        "ECOSSOL_TEST_DATABASE=postgres needs ECOSSOL_TEST_POSTGRES_URL \
         (for example postgres://postgres@127.0.0.1:5432/postgres)",
    )
}

/// Replaces the database name of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let root = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{root}/{name}?{query}"),
        None => format!("{root}/{name}"),
    }
}

/// A PostgreSQL database made for one test and dropped after it.
#[derive(Debug)]
pub struct PgTestDatabase {
    pub name: String,
    pub url: String,
}

const PREFIX: &str = "ecossol_test_";

impl PgTestDatabase {
    pub async fn create() -> Self {
        let admin = admin_url();
        let name = format!("{PREFIX}{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::connect(&admin).await.expect("PostgreSQL reachable");
        conn.execute(format!(r#"CREATE DATABASE "{name}""#).as_str())
            .await
            .expect("CREATE DATABASE");
        conn.close().await.ok();
        Self { url: with_database(&admin, &name), name }
    }

    /// Drops the database, closing the connections left to it.
    pub fn drop_now(&self) {
        let name = self.name.clone();
        let handle = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
            let Ok(runtime) = runtime else { return };
            runtime.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&admin_url()).await {
                    let sql = format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#);
                    conn.execute(sql.as_str()).await.ok();
                    conn.close().await.ok();
                }
            });
        });
        handle.join().ok();
    }
}

impl Drop for PgTestDatabase {
    fn drop(&mut self) {
        self.drop_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
