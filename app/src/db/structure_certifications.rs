//! The `structure_certifications` table: labels and certifications held.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{directory::HeldCertification, hqs::LabelFact};

#[derive(Debug, Clone, FromRow)]
pub struct LabelRow {
    pub id: String,
    pub label_code: String,
    pub name: String,
    pub issuer: Option<String>,
    pub number: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

impl LabelRow {
    /// Whether the label is valid on `today` (`AAAA-MM-JJ`).
    pub fn is_valid_on(&self, today: &str) -> bool {
        crate::domain::directory::certification::valid_on(
            self.valid_from.as_deref(),
            self.valid_until.as_deref(),
            today,
        )
    }

    /// The label as an HQS evaluation reads it.
    pub fn fact(&self) -> LabelFact {
        LabelFact {
            code: self.label_code.clone(),
            name: self.name.clone(),
            valid_from: self.valid_from.clone(),
            valid_until: self.valid_until.clone(),
        }
    }
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    structure_id: &str,
    label: &HeldCertification,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO structure_certifications \
         (id, structure_id, label_code, name, issuer, number, valid_from, valid_until, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(structure_id)
    .bind(&label.code)
    .bind(&label.name)
    .bind(&label.issuer)
    .bind(&label.number)
    .bind(&label.valid_from)
    .bind(&label.valid_until)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Removes one label of the structure; false when it had no such label.
pub async fn delete(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM structure_certifications WHERE id = $1 AND structure_id = $2")
            .bind(id)
            .bind(structure_id)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn of_structure(db: &Db, structure_id: &str) -> Result<Vec<LabelRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, label_code, name, issuer, number, valid_from, valid_until \
         FROM structure_certifications WHERE structure_id = $1 ORDER BY name, id",
    )
    .bind(structure_id)
    .fetch_all(db)
    .await
}
