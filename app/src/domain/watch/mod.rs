//! The partnership's watch of purchasing (veille partenariale, DOMAIN.md §4): the ledger's
//! lines as a buyer's purchases file gives them — columns and their roles, the mapping a
//! buyer chooses, each cell read with a French error — and the pages' views.

pub mod amount;
pub mod bounds;
pub mod consideration;
pub mod date;
pub mod decp_place;
pub mod decp_views;
pub mod environment;
pub mod indicators;
pub mod insertion;
pub mod line;
pub mod mapping;
pub mod reports;
pub mod role;
pub mod text;
pub mod views;

pub use amount::parse_amount;
pub use bounds::ImportBounds;
pub use consideration::parse_considerations;
pub use date::LedgerDate;
pub use line::{CellError, LedgerLine, Place, SupplierId, parse_row};
pub use mapping::{MAX_COLUMNS, Mapping, letter, signature};
pub use role::ColumnRole;
pub use views::{LinkForm, MappingForm};
