//! Buyers' needs: drafting with French errors, the pôle's moderation, matching and the
//! potential, the public list; posting one through the API; the threads between a need's
//! buyer and the structures it reached.

mod answers;
mod api;
mod demo;
mod drafting;
mod matching;
mod messages;
mod moderation;
