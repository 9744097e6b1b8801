//! The watch's aggregates over the ledger (`purchases`), on SQLite and PostgreSQL alike. Two
//! reads per table: the figures of each (row, buyer), from which the service adds rows up
//! and knows which buyers make each value (the secret needs those sets, not their counts);
//! and the distinct suppliers of each row, which cannot be added up across buyers.

use sqlx::FromRow;
use strum::VariantArray;

use super::Db;
use crate::domain::{
    Code,
    directory::{Family, StructureKind},
    organisations::BuyerKind,
    watch::indicators::{Dimension, Filters, Period},
};

/// Whose lines a read takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// One buyer organisation's.
    Organisation(String),
    /// Every buyer's.
    All,
    /// Public buyers' only.
    Public,
}

/// What the rows of a read are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One row: the total.
    Total,
    /// A row per year, every year (the trend).
    Years,
    /// The breakdown; `own`: a buyer's own view (by buying entity, not by buyer).
    By(Dimension, bool),
}

/// One read: whose lines, which period (and the one compared with), the filters.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    pub lines: &'a Lines,
    pub filters: &'a Filters,
    /// `None`: every year.
    pub period: Option<Period>,
    pub previous: Option<Period>,
    pub rows: Rows,
}

/// A row's figures for one buyer. `side`: `c` for the period, `p` for the one before.
#[derive(Debug, Clone, FromRow)]
pub struct BuyerCell {
    pub side: String,
    pub key: String,
    pub buyer: String,
    pub private: i64,
    pub buyer_name: String,
    pub contracts: i64,
    pub amount: i64,
    pub social_n: i64,
    pub social_a: i64,
    pub clause_n: i64,
    pub clause_a: i64,
    pub criterion_n: i64,
    pub criterion_a: i64,
    pub reserved_n: i64,
    pub reserved_a: i64,
    pub ess_n: i64,
    pub ess_a: i64,
    pub siae_n: i64,
    pub siae_a: i64,
    pub handicap_n: i64,
    pub handicap_a: i64,
    pub asked: i64,
    pub done: i64,
}

/// A row's distinct suppliers, per group.
#[derive(Debug, Clone, FromRow)]
pub struct SupplierCounts {
    pub side: String,
    pub key: String,
    pub every_s: i64,
    pub social_s: i64,
    pub clause_s: i64,
    pub criterion_s: i64,
    pub reserved_s: i64,
    pub ess_s: i64,
    pub siae_s: i64,
    pub handicap_s: i64,
}

const BUYER: &str = "COALESCE(p.buyer_organisation_id, p.buyer_siret, p.buyer_name)";
const KIND: &str = "COALESCE(p.buyer_kind, o.buyer_kind)";
const YEAR: &str = "COALESCE(p.purchased_year, CAST(SUBSTR(p.purchased_on, 1, 4) AS BIGINT))";
const SOCIAL: &str =
    "(' ' || COALESCE(NULLIF(p.social_considerations, ''), p.social_consideration) || ' ')";
const GROUPS: [&str; 8] =
    ["social", "clause", "criterion", "reserved", "ess", "siae", "handicap", "every"];

/// `s.kinds` holds the codes between spaces (` ACI ASSO `).
fn has_kind(kinds: impl Iterator<Item = StructureKind>) -> String {
    let tests: Vec<String> = kinds.map(|k| format!("s.kinds LIKE '% {} %'", k.code())).collect();
    format!("({})", tests.join(" OR "))
}

fn flags() -> [(&'static str, String); 7] {
    let kinds = StructureKind::VARIANTS.iter().copied();
    [
        (
            "social",
            format!(
                "({SOCIAL} LIKE '% reserved %' OR {SOCIAL} LIKE '% clause %' OR {SOCIAL} LIKE '% criterion %')"
            ),
        ),
        ("clause", format!("{SOCIAL} LIKE '% clause %'")),
        ("criterion", format!("{SOCIAL} LIKE '% criterion %'")),
        ("reserved", format!("{SOCIAL} LIKE '% reserved %'")),
        ("ess", "p.structure_id IS NOT NULL AND s.id IS NOT NULL".to_owned()),
        ("siae", has_kind(kinds.clone().filter(|k| k.is_siae()))),
        ("handicap", has_kind(kinds.filter(|k| k.families().contains(&Family::Handicap)))),
    ]
}

fn period_condition(period: Period) -> String {
    match (period, period.days()) {
        (_, Some((from, to))) => format!(
            "(p.date_precision <> 'year' AND p.purchased_on >= '{from}' AND p.purchased_on < '{to}')"
        ),
        (Period::Years(a, b), None) => format!("({YEAR} BETWEEN {a} AND {b})"),
        (p, None) => format!("({YEAR} = {})", p.years().0),
    }
}

fn key(rows: Rows) -> String {
    let quarter = "SUBSTR(p.purchased_on, 1, 4) || '-T' || \
                   CAST((CAST(SUBSTR(p.purchased_on, 6, 2) AS INTEGER) + 2) / 3 AS TEXT)";
    match rows {
        Rows::Total => "''".to_owned(),
        Rows::Years | Rows::By(Dimension::Annee, _) => format!("CAST({YEAR} AS TEXT)"),
        Rows::By(Dimension::Trimestre, _) => {
            format!("CASE WHEN p.date_precision = 'year' THEN '' ELSE {quarter} END")
        }
        Rows::By(Dimension::Mois, _) => {
            "CASE WHEN p.date_precision = 'year' THEN '' ELSE SUBSTR(p.purchased_on, 1, 7) END"
                .into()
        }
        Rows::By(Dimension::TypeAcheteur, _) => format!("COALESCE({KIND}, '')"),
        Rows::By(Dimension::Acheteur, true) => {
            "COALESCE(p.buyer_entity, p.buyer_siret, '')".to_owned()
        }
        Rows::By(Dimension::Acheteur, false) => {
            format!("CASE WHEN {KIND} = 'private' THEN 'prive' ELSE {BUYER} END")
        }
        Rows::By(Dimension::Cpv, _) => "COALESCE(SUBSTR(p.cpv, 1, 2), '')".to_owned(),
        Rows::By(Dimension::CommuneFournisseur, _) => "COALESCE(s.commune_insee, '')".to_owned(),
        Rows::By(Dimension::CommuneExecution, _) => {
            "CASE WHEN p.execution_place_kind = 'commune' THEN p.execution_place_code ELSE '' END"
                .to_owned()
        }
        Rows::By(Dimension::TypeStructure, _) => "k.code".to_owned(),
    }
}

/// A structure of several kinds is in each kind's row; a supplier outside the directory,
/// in the row ''.
fn kinds_join() -> String {
    let codes: Vec<String> = StructureKind::VARIANTS
        .iter()
        .map(|k| format!("SELECT '{}' AS code", k.code()))
        .chain(["SELECT '' AS code".to_owned()])
        .collect();
    format!(
        " JOIN ({}) k ON ((k.code = '' AND s.id IS NULL) OR s.kinds LIKE ('% ' || k.code || ' %'))",
        codes.join(" UNION ALL ")
    )
}

/// The lines of a read, one per row and line, with their flags; and the values to bind.
fn lines_sql(read: &Read<'_>) -> (String, Vec<String>) {
    let mut binds: Vec<String> = Vec::new();
    let mut bind = |value: &str| {
        binds.push(value.to_owned());
        format!("${}", binds.len())
    };
    let mut conditions = Vec::new();
    match read.lines {
        Lines::Organisation(id) => {
            conditions.push(format!("p.buyer_organisation_id = {}", bind(id)))
        }
        Lines::All => {}
        Lines::Public => conditions.push(format!("{KIND} = 'public'")),
    }
    let f = read.filters;
    if let Some(kind) = f.buyer_kind {
        let code = if kind == BuyerKind::Public { "public" } else { "private" };
        conditions.push(format!("{KIND} = '{code}'"));
    }
    if let Some(buyer) = &f.buyer {
        let mark = bind(buyer);
        conditions.push(format!("(p.buyer_organisation_id = {mark} OR p.buyer_siret = {mark})"));
    }
    if let Some(division) = &f.cpv_division {
        conditions.push(format!("SUBSTR(p.cpv, 1, 2) = {}", bind(division)));
    }
    if let Some(commune) = &f.supplier_commune {
        conditions.push(format!("s.commune_insee = {}", bind(commune.as_str())));
    }
    if let Some(commune) = &f.execution_commune {
        let mark = bind(commune.as_str());
        conditions.push(format!(
            "(p.execution_place_kind = 'commune' AND p.execution_place_code = {mark})"
        ));
    }
    if let Some(kind) = f.structure_kind {
        conditions.push(has_kind(std::iter::once(kind)));
    }
    let side = match (read.period, read.previous) {
        (Some(current), Some(previous)) => {
            let (c, p) = (period_condition(current), period_condition(previous));
            conditions.push(format!("({c} OR {p})"));
            format!("CASE WHEN {c} THEN 'c' ELSE 'p' END")
        }
        (Some(current), None) => {
            conditions.push(period_condition(current));
            "'c'".to_owned()
        }
        _ => "'c'".to_owned(),
    };
    let flags: Vec<String> = flags()
        .iter()
        .map(|(name, test)| format!("CASE WHEN {test} THEN 1 ELSE 0 END AS {name}"))
        .collect();
    let join = if matches!(read.rows, Rows::By(Dimension::TypeStructure, _)) {
        kinds_join()
    } else {
        String::new()
    };
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT {side} AS side, {key} AS key, {BUYER} AS buyer, \
         CAST(CASE WHEN {KIND} = 'private' THEN 1 ELSE 0 END AS BIGINT) AS private, p.buyer_name, \
         COALESCE(p.structure_id, p.supplier_siret, p.supplier_siren, p.supplier_key, p.supplier_name) AS supplier, \
         p.amount_cents AS amount, COALESCE(p.insertion_hours, 0) AS asked, \
         COALESCE(p.insertion_hours_done, 0) AS done, 1 AS every, {flags} \
         FROM purchases p LEFT JOIN structures s ON s.id = p.structure_id \
         LEFT JOIN organisations o ON o.id = p.buyer_organisation_id{join} {filter}",
        key = key(read.rows),
        flags = flags.join(", "),
    );
    (sql, binds)
}

/// The figures of each (row, buyer).
pub async fn by_buyer(db: &Db, read: &Read<'_>) -> Result<Vec<BuyerCell>, sqlx::Error> {
    let (lines, binds) = lines_sql(read);
    let sums: Vec<String> = GROUPS[..7]
        .iter()
        .map(|g| {
            format!(
                "CAST(SUM({g}) AS BIGINT) AS {g}_n, \
                 CAST(SUM(CASE WHEN {g} = 1 THEN amount ELSE 0 END) AS BIGINT) AS {g}_a"
            )
        })
        .collect();
    let sql = format!(
        "SELECT side, key, buyer, private, MIN(buyer_name) AS buyer_name, \
         COUNT(*) AS contracts, CAST(SUM(amount) AS BIGINT) AS amount, {}, \
         CAST(SUM(asked) AS BIGINT) AS asked, CAST(SUM(done) AS BIGINT) AS done \
         FROM ({lines}) l GROUP BY side, key, buyer, private",
        sums.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for value in &binds {
        query = query.bind(value);
    }
    query.fetch_all(db).await
}

/// The distinct suppliers of each row.
pub async fn suppliers(db: &Db, read: &Read<'_>) -> Result<Vec<SupplierCounts>, sqlx::Error> {
    let (lines, binds) = lines_sql(read);
    let counts: Vec<String> = GROUPS
        .iter()
        .map(|g| format!("COUNT(DISTINCT CASE WHEN {g} = 1 THEN supplier END) AS {g}_s"))
        .collect();
    let sql =
        format!("SELECT side, key, {} FROM ({lines}) l GROUP BY side, key", counts.join(", "));
    let mut query = sqlx::query_as(&sql);
    for value in &binds {
        query = query.bind(value);
    }
    query.fetch_all(db).await
}

/// The years the lines hold, latest first.
pub async fn years(db: &Db, lines: &Lines) -> Result<Vec<i64>, sqlx::Error> {
    let filters = Filters::default();
    let read = Read { lines, filters: &filters, period: None, previous: None, rows: Rows::Years };
    let (sql, binds) = lines_sql(&read);
    let sql =
        format!("SELECT DISTINCT CAST(key AS BIGINT) AS year FROM ({sql}) l ORDER BY year DESC");
    let mut query = sqlx::query_scalar(&sql);
    for value in &binds {
        query = query.bind(value);
    }
    query.fetch_all(db).await
}

/// The public buyers of the ledger a filter offers: (organisation id or SIRET, name).
pub async fn public_buyers(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {BUYER} AS buyer, MIN(p.buyer_name) AS name FROM purchases p \
         LEFT JOIN organisations o ON o.id = p.buyer_organisation_id \
         WHERE {KIND} = 'public' GROUP BY {BUYER} ORDER BY name"
    ))
    .fetch_all(db)
    .await
}

/// A year of a buyer's contracts, with social and environmental considerations.
#[derive(Debug, Clone, FromRow)]
pub struct SpaserRow {
    pub year: i64,
    pub contracts: i64,
    pub amount: i64,
    pub social_n: i64,
    pub social_a: i64,
    pub environmental_n: i64,
    pub environmental_a: i64,
}

/// An organisation's contracts per year, from `from` to `to`.
pub async fn spaser(
    db: &Db,
    organisation_id: &str,
    from: i32,
    to: i32,
) -> Result<Vec<SpaserRow>, sqlx::Error> {
    let social = &flags()[0].1;
    let env = "(' ' || p.environmental_considerations || ' ')";
    let environmental = format!("({env} LIKE '% clause %' OR {env} LIKE '% criterion %')");
    let sql = format!(
        "SELECT year, COUNT(*) AS contracts, CAST(SUM(amount) AS BIGINT) AS amount, \
         CAST(SUM(social) AS BIGINT) AS social_n, \
         CAST(SUM(CASE WHEN social = 1 THEN amount ELSE 0 END) AS BIGINT) AS social_a, \
         CAST(SUM(environmental) AS BIGINT) AS environmental_n, \
         CAST(SUM(CASE WHEN environmental = 1 THEN amount ELSE 0 END) AS BIGINT) AS environmental_a \
         FROM (SELECT {YEAR} AS year, p.amount_cents AS amount, \
           CASE WHEN {social} THEN 1 ELSE 0 END AS social, \
           CASE WHEN {environmental} THEN 1 ELSE 0 END AS environmental \
           FROM purchases p WHERE p.buyer_organisation_id = $1 AND {YEAR} BETWEEN {from} AND {to}) l \
         GROUP BY year ORDER BY year"
    );
    sqlx::query_as(&sql).bind(organisation_id).fetch_all(db).await
}

/// A contract of the demo ledger (see `services::watch::indicators_demo`).
#[derive(Debug, Clone)]
pub struct DemoContract {
    pub id: String,
    pub external_id: String,
    pub buyer_siret: String,
    pub buyer_name: String,
    pub buyer_kind: &'static str,
    pub structure_id: Option<String>,
    pub supplier_name: String,
    pub supplier_siret: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub cpv: String,
    pub social_consideration: &'static str,
    pub social_considerations: String,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    pub execution_commune: String,
}

/// How many demo contracts the ledger holds (their external ids start with `prefix`).
pub async fn demo_count(db: &Db, prefix: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM purchases WHERE external_id LIKE $1")
        .bind(format!("{prefix}%"))
        .fetch_one(db)
        .await
}

/// Stores a demo contract as a DECP-like line.
pub async fn insert_demo(db: &Db, c: &DemoContract, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchases (id, source, buyer_name, buyer_siret, buyer_kind, structure_id, \
         match_kind, supplier_name, supplier_siret, supplier_siren, supplier_key, amount_cents, \
         purchased_on, purchased_year, date_precision, cpv, social_consideration, \
         social_considerations, insertion_hours, insertion_hours_done, execution_place_kind, \
         execution_place_code, external_id, notified_on, object, procedure, duration_months, \
         created_at) \
         VALUES ($1, 'decp', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'day', $14, \
         $15, $16, $17, $18, 'commune', $19, $20, $12, 'Marché de démonstration', \
         'Procédure adaptée', 12, $21)",
    )
    .bind(&c.id)
    .bind(&c.buyer_name)
    .bind(&c.buyer_siret)
    .bind(c.buyer_kind)
    .bind(c.structure_id.as_deref())
    .bind(c.structure_id.as_ref().map(|_| "siret"))
    .bind(&c.supplier_name)
    .bind(c.supplier_siret.as_deref())
    .bind(c.supplier_siret.as_ref().map(|s| s[..9].to_owned()))
    .bind(c.supplier_name.to_lowercase())
    .bind(c.amount_cents)
    .bind(&c.purchased_on)
    .bind(c.purchased_on[..4].parse::<i64>().unwrap_or(0))
    .bind(&c.cpv)
    .bind(c.social_consideration)
    .bind(&c.social_considerations)
    .bind(c.insertion_hours)
    .bind(c.insertion_hours_done)
    .bind(&c.execution_commune)
    .bind(&c.external_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
