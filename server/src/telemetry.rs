//! Structured logs with `tracing`: human-readable by default, JSON with
//! `ECOSSOL_LOG_FORMAT=json`; levels from `RUST_LOG` (default `info`).

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

/// The levels used when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,meilisearch_sdk=error";

/// Installs the global subscriber; `default_filter` applies when `RUST_LOG` is not set.
pub fn init(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let json = std::env::var("ECOSSOL_LOG_FORMAT").is_ok_and(|v| v == "json");
    let registry = tracing_subscriber::registry().with(filter);
    let result = if json {
        registry.with(fmt::layer().json()).try_init()
    } else {
        registry.with(fmt::layer()).try_init()
    };
    // A second initialisation (in tests) keeps the first subscriber.
    drop(result);
}
