//! The `purchase_import_mappings` table: the column mapping a buyer chose for a layout of
//! file (its header's signature).

use sqlx::{Any, Transaction};

use super::Db;

pub async fn remembered(
    db: &Db,
    organisation_id: &str,
    header_signature: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT mapping FROM purchase_import_mappings \
         WHERE organisation_id = $1 AND header_signature = $2",
    )
    .bind(organisation_id)
    .bind(header_signature)
    .fetch_optional(db)
    .await
}

pub async fn remember(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    header_signature: &str,
    mapping: &str,
    user_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_import_mappings \
         (organisation_id, header_signature, mapping, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (organisation_id, header_signature) \
         DO UPDATE SET mapping = $3, updated_by = $4, updated_at = $5",
    )
    .bind(organisation_id)
    .bind(header_signature)
    .bind(mapping)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}
