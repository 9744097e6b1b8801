//! Which search hits are public now: every hit is checked against the database before it is
//! shown (the index may lag behind a change).

use super::Db;
use crate::domain::{
    Code,
    directory::{OfferStatus, StructureStatus},
    search::Target,
};

/// The ids among `ids` that are public now. The query looks the ids up by primary key and
/// the statuses are compared here: a status condition in SQL may lead SQLite to scan every
/// published offer instead.
pub async fn public_ids(
    db: &Db,
    target: Target,
    ids: &[String],
) -> Result<Vec<String>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = match target {
        Target::Offers => format!(
            "SELECT o.id, o.status, s.status FROM offers o JOIN structures s ON s.id = o.structure_id \
             WHERE o.id IN ({})",
            placeholders.join(", ")
        ),
        Target::Structures => format!(
            "SELECT id, status, status FROM structures WHERE id IN ({})",
            placeholders.join(", ")
        ),
    };
    let own_published = match target {
        Target::Offers => OfferStatus::Published.code(),
        Target::Structures => StructureStatus::Published.code(),
    };
    let structure_published = StructureStatus::Published.code();
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    Ok(query
        .fetch_all(db)
        .await?
        .into_iter()
        .filter(|(_, own, structure)| own == own_published && structure == structure_published)
        .map(|(id, _, _)| id)
        .collect())
}
