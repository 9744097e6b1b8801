//! The purchase ledger at scale, measured on this machine (release build). Run with:
//!
//!     cargo bench -p tests --bench ledger
//!     cargo bench -p tests --bench ledger -- --lines 100000          (smaller)
//!     ECOSSOL_TEST_POSTGRES_URL=… cargo bench -p tests --bench ledger  (PostgreSQL too)
//!
//! 1. Writes a generated purchases file of `--lines` lines (1,000,000 by default; semicolon
//!    CSV, French amounts, ~100 bytes a line) and imports it through the import service —
//!    `keep_pending` (header read, file kept) then `confirm_pending` (every line read, typed,
//!    matched and stored in one transaction) — printing the time of each and the process's
//!    peak resident memory (VmHWM) before and after. The file itself is held whole in memory
//!    and in the pending import's row (goal: ≤ 60 s; the line reading is streamed in batches).
//! 2. Generates `--lines` ledger lines in bulk (`tests::generated_ledger`) and times a few
//!    aggregate queries of the ledger `ROUNDS` times each (p50 and max), on SQLite, then on
//!    PostgreSQL when `ECOSSOL_TEST_POSTGRES_URL` is set.

use std::time::{Duration, Instant};

use app::{
    clock::Clock,
    db::{Db, insertion_hours, purchase_imports, purchase_ledger},
    domain::Outcome,
    services::watch::imports::{confirm_pending, keep_pending},
};
use tests::{PgTestDatabase, TestApp, generated_ledger, purchases_csv, spawn_app_with};

const ROUNDS: usize = 7;

fn lines_asked() -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--lines")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// The process's peak resident memory, in MiB (Linux).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

async fn app_on(url: String) -> TestApp {
    spawn_app_with(move |settings| settings.database.url = Some(url.into())).await
}

async fn verified_buyer(app: &TestApp) -> (String, String) {
    let organisation =
        app.insert_organisation("Grenoble-Alpes Métropole", "buyer", Some("public")).await;
    app.verify_organisation(&organisation).await;
    app.sign_up("Acheteuse", "achats@metropole.fr", tests::PASSWORD).await;
    let user = app.user_id("achats@metropole.fr").await;
    app.add_member(&organisation, "achats@metropole.fr", "owner").await;
    (organisation, user)
}

async fn import_file(app: &TestApp, lines: u64) {
    let (organisation, user) = verified_buyer(app).await;
    let started = Instant::now();
    let bytes = purchases_csv(lines, 15);
    let size = bytes.len();
    println!(
        "  file: {lines} lines, {:.1} MiB, written in {:.1} s; peak RSS {:.0} MiB",
        size as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    let db = &app.state.db;
    let now = app.clock.now_ms();
    let started = Instant::now();
    let kept = keep_pending(db, &organisation, &user, "achats-2025.csv", bytes, now).await;
    let Ok(Outcome::Done(id)) = kept else { panic!("kept pending: {kept:?}") };
    let kept_in = started.elapsed();
    let row = purchase_imports::find(db, &id).await.expect("read").expect("import");
    let started = Instant::now();
    let confirmed = confirm_pending(db, &row, &organisation, &user, now, lines + 1).await;
    assert!(matches!(confirmed, Ok(Outcome::Done(_))), "{confirmed:?}");
    let stored = purchase_imports::find(db, &id).await.expect("read").expect("import").line_count;
    println!(
        "  import: kept pending in {:.1} s, confirmed ({stored} lines stored) in {:.1} s; peak RSS {:.0} MiB",
        kept_in.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
}

async fn timed<F: AsyncFn() -> usize>(name: &str, query: F) {
    let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
    let mut rows = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        rows = query().await;
        times.push(started.elapsed());
    }
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {name:<44} p50 {:>8.1} ms   max {:>8.1} ms   ({rows} rows)",
        ms(times[ROUNDS / 2]),
        ms(times[ROUNDS - 1])
    );
}

async fn rows(db: &Db, sql: &str) -> usize {
    sqlx::query(sql).fetch_all(db).await.expect(sql).len()
}

async fn aggregates(db: &Db, lines: u64, now: i64) {
    // The demo directory, so that lines match structures by SIRET.
    app::services::directory::demo::seed(db, 2003, 1_000, 1_000, now).await.expect("directory");
    let started = Instant::now();
    let made = generated_ledger(db, lines, 2026).await;
    println!("  generated {made} ledger lines in {:.1} s", started.elapsed().as_secs_f64());
    timed("social share by year (count, amount)", async || {
        rows(
            db,
            "SELECT purchased_year, COUNT(*), SUM(amount_cents), \
             SUM(CASE WHEN social_consideration <> 'none' THEN 1 ELSE 0 END) \
             FROM purchases GROUP BY purchased_year",
        )
        .await
    })
    .await;
    timed("spend by buyer kind, matched or not (2025)", async || {
        rows(
            db,
            "SELECT buyer_kind, structure_id IS NULL, COUNT(*), SUM(amount_cents) \
             FROM purchases WHERE purchased_year = 2025 GROUP BY buyer_kind, structure_id IS NULL",
        )
        .await
    })
    .await;
    timed("spend by structure kinds (2025)", async || {
        rows(
            db,
            "SELECT s.kinds, COUNT(DISTINCT p.structure_id), SUM(p.amount_cents) \
             FROM purchases p JOIN structures s ON s.id = p.structure_id \
             WHERE p.purchased_year = 2025 GROUP BY s.kinds",
        )
        .await
    })
    .await;
    timed("insertion hours asked and done by year", async || {
        rows(
            db,
            "SELECT purchased_year, SUM(insertion_hours), SUM(insertion_hours_done) \
             FROM purchases WHERE insertion_hours > 0 GROUP BY purchased_year",
        )
        .await
    })
    .await;
    timed("top 50 unmatched suppliers", async || {
        purchase_ledger::unmatched(db, None, 50).await.expect("unmatched").len()
    })
    .await;
    timed("the facilitator's clause contracts (301)", async || {
        insertion_hours::contracts(db, None, 301).await.expect("contracts").len()
    })
    .await;
}

#[tokio::main]
async fn main() {
    let lines = lines_asked();
    let dir = tempfile::tempdir().expect("temp dir");
    println!("SQLite");
    let sqlite = |name: &str| format!("sqlite://{}", dir.path().join(name).display());
    let app = app_on(sqlite("import.db")).await;
    app.directory_structure("Régie de quartier", tests::SIRET, "RQ").await;
    import_file(&app, lines).await;
    app.stop().await;
    let app = app_on(sqlite("ledger.db")).await;
    aggregates(&app.state.db, lines, app.clock.now_ms()).await;
    app.stop().await;
    if std::env::var("ECOSSOL_TEST_POSTGRES_URL").is_ok() {
        println!("PostgreSQL");
        let pg = PgTestDatabase::create().await;
        let app = app_on(pg.url.clone()).await;
        import_file(&app, lines).await;
        app.stop().await;
        pg.drop_now();
        let pg = PgTestDatabase::create().await;
        let app = app_on(pg.url.clone()).await;
        aggregates(&app.state.db, lines, app.clock.now_ms()).await;
        app.stop().await;
        pg.drop_now();
    }
}
