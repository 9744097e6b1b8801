//! HQS server functions: the référentiel, buyers' profiles, harmonisation.

mod change;
mod checks;
mod read;

pub use change::*;
pub use checks::*;
pub use read::*;
