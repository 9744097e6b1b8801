mod accounts;
mod home;
mod not_found;

pub use accounts::{SignInPage, SignUpPage, VerifyEmailPage};
pub use home::HomePage;
pub use not_found::NotFoundPage;
