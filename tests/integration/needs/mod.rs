//! Buyers' needs: drafting with French errors, the pôle's moderation, matching and the
//! potential, the public list, the mails around a consultation and its follow-up; posting
//! one through the API; their PDF attachments; group purchases; the threads between a
//! need's buyer and the structures it reached.

mod answers;
mod api;
mod demo;
mod drafting;
mod files;
mod followups;
mod group;
mod matching;
mod messages;
mod moderation;
