//! Meilisearch as Ecossol runs it: either an external server (URL + key), or an embedded
//! child process that the server starts, watches, restarts and stops.

mod binary;
#[cfg(not(target_os = "linux"))]
mod elsewhere;
mod master_key;
mod process;
mod supervisor;
#[cfg(unix)]
mod unix;

#[cfg(not(unix))]
use elsewhere as platform;
/// The system calls around the child process: Unix's, or stand-ins that do without.
#[cfg(unix)]
use unix as platform;

pub use binary::locate as locate_binary;
pub use master_key::load_or_create as master_key;
pub use platform::die_with_parent;
pub use process::{MeiliProcess, free_port, wait_until_healthy};
pub use supervisor::EmbeddedMeili;
