//! Buyers' needs: drafting with French errors, the pôle's moderation, matching and the
//! potential, the public list.

mod answers;
mod demo;
mod drafting;
mod matching;
mod moderation;
