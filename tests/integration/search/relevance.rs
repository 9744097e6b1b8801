//! The relevance test set (`tests::relevance`) on a fixed demo catalogue: the first page of
//! results must stay relevant. The floors are the figures measured after the relevance work
//! (docs/benchmarks.md), less a small margin: a change of settings, synonyms or demo data
//! that makes the results worse fails here.

use app::{clock::Clock, services::directory::demo};
use tests::{relevance, spawn_app};

/// `server seed-demo`'s seed, on a catalogue smaller than `make run`'s.
const SEED: u64 = 2003;
const STRUCTURES: usize = 400;
const OFFERS: usize = 2000;
/// Mean precision of the first ten results over the set, and mean recall: 0.653 and 0.919
/// before the relevance work, 0.98 and 0.96 after (docs/benchmarks.md), less a margin.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.90;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buyer_queries_find_relevant_results_first() {
    let app = spawn_app().await;
    demo::seed(&app.state.db, SEED, STRUCTURES, OFFERS, app.clock.now_ms()).await.expect("seed");
    assert!(app.search_caught_up().await);
    let report = relevance::measure(&app, 10).await;
    report.print();
    assert!(relevance::CASES.len() >= 40);
    assert!(
        report.precision_at_10() >= PRECISION_FLOOR,
        "precision@10 {:.3} < {PRECISION_FLOOR}",
        report.precision_at_10()
    );
    assert!(report.recall() >= RECALL_FLOOR, "recall {:.3} < {RECALL_FLOOR}", report.recall());
}
