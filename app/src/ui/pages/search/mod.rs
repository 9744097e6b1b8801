//! The buyers' search page.

mod facets;
mod page;
mod results;

pub use page::SearchPage;
