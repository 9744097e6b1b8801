//! A 100,000-contract DECP file imported into the ledger, measured on this machine (release
//! build): SQLite always, PostgreSQL too when `ECOSSOL_TEST_POSTGRES_URL` is set. Goal: 30 s
//! at most, memory bounded (the file is read as a stream). Run with:
//!
//!     cargo bench -p tests --bench decp
//!     cargo bench -p tests --bench decp -- --contracts 10000   (smaller)
//!
//! 1. Writes a v2 JSON file to a temporary folder: contracts of the Métropole and of buyers
//!    outside it (one in five left aside), a tenth with a modification, holders alternating
//!    between SIRETs, a few concessions.
//! 2. Imports it through `services::watch::decp::import`, the function `server import-decp`
//!    calls, reading the file from disk; prints the time and the process's peak memory
//!    (`VmHWM`), then imports it again (every contract updated) and prints that time.

use std::{
    io::Write,
    time::{Duration, Instant},
};

use app::{
    db::{self, DbOptions},
    services::watch::decp,
};
use tests::{
    PgTestDatabase, arg,
    decp::{Contract, METROPOLE, PARIS},
};

/// The process's peak resident memory, in MB (Linux).
fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                let kb: f64 =
                    l.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0.0);
                format!("{:.0} MB", kb / 1024.0)
            })
        })
        .unwrap_or_else(|| "?".to_owned())
}

const HOLDERS: &[&str] = &["73282932000074", "55204599900869", "41234567800012", "38412345600020"];

/// Writes the file record by record (the generator holds one record at a time too).
fn write_file(path: &std::path::Path, contracts: usize) -> std::io::Result<u64> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"{\"marches\": {\"marche\": [\n")?;
    for i in 0..contracts {
        let buyer = if i % 5 == 4 { PARIS } else { METROPOLE };
        let mut contract = Contract::new(
            &format!("B{i:07}"),
            buyer,
            1_000.0 + (i % 9_000) as f64 * 12.5,
            HOLDERS[i % 4],
        );
        if buyer == PARIS {
            contract = contract.at("75056", "Code commune");
        }
        if i % 3 == 0 {
            contract = contract.social(&["Clause sociale"]);
        }
        if i % 10 == 0 {
            contract = contract.modified("2025-09-01", 20_000.0);
        }
        if i > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut out, &contract.v2())?;
    }
    out.write_all(b"],\n\"contrat-concession\": [{\"id\": \"DSP\", \"valeurGlobale\": 1}]}}\n")?;
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

async fn run(label: &str, url: &str, path: &std::path::Path) -> anyhow::Result<()> {
    let pool = db::connect(url, &DbOptions::default()).await?;
    let buyers = vec![METROPOLE.to_owned()];
    let options =
        decp::Options { buyers: &buyers, dry_run: false, user_id: None, now: 1_764_000_000_000 };
    for round in ["first import", "same file again"] {
        let started = Instant::now();
        let file = std::fs::File::open(path)?;
        let report = decp::import(&pool, file, "bench.json", &options).await?;
        let took: Duration = started.elapsed();
        anyhow::ensure!(report.is_ok(), "{:?}", report.error_lines());
        println!(
            "{label} {round}: {:.1} s — {} read, {} kept ({} added, {} updated), {} outside; peak memory {}",
            took.as_secs_f64(),
            report.read,
            report.kept,
            report.added,
            report.updated,
            report.outside,
            peak_mb()
        );
    }
    pool.close().await;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let contracts = arg("--contracts", 100_000);
    // The import is audited, and audit entries are sealed with the process's key, which the
    // server installs at start.
    app::services::audit::install(app::services::audit::AuditKey::generate())
        .map_err(anyhow::Error::msg)?;
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("decp.json");
    let started = Instant::now();
    let bytes = write_file(&path, contracts)?;
    println!(
        "DECP file: {contracts} contracts, {:.0} MB, written in {:.1} s; peak memory {}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        peak_mb()
    );
    let sqlite = format!("sqlite://{}", folder.path().join("bench.db").display());
    run("SQLite", &sqlite, &path).await?;
    if std::env::var("ECOSSOL_TEST_POSTGRES_URL").is_ok() {
        let pg = PgTestDatabase::create().await;
        let result = run("PostgreSQL", &pg.url, &path).await;
        pg.drop_now();
        result?;
    }
    Ok(())
}
