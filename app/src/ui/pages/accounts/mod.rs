mod account;
mod admin_mails;
mod forgotten_password;
mod new_password;
mod sign_in;
mod sign_up;
mod verify_email;

pub use account::AccountPage;
pub use admin_mails::AdminMailsPage;
pub use forgotten_password::ForgottenPasswordPage;
pub use new_password::NewPasswordPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use verify_email::VerifyEmailPage;
