//! Buyers' needs: drafting with French errors, the pôle's moderation, matching and the
//! potential, the public list; posting one through the API; their PDF attachments.

mod answers;
mod api;
mod demo;
mod drafting;
mod files;
mod group;
mod matching;
mod moderation;
