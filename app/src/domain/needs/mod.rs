//! Buyers' needs (« dépôts de besoin »): their text, their life, the structures that can
//! answer them and the lever their supply supports.

pub mod attachments;
pub mod budget;
mod consideration;
mod declaration;
pub mod followups;
mod form;
pub mod group;
mod kind;
pub mod ladder;
pub mod lots;
mod mailing;
pub mod matching;
pub mod message;
pub mod potential;
pub mod quote;
pub mod ranking;
mod state;
pub mod views;

pub use budget::Budget;
pub use consideration::{PurchaseForm, SocialConsideration};
pub use declaration::{PurchaseDeclarationForm, PurchaseDeclared};
pub use form::{NeedForm, NeedText};
pub use kind::NeedKind;
pub use mailing::Mailing;
pub use message::{MessageBody, MessageForm, MessageSide};
pub use quote::{Quote, QuoteForm};
pub use state::{NeedState, NeedStep, RETURNED_LAPSE_DAYS};
