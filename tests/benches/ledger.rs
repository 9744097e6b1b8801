//! The purchase ledger at scale, measured on this machine (release build). Run with:
//!
//!     cargo bench -p tests --bench ledger
//!     cargo bench -p tests --bench ledger -- --lines 100000          (smaller)
//!     ECOSSOL_TEST_POSTGRES_URL=… cargo bench -p tests --bench ledger  (PostgreSQL too)
//!
//! 1. Writes generated purchases files of 100,000 and `--lines` lines (1,000,000 by default;
//!    semicolon CSV, French amounts, ~100 bytes a line) to disk, a line at a time, and
//!    imports each through the path of a browser's upload — `keep_pending` fed the file in
//!    pieces of 64 KiB (chunk rows of 1 MiB, header read back), then `confirm_pending` (the
//!    chunks read back in order, every line typed, matched and stored in one transaction) —
//!    printing the time of each and the process's peak resident memory (VmHWM) before and
//!    after (goals: ≤ 60 s for 1,000,000 lines; the peak grows by a few MiB, not by the
//!    file's size).
//! 2. Generates `--lines` ledger lines in bulk (`tests::generated_ledger`) and opens the
//!    dashboard's views (`GET`ting the `indicators` server function, as the page does) `ROUNDS`
//!    times each, as the pôle, a visitor and a buyer: every breakdown, filter and kind of
//!    period (p50, p95, max; goal p95 ≤ 300 ms), the first view (the server's copy of the
//!    ledger read) and the first after a change — on SQLite, then on PostgreSQL when
//!    `ECOSSOL_TEST_POSTGRES_URL` is set.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use app::{
    clock::Clock,
    db::{Db, insertion_hours, purchase_imports, purchase_ledger},
    domain::{
        Outcome,
        watch::{ImportBounds, indicators::Dimension},
    },
    services::watch::imports::{Keeper, confirm_pending, keep_pending},
};
use futures_util::Stream;
use strum::VariantArray;
use tests::{PgTestDatabase, TestApp, generated_ledger, spawn_app_with, write_purchases_csv};
use tokio::io::AsyncReadExt;

/// The pieces a file on disk is read in, as a browser's upload arrives.
const PIECE: usize = 64 * 1024;

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

/// A file on disk as pieces.
fn pieces_of(file: tokio::fs::File) -> impl Stream<Item = std::io::Result<Vec<u8>>> {
    futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut piece = vec![0; PIECE];
        match file.read(&mut piece).await {
            Ok(0) => None,
            Ok(n) => {
                piece.truncate(n);
                Some((Ok(piece), Some(file)))
            }
            Err(error) => Some((Err(error), None)),
        }
    })
}

async fn import_file(app: &TestApp, lines: u64, dir: &Path) {
    let (organisation, user) = verified_buyer(app).await;
    let path = dir.join(format!("achats-{lines}.csv"));
    let started = Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("file"));
    let size = write_purchases_csv(&mut out, lines, 15).expect("written");
    drop(out);
    println!(
        "  file: {lines} lines, {:.1} MiB on disk, written in {:.1} s; peak RSS {:.0} MiB",
        size as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64(),
        peak_rss_mib()
    );
    let db = &app.state.db;
    let now = app.clock.now_ms();
    let started = Instant::now();
    let file = tokio::fs::File::open(&path).await.expect("open");
    let keeper = Keeper {
        organisation_id: &organisation,
        user_id: &user,
        file_name: "achats-2025.csv",
        now,
    };
    let kept = keep_pending(db, ImportBounds::default(), &keeper, pieces_of(file)).await;
    let Ok(Outcome::Done(id)) = kept else { panic!("kept pending: {kept:?}") };
    let kept_in = started.elapsed();
    let kept_peak = peak_rss_mib();
    let row = purchase_imports::find(db, &id).await.expect("read").expect("import");
    let started = Instant::now();
    let confirmed = confirm_pending(db, &row, &organisation, &user, now, lines + 1).await;
    assert!(matches!(confirmed, Ok(Outcome::Done(_))), "{confirmed:?}");
    let confirmed_in = started.elapsed();
    let stored = purchase_imports::find(db, &id).await.expect("read").expect("import").line_count;
    assert_eq!(u64::try_from(stored).ok(), Some(lines));
    println!(
        "  import: received and kept pending in {:.1} s (peak RSS {kept_peak:.0} MiB), \
         confirmed ({stored} lines stored) in {:.1} s; {:.1} s in all; peak RSS {:.0} MiB",
        kept_in.as_secs_f64(),
        confirmed_in.as_secs_f64(),
        (kept_in + confirmed_in).as_secs_f64(),
        peak_rss_mib()
    );
    std::fs::remove_file(&path).ok();
}

/// The imports measured: 100,000 lines, then the lines asked for.
fn import_sizes(lines: u64) -> Vec<u64> {
    if lines > 100_000 { vec![100_000, lines] } else { vec![lines] }
}

async fn imports_on(url: impl Fn(u64) -> String, lines: u64, dir: &Path) {
    for size in import_sizes(lines) {
        let app = app_on(url(size)).await;
        app.directory_structure("Régie de quartier", tests::SIRET, "RQ").await;
        import_file(&app, size, dir).await;
        app.stop().await;
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// One grouped scan of the table in SQL, for scale: what a single figure of the dashboard
/// cost when the views were computed by the database.
async fn one_sql_scan(db: &Db) {
    // PostgreSQL's SUM of BIGINT is NUMERIC, which sqlx's Any driver does not read.
    let sql = "SELECT purchased_year, COUNT(*), CAST(SUM(amount_cents) AS BIGINT), \
               CAST(SUM(CASE WHEN social_consideration <> 'none' THEN 1 ELSE 0 END) AS BIGINT) \
               FROM purchases GROUP BY purchased_year";
    let mut times = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        sqlx::query(sql).fetch_all(db).await.expect(sql);
        times.push(started.elapsed());
    }
    times.sort_unstable();
    println!("  one SQL scan (social share by year), p50 {:.1} ms", ms(times[ROUNDS / 2]));
}

/// The views a person opens: every breakdown, each filter, each kind of period, for the
/// pôle (partnership, with secrets), a visitor (public buyers) and a buyer (its own lines).
fn views(year: i64) -> Vec<(&'static str, String)> {
    let y = |rest: &str| format!("annee={year}{rest}");
    let mut v: Vec<(&'static str, String)> = Dimension::VARIANTS
        .iter()
        .map(|d| ("pole", y(&format!("&ventilation={}", <&str>::from(*d)))))
        .collect();
    v.extend([
        ("pole", String::new()),
        ("pole", y("&cpv=77")),
        ("pole", y("&type_acheteur=public&ventilation=acheteur")),
        ("pole", y("&commune_execution=38185")),
        ("pole", y("&type_structure=ESAT")),
        ("pole", format!("trimestre={year}-T2&ventilation=mois")),
        ("pole", format!("mois={year}-03")),
        ("pole", format!("annees={}-{year}&ventilation=annee", year - 3)),
        ("visitor", String::new()),
        ("visitor", y("&ventilation=acheteur")),
        ("buyer", String::new()),
        ("buyer", y("&ventilation=acheteur")),
    ]);
    v
}

async fn dashboards(app: &TestApp, lines: u64) {
    let db = &app.state.db;
    // The demo directory, so that lines match structures by SIRET.
    app::services::directory::demo::seed(db, 2003, 1_000, 1_000, app.clock.now_ms())
        .await
        .expect("directory");
    let started = Instant::now();
    let made = generated_ledger(db, lines, 2026).await;
    println!("  generated {made} ledger lines in {:.1} s", started.elapsed().as_secs_f64());
    one_sql_scan(db).await;
    // Generated lines name their buyers by SIRET only: the busiest one gets an organisation
    // on Ecossol, whose member opens « ma part d'achats solidaires ».
    let (siret, year): (String, i64) = sqlx::query_as(
        "SELECT buyer_siret, MAX(purchased_year) FROM purchases WHERE buyer_siret IS NOT NULL \
         GROUP BY buyer_siret ORDER BY COUNT(*) DESC, buyer_siret LIMIT 1",
    )
    .fetch_one(db)
    .await
    .expect("a buyer of the ledger");
    let organisation =
        app.insert_organisation("Acheteur de mesure", "buyer", Some("private")).await;
    sqlx::query("UPDATE purchases SET buyer_organisation_id = $1 WHERE buyer_siret = $2")
        .bind(&organisation)
        .bind(&siret)
        .execute(db)
        .await
        .expect("the buyer's lines");
    let pole = app.animator("anim@pole.fr").await;
    let buyer = app.signed_in_user("Acheteuse", "achats@acheteur.fr").await;
    app.add_member(&organisation, "achats@acheteur.fr", "member").await;
    let visitor = app.new_client();
    let client = |who: &str| match who {
        "pole" => &pole,
        "buyer" => &buyer,
        _ => &visitor,
    };
    let call = async |who: &str, query: &str| {
        let started = Instant::now();
        let answer = app.call_ok(client(who), "indicators", &[("query", query)]).await;
        assert!(answer.get("Shown").is_some(), "{query}: {answer}");
        started.elapsed()
    };
    // The first view reads the ledger into this server's copy.
    let first = call("pole", "").await;
    println!("  first view (the copy of {lines} lines read): {:.0} ms", ms(first));
    let views = views(year);
    let mut all = Vec::new();
    for (who, query) in &views {
        let mut times = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            times.push(call(who, query).await);
        }
        times.sort_unstable();
        println!(
            "  {who:<8} {query:<50} p50 {:>6.1} ms  max {:>6.1} ms",
            ms(times[ROUNDS / 2]),
            ms(times[ROUNDS - 1])
        );
        all.extend(times);
    }
    all.sort_unstable();
    println!(
        "  every view ({} calls): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms; peak RSS {:.0} MiB",
        all.len(),
        ms(quantile(&all, 0.5)),
        ms(quantile(&all, 0.95)),
        ms(all[all.len() - 1]),
        peak_rss_mib()
    );
    // A change of the ledger: the next view reads the copy again.
    let started = Instant::now();
    generated_ledger(db, 1, 7).await;
    let generated = started.elapsed();
    let after = call("pole", "").await;
    println!(
        "  first view after a change: {:.0} ms (the change itself {:.0} ms)",
        ms(after),
        ms(generated)
    );
    let again = call("pole", "").await;
    println!("  the view once more: {:.1} ms", ms(again));
    let started = Instant::now();
    let n = purchase_ledger::unmatched(db, None, 50).await.expect("unmatched").len();
    println!("  top 50 unmatched suppliers: {:.1} ms ({n} rows)", ms(started.elapsed()));
    let started = Instant::now();
    let n = insertion_hours::contracts(db, None, 301).await.expect("contracts").len();
    println!("  the facilitator's clause contracts: {:.1} ms ({n} rows)", ms(started.elapsed()));
}

#[tokio::main]
async fn main() {
    let lines = lines_asked();
    let dir = tempfile::tempdir().expect("temp dir");
    println!("SQLite");
    let sqlite = |name: &str| format!("sqlite://{}", dir.path().join(name).display());
    imports_on(|size| sqlite(&format!("import-{size}.db")), lines, dir.path()).await;
    let app = app_on(sqlite("ledger.db")).await;
    dashboards(&app, lines).await;
    app.stop().await;
    if std::env::var("ECOSSOL_TEST_POSTGRES_URL").is_ok() {
        println!("PostgreSQL");
        for size in import_sizes(lines) {
            let pg = PgTestDatabase::create().await;
            let app = app_on(pg.url.clone()).await;
            app.directory_structure("Régie de quartier", tests::SIRET, "RQ").await;
            import_file(&app, size, dir.path()).await;
            app.stop().await;
            pg.drop_now();
        }
        let pg = PgTestDatabase::create().await;
        let app = app_on(pg.url.clone()).await;
        dashboards(&app, lines).await;
        app.stop().await;
        pg.drop_now();
    }
}
