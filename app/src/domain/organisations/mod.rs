//! Organisations people act for, and the roles they hold in them.

mod api_tokens;
mod buyer_category;
mod kind;
mod name;
mod role;
mod verification;
mod views;

pub use api_tokens::{ApiTokenName, ApiTokenView, MAX_ACTIVE_API_TOKENS, NewApiToken};
pub use buyer_category::BuyerCategory;
pub use kind::{BuyerKind, OrganisationKind};
pub use name::OrganisationName;
pub use role::MemberRole;
pub use verification::{Verification, VerificationDecision};
pub use views::{
    BuyerToVerify, JoinDecision, JoinRequestView, MemberView, OrganisationDetails,
    OrganisationSummary, VerificationView,
};
