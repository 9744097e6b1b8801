//! Needs: reads and changes.

mod answers;
mod change;
mod messages;
mod read;

pub use answers::*;
pub use change::*;
pub use messages::*;
pub use read::*;
