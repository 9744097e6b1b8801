//! Direct database access for arranging test data.

use sqlx::{AnyPool, any::AnyPoolOptions};

pub async fn pool(url: &str) -> AnyPool {
    sqlx::any::install_default_drivers();
    AnyPoolOptions::new().max_connections(2).connect(url).await.expect("test pool")
}

pub async fn insert_structure(db: &AnyPool, id: &str, status: &str) {
    sqlx::query(
        "INSERT INTO structures (id, slug, name, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 0, 0)",
    )
    .bind(id)
    .bind(format!("slug-{id}"))
    .bind(format!("Structure {id}"))
    .bind(status)
    .execute(db)
    .await
    .expect("insert structure");
}

pub async fn insert_offer(db: &AnyPool, id: &str, structure: &str, status: &str) {
    sqlx::query(
        "INSERT INTO offers (id, structure_id, slug, title, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 0, 0)",
    )
    .bind(id)
    .bind(structure)
    .bind(format!("offre-{id}"))
    .bind(format!("Offre {id}"))
    .bind(status)
    .execute(db)
    .await
    .map(|_| ())
    .expect("insert offer");
}
