//! Label server functions: the public registry and verification, the label profile, files
//! and their steps. Rights are the services'.

mod change;
mod read;

pub use change::*;
pub use read::*;
