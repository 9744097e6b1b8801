//! Helpers for the indicators' tests: ledger lines written straight in the database, so
//! that a test holds a small ledger whose figures it computes by hand.

use crate::TestApp;

/// One purchase line of a test ledger.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// The buyer organisation's id.
    pub buyer: String,
    /// `public` or `private`.
    pub buyer_kind: &'static str,
    pub structure: Option<String>,
    pub euros: i64,
    /// `AAAA-MM-JJ`.
    pub on: &'static str,
    /// Space-separated codes: reserved, clause, criterion, none.
    pub social: &'static str,
    pub cpv: &'static str,
    pub hours_asked: Option<i64>,
    pub hours_done: Option<i64>,
    pub environmental: &'static str,
}

impl TestApp {
    /// Writes the lines in the ledger, as a file import of their buyer would.
    pub async fn ledger(&self, lines: &[Line]) {
        let db = crate::pool(&self.database_url).await;
        for (n, l) in lines.iter().enumerate() {
            let strongest = l.social.split_whitespace().next().unwrap_or("none");
            sqlx::query(
                "INSERT INTO purchases (id, source, buyer_organisation_id, buyer_name, buyer_kind, \
                 structure_id, supplier_name, supplier_key, amount_cents, purchased_on, \
                 purchased_year, date_precision, cpv, social_consideration, social_considerations, \
                 insertion_hours, insertion_hours_done, environmental_considerations, line_number, \
                 created_at) \
                 VALUES ($1, 'file', $2, (SELECT name FROM organisations WHERE id = $2), $3, $4, \
                 $5, $6, $7, $8, $9, 'day', $10, $11, $12, $13, $14, $15, $16, 0)",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(&l.buyer)
            .bind(l.buyer_kind)
            .bind(l.structure.as_deref())
            .bind(format!("Fournisseur {n}"))
            .bind(format!("fournisseur {n}"))
            .bind(l.euros * 100)
            .bind(l.on)
            .bind(l.on[..4].parse::<i64>().expect("year"))
            .bind(format!("{}000000-0", l.cpv))
            .bind(strongest)
            .bind(l.social)
            .bind(l.hours_asked)
            .bind(l.hours_done)
            .bind(l.environmental)
            .bind(i64::try_from(n).expect("line") + 2)
            .execute(&db)
            .await
            .expect("ledger line");
        }
        app::db::ledger_changes::record(&db, "test").await.expect("ledger change");
    }
}
