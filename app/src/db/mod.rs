//! Repositories over the relational database (sqlx `Any` driver).
//!
//! SQLite and PostgreSQL are both reached through [`Db`]; [`connect`] is the one place that
//! tells them apart. Queries use `$1`-style placeholders and portable SQL so that the same text
//! runs on both.

mod connect;
pub mod figures;

pub use connect::{Backend, Db, DbOptions, connect, ping};
