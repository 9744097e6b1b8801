mod api;
mod sync;
