//! Server functions of the accounts area.

mod admin_mails;
mod login;
mod logout;
mod me;
mod password;
mod sign_up;
mod verify_email;

pub use admin_mails::{AdminMails, admin_mails};
pub use login::{Login, login};
pub use logout::{Logout, LogoutEverywhere, logout, logout_everywhere};
pub use me::{Me, me};
pub use password::{
    ChangePassword, DeleteAccount, RequestPasswordReset, ResetPassword, change_password,
    delete_account, request_password_reset, reset_password,
};
pub use sign_up::{SignUp, sign_up};
pub use verify_email::{VerifyEmail, verify_email};
