//! The test harness shared by the integration and browser test binaries.
//!
//! `spawn_app()` gives each test its own database (a SQLite file, or a fresh PostgreSQL
//! database when `ECOSSOL_TEST_DATABASE=postgres`), its own index prefix on one Meilisearch
//! process shared by the whole run, and a real server on a free port.

mod accounts;
mod api_tokens;
mod axe;
mod backend;
mod bench_args;
mod browser;
mod db;
pub mod decp;
mod directory;
mod hqs;
mod indicators;
mod label;
mod meili;
mod needs;
mod organisations;
mod process;
pub mod relevance;
mod smtp;
mod spawn;
mod watch;

pub use accounts::PASSWORD;
pub use api_tokens::need_json;
pub use backend::{PgTestDatabase, TestBackend};
pub use bench_args::arg;
pub use browser::{Browser, JavaScript};
pub use db::{count, pool};
pub use directory::{SIRET, Supplier, catalogue_of, complete_profile, haversine_m};
pub use hqs::{Buyer, profile_fields};
pub use indicators::Line;
pub use meili::{DedicatedMeili, SharedMeili, shared_meili, start_dedicated_meili};
pub use needs::need_fields;
pub use process::{ServerProcess, server_binary};
pub use smtp::FakeSmtp;
pub use spawn::{AUDIT_KEY, TestApp, spawn_app, spawn_app_with, workspace_root};
pub use watch::{generated_ledger, import_id_of, purchases_csv, windows_1252, write_purchases_csv};

/// Polls `check` every 100 ms until it returns true or `seconds` pass.
pub async fn eventually(seconds: u64, mut check: impl AsyncFnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while std::time::Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}

/// A read's answer as JSON, or `Null` when it answered 404 with `NotFound` (not the viewer's
/// to see, or no such thing).
pub async fn found_or_null(response: reqwest::Response) -> serde_json::Value {
    let status = response.status();
    let body: serde_json::Value =
        serde_json::from_str(&response.text().await.expect("body")).unwrap_or_default();
    if status == 404 {
        assert_eq!(body, "NotFound", "a 404 says NotFound");
        return serde_json::Value::Null;
    }
    body
}

/// The error shown under the evidence upload of a page, if any.
pub fn piece_error(page: &str) -> Option<String> {
    let start = page.find(r#"id="champ-piece-erreur""#)?;
    let text = &page[start..];
    let text = &text[text.find('>')? + 1..];
    let message = &text[..text.find("</p>")?];
    (!message.trim().is_empty()).then(|| message.to_owned())
}
