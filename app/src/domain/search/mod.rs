//! Searching the catalogue: the query a buyer makes and the results they see.

pub mod cells;
pub mod query;
pub mod results;

pub use query::{SearchQuery, Sort, Target};
pub use results::{Facet, FacetValue, Hit, SearchResults, Segment};
