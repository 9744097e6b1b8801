//! Needs: reads and changes.

mod answers;
mod change;
mod read;

pub use answers::*;
pub use change::*;
pub use read::*;
