mod admin;
mod mail_delivery;
mod password;
mod sessions;
mod sign_in;
mod sign_up;
mod throttling;
mod verification;
