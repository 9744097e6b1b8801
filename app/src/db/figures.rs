//! Counts behind the home page figures: a handful of aggregates, read at most once a
//! minute per server (`services::figures`).

use super::Db;
use crate::domain::{Code, Figures, directory::StructureKind};

/// The figures on `today` (AAAA-MM-JJ, Paris). Only published offers of published
/// structures count, only the labels of published structures, only the needs whose answer
/// deadline has not passed.
pub async fn read(db: &Db, today: &str) -> Result<Figures, sqlx::Error> {
    let mut figures = Figures::default();
    // A few dozen combinations of kinds, folded into families in Rust.
    let by_kinds: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kinds, COUNT(*) FROM structures WHERE status = 'published' GROUP BY kinds",
    )
    .fetch_all(db)
    .await?;
    for (kinds, count) in by_kinds {
        let kinds: Vec<StructureKind> =
            kinds.split_whitespace().filter_map(StructureKind::from_code).collect();
        figures.add_structures(&kinds, non_negative(count));
    }
    let (offers, labelled, open_needs, purchases, purchases_cents): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT \
               (SELECT COUNT(*) FROM offers o JOIN structures s ON s.id = o.structure_id \
                 WHERE o.status = 'published' AND s.status = 'published'), \
               (SELECT COUNT(DISTINCT l.structure_id) FROM hqs_labels l \
                 JOIN structures s ON s.id = l.structure_id \
                 WHERE l.state = 'granted' AND s.status = 'published'), \
               (SELECT COUNT(*) FROM needs WHERE state = 'published' AND deadline_on >= $1), \
               (SELECT COUNT(*) FROM purchases WHERE source = 'ecossol'), \
               (SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM purchases \
                 WHERE source = 'ecossol')",
        )
        .bind(today)
        .fetch_one(db)
        .await?;
    figures.offers = non_negative(offers);
    figures.labelled = non_negative(labelled);
    figures.open_needs = non_negative(open_needs);
    figures.purchases = non_negative(purchases);
    figures.purchases_cents = purchases_cents;
    Ok(figures)
}

fn non_negative(count: i64) -> u64 {
    u64::try_from(count).unwrap_or(0)
}
