//! Use cases over the repositories and the search engine: what server functions, HTTP routes
//! and command-line tools call.

pub mod accounts;
pub mod api_access;
pub mod audit;
pub mod cached;
pub mod catalogue;
pub mod demo_accounts;
pub mod directory;
pub mod figures;
pub mod flash;
pub mod guide;
pub mod health;
pub mod hqs;
pub mod label;
pub mod limits;
pub mod mail;
pub mod needs;
pub mod organisations;
pub mod search_sync;
pub mod storage;
pub mod watch;
