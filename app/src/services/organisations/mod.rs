//! Organisations: creation, members and their roles, invitations, requests to join, API
//! tokens.
//! Every function checks the acting person's rights itself.

mod access;
mod api_tokens;
mod create;
mod invitations;
mod join_requests;
mod members;
mod read;
mod verification;

pub use access::standing;
pub use api_tokens::{TOKEN_PREFIX, create_api_token, list_api_tokens, revoke_api_token};
pub use create::{CreateOrganisationForm, create};
pub use invitations::{accept_invitation, invite};
pub use join_requests::{decide_join_request, request_to_join};
pub use members::{change_role, leave};
pub use read::{details, my_organisations, search};
pub use verification::{VerificationForm, decide_verification, desk, request_verification};
