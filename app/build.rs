//! `sqlx::migrate!` embeds `migrations/` when the crate compiles; without this line a new
//! migration alone would not rebuild the crate, and a stale binary would skip it.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
