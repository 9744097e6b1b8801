mod create;
mod invitations;
mod join_requests;
mod roles;
mod verification;
