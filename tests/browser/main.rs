//! Browser tests: a real headless Chromium against a real server serving the built site.
//! Each scenario runs hydrated and with JavaScript disabled.

mod accounts;
mod directory;
mod guide;
mod home;
mod hqs;
mod label;
mod needs;
mod search;
mod security;
mod steps;
mod watch;
