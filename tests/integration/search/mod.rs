mod api;
mod nearest;
mod reindex;
mod sync;
