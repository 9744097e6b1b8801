//! Hardening: what the server must withstand (headers, exports, unauthenticated work, mail).

mod addresses;
mod audit_anchor;
mod bad_input;
mod conflicts;
mod csv_injection;
mod headers;
mod mail_limits;
mod outbox_secrets;
mod quotas;
mod unauthenticated_work;
