//! Accounts: sign-up, address verification, sign-in with throttling, sessions.

mod acting;
mod admin;
mod hashing;
mod password;
mod sessions;
mod sign_in;
mod sign_up;
pub(crate) mod tokens;
mod verify_email;

pub use acting::{acting, acting_as, acting_for_session};
pub use admin::create_admin;
pub use hashing::{HashingError, PasswordHashing};
pub use password::{change_password, delete_account, request_password_reset, reset_password};
pub use sessions::{
    SESSION_IDLE_MS, SESSION_SEEN_EVERY_MS, current_user, session_cookie, sign_out,
    sign_out_everywhere,
};
pub use sign_in::{SESSION_MS, SignInOutcome, sign_in};
pub use sign_up::{SignUpForm, sign_up};
pub use tokens::{hash_token, new_token};
pub use verify_email::verify_email;
