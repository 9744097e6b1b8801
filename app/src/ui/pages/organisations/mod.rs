mod api_tokens;
mod create_form;
mod details;
mod invitation;
mod join_search;
mod list;
mod members;

pub use details::OrganisationPage;
pub use invitation::InvitationPage;
pub use list::OrganisationsPage;
