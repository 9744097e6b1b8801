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

/// The span of an HTTP request: its method and path, never its query, where tokens
/// (`?jeton=…`) and what people type in forms sent by GET (a search, a SIRET) would land in
/// the logs.
pub fn request_span<B>(request: &http::Request<B>) -> tracing::Span {
    tracing::debug_span!("request", method = %request.method(), path = request.uri().path())
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// What a subscriber writes, kept for the test.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("buffer").extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_request_span_records_the_path_and_never_the_query() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let request = http::Request::get("/nouveau-mot-de-passe?jeton=s3cr3t&tel=0612345678")
            .body(())
            .expect("request");
        tracing::subscriber::with_default(subscriber, || {
            let span = request_span(&request);
            let _entered = span.enter();
            tracing::info!("response sent");
        });
        let logged = String::from_utf8(captured.0.lock().expect("buffer").clone()).expect("text");
        assert!(logged.contains("/nouveau-mot-de-passe"), "{logged}");
        assert!(logged.contains("GET"), "{logged}");
        assert!(!logged.contains("s3cr3t") && !logged.contains("0612345678"), "{logged}");
    }
}
