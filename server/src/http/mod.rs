//! The HTTP application: Leptos pages and server functions, plain routes, and the layers
//! around them.

pub mod api_v1;
mod csrf;
mod decp_files;
mod error_status;
mod evidence;
mod export;
mod favicon;
mod flash;
mod health;
mod indicators_export;
mod multipart;
mod need_files;
mod open_data;
mod purchase_files;
mod router;
mod search_csv;
mod security_headers;
mod uploads;

pub use csrf::{CROSS_SITE_REFUSED, is_same_origin};
pub use router::router;
