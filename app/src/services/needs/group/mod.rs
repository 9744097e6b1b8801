//! Group purchases: the lead pools its need and invites other verified buyers (or opens it to
//! all of them); each member states its share until the joining day; the consultation runs
//! once for the total; the award is split into one purchase per member.

mod changes;
pub(super) mod demo;
mod mails;
mod read;
mod split;

pub use crate::domain::needs::group::split_cents;
pub use changes::{invite, join, leave, pool};
pub use read::{Group, load, view};
pub use split::shares_of;
