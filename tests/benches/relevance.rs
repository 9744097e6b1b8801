//! Relevance of the catalogue search, measured on the `make run` catalogue (`server seed-demo`'s
//! seed and sizes) with a real Meilisearch: precision of the first ten results and recall for
//! each query of the relevance test set (`tests::relevance`, where the rules that judge a
//! result are written down), by kind of query and overall. Run with:
//!
//!     cargo bench -p tests --bench relevance
//!     cargo bench -p tests --bench relevance -- --structures 400 --offers 2000   (smaller)
//!
//! The figures depend on the catalogue only through its seed and sizes: the demo directory is
//! deterministic. The integration test `search::relevance` measures a smaller catalogue and
//! fails below a floor.

use std::time::Instant;

use app::{clock::Clock, services::directory::demo};
use tests::{arg, relevance, spawn_app};

#[tokio::main]
async fn main() {
    // `server seed-demo`'s defaults (server/src/cli.rs), as `make run` stores them.
    let seed = arg("--seed", 2003) as u64;
    let structures = arg("--structures", 1000);
    let offers = arg("--offers", 5000);
    let pages = arg("--pages", 50) as u32;
    println!("relevance benchmark: seed {seed}, {structures} structures, {offers} offers");
    let app = spawn_app().await;
    let start = Instant::now();
    let (stored, offers_stored) =
        demo::seed(&app.state.db, seed, structures, offers, app.clock.now_ms())
            .await
            .expect("demo seeded");
    assert!(
        tests::eventually(600, async || {
            app::db::search_outbox::pending(&app.state.db).await.is_ok_and(|n| n == 0)
        })
        .await,
        "the index caught up"
    );
    println!(
        "  {stored} structures and {offers_stored} offers stored and indexed in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let report = relevance::measure(&app, pages).await;
    report.print();
    app.stop().await;
}
