//! Hardening: what the server must withstand (headers, exports, unauthenticated work, mail).

mod audit_anchor;
mod csv_injection;
mod headers;
mod mail_limits;
mod unauthenticated_work;
