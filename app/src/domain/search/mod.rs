//! Searching the catalogue: the query a buyer makes and the results they see.

pub mod cells;
pub mod params;
#[cfg(feature = "ssr")]
pub mod params_doc;
pub mod places;
pub mod query;
pub mod results;
pub mod tags;

pub use query::{SearchQuery, Sort, Target};
pub use results::{Facet, FacetValue, Hit, SearchResults, Segment};
