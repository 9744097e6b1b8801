//! People who use Ecossol: their e-mail address, password policy and name.

mod acting;
mod display_name;
mod email;
mod mail_view;
mod outcomes;
mod password;

pub use acting::{Acting, Standing};
pub use display_name::DisplayName;
pub use email::Email;
pub use mail_view::MailView;
pub use outcomes::{LoginOutcome, SessionUser, VerifyOutcome};
pub use password::{Password, PasswordError};
