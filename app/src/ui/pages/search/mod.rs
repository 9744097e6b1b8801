//! The buyers' search page.

mod chips;
mod facets;
mod form_events;
mod page;
mod results;

pub use form_events::submit_on_change;
pub use page::SearchPage;
