mod api_tokens;
mod buyer_desk;
mod create_form;
mod details;
mod invitation;
mod join_search;
mod list;
mod members;
mod verification;

pub use buyer_desk::BuyerDeskPage;
pub use details::OrganisationPage;
pub use invitation::InvitationPage;
pub use list::OrganisationsPage;
