//! Direct database access for arranging and checking test data.

use sqlx::{AnyPool, any::AnyPoolOptions};

pub async fn pool(url: &str) -> AnyPool {
    sqlx::any::install_default_drivers();
    AnyPoolOptions::new().max_connections(2).connect(url).await.expect("test pool")
}

/// Rows in `table`.
pub async fn count(url: &str, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&pool(url).await)
        .await
        .expect("count")
}
