//! Hardening: what the server must withstand (headers, exports, unauthenticated work, mail,
//! crashes, the database going away).

mod addresses;
mod audit_anchor;
mod bad_input;
mod bounded_work;
mod conflicts;
mod crash;
mod csv_injection;
mod database_outage;
mod headers;
mod mail_limits;
mod outbox_secrets;
mod quotas;
mod unauthenticated_work;
