mod sign_in;
mod sign_up;
mod verify_email;

pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use verify_email::VerifyEmailPage;
