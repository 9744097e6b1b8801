mod api_tokens;
mod create;
mod invitations;
mod join_requests;
mod roles;
