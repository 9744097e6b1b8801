//! The catalogue's search engine: a Meilisearch server reached through `meilisearch-sdk`.

pub mod documents;
mod engine;
pub mod hits;
pub mod settings;
pub mod synonyms;

pub use engine::{SearchEngine, SearchError};
