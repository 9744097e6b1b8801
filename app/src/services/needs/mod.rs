//! Buyers' needs: drafting, the pôle's moderation, matching to the structures that can
//! answer, and the pages that read them.

pub mod access;
mod answers;
mod awards;
mod compare;
pub mod demo;
mod draft;
mod lapse;
mod mails;
pub mod matching;
mod messages;
pub mod notify;
mod purchases;
mod quotes;
mod read;
mod steps;
mod thread;

pub use answers::{answer, answer_by_link, open_link};
pub use awards::{award, shortlist};
pub use draft::{create, update};
pub use lapse::lapse_returned;
pub use messages::post as post_message;
pub use purchases::confirm as confirm_purchase;
pub use quotes::submit as submit_quote;
pub use read::{list_open, mine, new_need_page, queue, view};
pub use steps::take_step;
