//! Organisations people act for, and the roles they hold in them.

mod kind;
mod name;
mod role;
mod verification;
mod views;

pub use kind::{BuyerKind, OrganisationKind};
pub use name::OrganisationName;
pub use role::MemberRole;
pub use verification::Verification;
pub use views::{
    JoinDecision, JoinRequestView, MemberView, OrganisationDetails, OrganisationSummary,
};
