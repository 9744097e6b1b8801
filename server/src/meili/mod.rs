//! Meilisearch as Ecossol runs it: either an external server (URL + key), or an embedded
//! child process that the server starts, watches, restarts and stops.

mod binary;
mod master_key;
mod process;
mod supervisor;
mod unix;

pub use binary::locate as locate_binary;
pub use master_key::load_or_create as master_key;
pub use process::{MeiliProcess, free_port, wait_until_healthy};
pub use supervisor::EmbeddedMeili;
pub use unix::die_with_parent;
