//! Counts behind the home page figures.

use super::Db;

/// Published structures and offers (only published offers of published structures count).
pub async fn published_counts(db: &Db) -> Result<(u64, u64), sqlx::Error> {
    let structures: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM structures WHERE status = 'published'")
            .fetch_one(db)
            .await?;
    let offers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM offers o JOIN structures s ON s.id = o.structure_id \
         WHERE o.status = 'published' AND s.status = 'published'",
    )
    .fetch_one(db)
    .await?;
    Ok((non_negative(structures), non_negative(offers)))
}

fn non_negative(count: i64) -> u64 {
    u64::try_from(count).unwrap_or(0)
}
