//! The buyers' search page.

mod facets;
mod form_events;
mod page;
mod results;

pub use page::SearchPage;
