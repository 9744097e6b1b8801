//! Integration tests: a real server per test, a real database (SQLite, or PostgreSQL with
//! `ECOSSOL_TEST_DATABASE=postgres`) and a real Meilisearch. One module per feature.

mod accounts;
mod authorisation_matrix;
mod csrf;
mod directory;
mod embedded_meili;
mod guide;
mod health;
mod home;
mod hqs;
mod label;
mod migrations;
mod needs;
mod not_found;
mod openapi;
mod organisations;
mod rendering;
mod search;
mod security;
mod support;
mod watch;
