//! The "Haute Qualité Solidaire" label the pôle awards to structures that meet its label
//! profile: the file's lifecycle with the four-eyes rule, levels from the weighted score,
//! label numbers, validity and reminders. Pure: the services store and notify.

pub mod holding;
pub mod initial;
pub mod level;
pub mod lifecycle;
pub mod number;
pub mod validity;
pub mod views;

pub use holding::{FileSummary, Holding, holding};
pub use initial::initial_profile;
pub use level::Level;
pub use lifecycle::{Actor, LabelState, LabelStep, Recommendation, may_decide};
pub use number::LabelNumber;
pub use validity::{Reminder, Validity};
