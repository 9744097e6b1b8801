//! People who use Ecossol: their e-mail address, password policy and name.

mod display_name;
mod email;
mod outcomes;
mod password;

pub use display_name::DisplayName;
pub use email::Email;
pub use outcomes::{AccountOutcome, LoginOutcome, SessionUser, SignUpOutcome, VerifyOutcome};
pub use password::{Password, PasswordError};
