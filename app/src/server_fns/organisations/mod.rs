//! Server functions of the organisations area. Each needs a signed-in person; the service
//! checks that person's rights in the organisation.

mod api_tokens;
mod change;
mod read;
mod verification;

pub use api_tokens::{
    CreateApiToken, OrganisationApiTokens, RevokeApiToken, create_api_token,
    organisation_api_tokens, revoke_api_token,
};
pub use change::{
    AcceptInvitation, CreateOrganisation, DecideJoinRequest, InviteMember, LeaveOrganisation,
    RequestToJoin, SetMemberRole, accept_invitation, create_organisation, decide_join_request,
    invite_member, leave_organisation, request_to_join, set_member_role,
};
pub use read::{
    MyOrganisations, OrganisationDetailsOf, SearchOrganisations, my_organisations,
    organisation_details_of, search_organisations,
};
pub use verification::{
    BuyerVerificationDesk, DecideBuyerVerification, RequestBuyerVerification,
    buyer_verification_desk, decide_buyer_verification, request_buyer_verification,
};
