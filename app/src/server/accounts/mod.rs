//! Server functions of the accounts area.

mod login;
mod logout;
mod me;
mod sign_up;
mod verify_email;

pub use login::{Login, login};
pub use logout::{Logout, LogoutEverywhere, logout, logout_everywhere};
pub use me::{Me, me};
pub use sign_up::{SignUp, sign_up};
pub use verify_email::{VerifyEmail, verify_email};
