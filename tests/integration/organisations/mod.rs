mod api_tokens;
mod create;
mod demo_accounts;
mod invitations;
mod join_requests;
mod roles;
mod verification;
