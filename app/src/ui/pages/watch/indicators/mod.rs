//! The watch's indicators: the dashboard `/veille`, its printable monthly report and a
//! public buyer's SPASER page.

mod chart;
mod figures_view;
mod form;
mod page;
mod report;
mod spaser_page;
mod tables;
mod text;

pub use page::IndicatorsPage;
pub use report::IndicatorsReportPage;
pub use spaser_page::SpaserPageView;
