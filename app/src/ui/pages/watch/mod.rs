//! The watch of purchasing: a buyer's purchases files (list, upload, mapping and preview),
//! and the suppliers the ledger could not match.

mod decp_page;
mod import_page;
mod imports_page;
mod lines_table;
mod unmatched_page;

pub use decp_page::DecpImportsPage;
pub use import_page::PurchaseImportPage;
pub use imports_page::PurchaseImportsPage;
pub use unmatched_page::UnmatchedSuppliersPage;
