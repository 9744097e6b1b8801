mod api;
mod nearest;
mod reindex;
mod relevance;
mod sync;
