//! The catalogue's search engine: a Meilisearch server reached through `meilisearch-sdk`.

mod engine;

pub use engine::{SearchEngine, SearchError};
