//! What a buyer's own system does through the API with an organisation's token: who the
//! token acts as ([`authenticate`]), and posting a need ([`post_need`]).

mod authenticate;
mod post_need;

pub use authenticate::{Denied, TokenCaller, authenticate};
pub use post_need::{DAILY_NEEDS_CAP, Posted, over_daily_cap, post_need};
