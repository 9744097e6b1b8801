mod api;
mod reindex;
mod sync;
