//! Organisations people act for, and the roles they hold in them.

mod kind;
mod name;
mod role;
mod views;

pub use kind::{BuyerKind, OrganisationKind};
pub use name::OrganisationName;
pub use role::MemberRole;
pub use views::{
    JoinDecision, JoinRequestView, MemberView, OrganisationDetails, OrganisationSummary,
};
