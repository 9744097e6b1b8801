//! The demo ledger (`server seed-demo`): purchase lines of 2022 to this year for the
//! catalogue's three dozen buyers — public ones as DECP contracts (one DECP import a year),
//! private ones as purchases files they imported (one a year each, their organisations made
//! for the demo) — many from structures of the demo directory, others from suppliers it does
//! not know. And, for the benchmarks, any number of generated lines
//! ([`generate`], `server seed-demo --ledger-lines N`).

pub mod catalogue;
pub mod generator;

use catalogue::BUYERS;
use generator::{Generator, KnownSupplier, LineBuyer, siret_of};

use crate::{
    db::{
        self, Db, demo_data,
        ledger_bulk::{self, BulkLine},
        organisations, structures,
    },
    domain::organisations::{BuyerKind, OrganisationKind},
    error::AppError,
};

/// The first year of the demo ledger.
pub const FIRST_YEAR: i64 = 2022;
/// The seed of the demo ledger's lines.
const SEED: u64 = 2022;
/// The name of the first DECP import, which tells the ledger was seeded.
const MARKER: &str = "decp-demo-2022.json";

/// The directory's published structures with a SIRET, which the lines may name.
async fn known_suppliers(db: &Db, limit: i64) -> Result<Vec<KnownSupplier>, AppError> {
    Ok(structures::published(db, limit, 0)
        .await?
        .into_iter()
        .filter_map(|s| {
            let siret = s.siret.filter(|siret| siret.len() == 14)?;
            Some(KnownSupplier { id: s.id, name: s.name, siret })
        })
        .collect())
}

/// The buyer's organisation on Ecossol: an existing one of that name, else (`make`) a new
/// private buyer's organisation.
async fn organisation_of(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    name: &str,
    siret: &str,
    make: bool,
    now: i64,
) -> Result<Option<String>, AppError> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM organisations WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?;
    if found.is_some() || !make {
        return Ok(found);
    }
    let id = uuid::Uuid::new_v4().to_string();
    organisations::insert(tx, &id, name, OrganisationKind::Buyer(BuyerKind::Private), None, now)
        .await?;
    sqlx::query("UPDATE organisations SET siret = $1 WHERE id = $2")
        .bind(siret)
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(id))
}

fn totals(lines: &[BulkLine]) -> (i64, i64, i64) {
    let total = lines.iter().map(|l| l.amount_cents).sum();
    let matched = lines.iter().filter(|l| l.structure_id.is_some()).count();
    (lines.len() as i64, total, matched as i64)
}

/// Seeds the demo ledger once, in one transaction; returns its lines (0 when nothing was
/// done: not a demo database, or already seeded).
pub async fn seed(db: &Db, now: i64) -> Result<u64, AppError> {
    if !demo_data::is_demo(db).await? || ledger_bulk::import_named(db, MARKER).await? {
        return Ok(0);
    }
    let mut generator = Generator::new(SEED, known_suppliers(db, 200).await?, now);
    let this_year = generator.today().year();
    let mut tx = db::begin(db).await?;
    let mut decp: Vec<Vec<BulkLine>> = vec![Vec::new(); (this_year - FIRST_YEAR + 1) as usize];
    let mut made = 0;
    for (index, b) in BUYERS.iter().enumerate() {
        let siret = siret_of(b.siren8);
        let organisation_id = organisation_of(&mut tx, b.name, &siret, !b.public, now).await?;
        let buyer = LineBuyer { index, siret, organisation_id };
        for year in FIRST_YEAR..=this_year {
            // A little more each year, as the partnership grows.
            let count = i64::from(b.lines_a_year) * (10 + year - FIRST_YEAR) / 10;
            if b.public {
                let lines = &mut decp[(year - FIRST_YEAR) as usize];
                for _ in 0..count {
                    let n = lines.len() as i64 + 1;
                    lines.push(generator.line(&buyer, year, n));
                }
                continue;
            }
            let import = uuid::Uuid::new_v4().to_string();
            let mut lines: Vec<BulkLine> = (1..=count)
                .map(|n| BulkLine {
                    import_id: Some(import.clone()),
                    ..generator.line(&buyer, year, n + 1)
                })
                .collect();
            lines.sort_by(|a, b| a.purchased_on.cmp(&b.purchased_on));
            let file = format!("achats-{year}.csv");
            let org = buyer.organisation_id.as_deref();
            ledger_bulk::insert_import(
                &mut tx,
                &import,
                ("file", "csv"),
                org,
                &file,
                totals(&lines),
                now,
            )
            .await?;
            ledger_bulk::insert(&mut tx, &lines).await?;
            made += lines.len() as u64;
        }
    }
    for (offset, mut lines) in decp.into_iter().enumerate() {
        let year = FIRST_YEAR + offset as i64;
        let import = uuid::Uuid::new_v4().to_string();
        for line in &mut lines {
            line.import_id = Some(import.clone());
        }
        let file = format!("decp-demo-{year}.json");
        ledger_bulk::insert_import(
            &mut tx,
            &import,
            ("decp", "json"),
            None,
            &file,
            totals(&lines),
            now,
        )
        .await?;
        ledger_bulk::insert(&mut tx, &lines).await?;
        made += lines.len() as u64;
    }
    tx.commit().await?;
    Ok(made)
}

/// Adds `count` generated lines (years `FIRST_YEAR` to this one, the catalogue's buyers,
/// `seed`), in transactions of 50,000 lines, never holding more than one batch; for the
/// benchmarks. Returns the lines added.
pub async fn generate(db: &Db, count: u64, seed: u64, now: i64) -> Result<u64, AppError> {
    let mut generator = Generator::new(seed, known_suppliers(db, 500).await?, now);
    let this_year = generator.today().year();
    let buyers: Vec<LineBuyer> = (0..BUYERS.len())
        .map(|index| LineBuyer {
            index,
            siret: siret_of(BUYERS[index].siren8),
            organisation_id: None,
        })
        .collect();
    let mut made = 0;
    while made < count {
        let mut tx = db::begin(db).await?;
        let in_tx = (count - made).min(50_000);
        let mut done = 0;
        while done < in_tx {
            let batch = (in_tx - done).min(ledger_bulk::BATCH as u64);
            let lines: Vec<BulkLine> = (0..batch)
                .map(|i| {
                    let (index, year) = generator.pick(FIRST_YEAR..=this_year);
                    generator.line(&buyers[index], year, (made + done + i + 1) as i64)
                })
                .collect();
            ledger_bulk::insert(&mut tx, &lines).await?;
            done += batch;
        }
        tx.commit().await?;
        made += in_tx;
    }
    Ok(made)
}
