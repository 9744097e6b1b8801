//! Organisations: creation, members and their roles, invitations, requests to join.
//! Every function checks the acting person's rights itself.

mod access;
mod create;
mod invitations;
mod join_requests;
mod members;
mod read;
mod verification;

pub use access::standing;
pub use create::{CreateOrganisationForm, create};
pub use invitations::{accept_invitation, invite};
pub use join_requests::{decide_join_request, request_to_join};
pub use members::{change_role, leave};
pub use read::{details, my_organisations, search};
pub use verification::{VerificationForm, decide_verification, desk, request_verification};
