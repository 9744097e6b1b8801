//! The watch's indicators (DOMAIN.md §4): the dashboard's filters read from the address, the
//! figures of each cell, the partnership's secret, and each indicator's definition in French
//! with its source.

pub mod dashboard;
pub mod definitions;
pub mod dimension;
pub mod figures;
pub mod filters;
pub mod period;
pub mod secrecy;
pub mod spaser;

pub use dashboard::{BreakdownRow, Choice, Dashboard, DashboardAnswer, Scope, TrendRow};
pub use definitions::{DEFINITIONS, Definition};
pub use dimension::Dimension;
pub use figures::{Figures, Group, Hours, Part, SECRET, Shares, Shown, percent};
pub use filters::{Filters, View};
pub use period::Period;
