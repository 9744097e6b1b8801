//! The watch of purchasing: buyers' imports and the unmatched suppliers. The files
//! themselves arrive by a plain multipart form (`POST /veille/imports/envoi`, in the server).

mod change;
mod decp;
mod indicators;
mod insertion;
mod read;

pub use change::*;
pub use decp::*;
pub use indicators::*;
pub use insertion::*;
pub use read::*;
