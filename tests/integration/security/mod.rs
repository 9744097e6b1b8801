//! Hardening: what the server must withstand (headers, exports, unauthenticated work, mail).

mod headers;
