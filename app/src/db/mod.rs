//! Repositories over the relational database (sqlx `Any` driver).
//!
//! SQLite and PostgreSQL are both reached through [`Db`]; [`connect`] is the one place that
//! tells them apart. Queries use `$1`-style placeholders and portable SQL so that the same text
//! runs on both.

pub mod account_tokens;
pub mod api_tokens;
pub mod audit_checkpoints;
pub mod audit_log;
pub mod bulk_values;
pub mod buyer_verification;
mod connect;
pub mod decp_ledger;
pub mod demo_data;
pub mod email_outbox;
pub mod figures;
pub mod form_flashes;
pub mod hqs_checks;
pub mod hqs_evidence;
pub mod hqs_label_profiles;
pub mod hqs_labels;
pub mod hqs_profiles;
pub mod hqs_referentials;
pub mod insertion_hours;
pub mod invitations;
pub mod join_requests;
mod json_rows;
pub mod ledger_bulk;
pub mod ledger_changes;
pub mod ledger_snapshot;
pub mod login_failures;
pub mod memberships;
pub mod need_awards;
pub mod need_candidates;
pub mod need_files;
pub mod need_links;
pub mod need_matches;
pub mod need_members;
pub mod need_messages;
pub mod need_milestones;
pub mod need_pools;
pub mod need_quota;
pub mod needs;
pub mod offers;
pub mod open_data;
pub mod organisations;
mod outage;
pub mod purchase_declarations;
pub mod purchase_import_chunks;
pub mod purchase_import_mappings;
pub mod purchase_imports;
pub mod purchase_indicators;
pub mod purchase_ledger;
pub mod purchases;
pub mod quotes;
pub mod request_counts;
pub mod search_outbox;
pub mod sessions;
pub mod storage;
pub mod structure_activities;
pub mod structure_certifications;
pub mod structure_events;
pub mod structures;
pub mod supplier_links;
mod transaction;
pub mod uploads;
pub mod users;
pub mod visibility;
pub mod watch_reports;

pub use connect::{Backend, Db, DbOptions, connect, ping};
pub use outage::is_outage;
pub use transaction::begin;
