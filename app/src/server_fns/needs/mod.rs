//! Needs: reads and changes.

mod answers;
mod change;
mod group;
mod messages;
mod read;

pub use answers::*;
pub use change::*;
pub use group::*;
pub use messages::*;
pub use read::*;
