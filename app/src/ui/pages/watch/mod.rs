//! The watch of purchasing: a buyer's purchases files (list, upload, mapping and preview),
//! the suppliers the ledger could not match, the insertion hours declared done.

mod decp_page;
mod import_page;
mod imports_page;
mod indicators;
mod insertion_page;
mod lines_table;
mod open_data_page;
mod subscription_page;
mod unmatched_page;

pub use decp_page::DecpImportsPage;
pub use import_page::PurchaseImportPage;
pub use imports_page::PurchaseImportsPage;
pub use indicators::{IndicatorsPage, IndicatorsReportPage, SpaserPageView};
pub use insertion_page::InsertionHoursPageView;
pub use open_data_page::OpenDataPage;
pub use subscription_page::WatchSubscriptionPage;
pub use unmatched_page::UnmatchedSuppliersPage;
