//! Buyers' needs: drafting, the pôle's moderation, matching to the structures that can
//! answer, the mails around their consultation, and the pages that read them.

pub mod access;
mod answers;
mod awards;
mod compare;
mod declarations;
pub mod demo;
mod demo_files;
mod draft;
pub mod files;
mod follow_ups;
mod followup_mails;
pub mod group;
mod lapse;
mod mails;
pub mod matching;
mod messages;
mod milestones;
pub mod notify;
mod purchases;
mod quotes;
mod read;
mod recipients;
mod reminders;
mod steps;
mod thread;

pub use answers::{answer, answer_by_link, open_link};
pub use awards::{award, shortlist};
pub use declarations::declare as declare_purchase;
pub use draft::{create, update};
pub use follow_ups::ask_due_follow_ups;
pub use lapse::lapse_returned;
pub use messages::post as post_message;
pub use purchases::confirm as confirm_purchase;
pub use quotes::submit as submit_quote;
pub use read::{list_open, mine, new_need_page, queue, view};
pub use reminders::send_due_reminders;
pub use steps::take_step;
