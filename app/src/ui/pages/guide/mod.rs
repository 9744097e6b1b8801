//! `/guide`: the buyers' guide — one page per lever a buyer can pull, and two calculators
//! that work without JavaScript and update as one types once hydrated.

mod calculator_field;
mod index;
mod insertion;
mod oeth;
mod page;

pub use index::GuideIndexPage;
pub use page::{AccessibilityPage, GuidePageView};
