//! HQS server functions: the référentiel, buyers' profiles, harmonisation.

mod change;
mod read;

pub use change::*;
pub use read::*;
