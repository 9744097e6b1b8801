//! The watch of purchasing: a buyer's purchases files (list, upload, mapping and preview),
//! and the suppliers the ledger could not match.

mod import_page;
mod imports_page;
mod lines_table;
mod subscription_page;
mod unmatched_page;

pub use import_page::PurchaseImportPage;
pub use imports_page::PurchaseImportsPage;
pub use subscription_page::WatchSubscriptionPage;
pub use unmatched_page::UnmatchedSuppliersPage;
