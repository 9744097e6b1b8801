//! A buyer's purchases file: sent from the browser and kept pending, its columns mapped on
//! screen (the mapping remembered for the next file with the same header), previewed with
//! every error in French, then confirmed — all or nothing, in one transaction — or discarded.
//!
//! The file is never held whole (but a workbook, bounded to a few megabytes): its pieces
//! become chunk rows of about 1 MiB as they arrive (`upload`, `receive`), and each reading of
//! it — the header, the preview, the confirmation — takes the chunks back in order through a
//! channel of one to the blocking row reader (`pieces`, `stored`).
//!
//! « The same file » is one the organisation already imported under the same name (folded:
//! case, accents and the « (1) » or « - Copie » of a second download ignored) or with the
//! same content (SHA-256). The name is what a buyer keeps when it corrects or completes its
//! yearly file (« achats-2025.csv » sent again in March with more lines must replace the
//! January copy, although its content changed); the content catches the same file renamed.
//! Importing it again replaces its lines instead of doubling them; the earlier import stays
//! listed as replaced.

mod confirm;
mod lines;
mod page;
mod pending;
mod pieces;
mod preview;
mod receive;
mod stored;
mod upload;

use sha2::{Digest, Sha256};

pub use confirm::{confirm, confirm_pending};
pub use page::{list, page};
pub use pending::{discard, map};
pub use receive::CHUNK;
pub use upload::{Keeper, Upload, keep_pending, upload};

use crate::{
    db::purchase_imports::ImportRow,
    domain::{Outcome, watch::Mapping},
};

/// The lines a preview shows.
pub const PREVIEW_LINES: usize = 20;

fn invalid<T>(message: impl Into<String>) -> Outcome<T> {
    Outcome::invalid("fichier", message)
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The mapping of an import: the one chosen or remembered, else guessed from the header.
fn mapping_of(row: &ImportRow, headers: &[String]) -> Mapping {
    row.mapping
        .as_deref()
        .and_then(|text| Mapping::from_text(text, headers.len()))
        .unwrap_or_else(|| Mapping::guess(headers))
}

fn headers_of(row: &ImportRow) -> Vec<String> {
    serde_json::from_str(&row.headers).unwrap_or_default()
}
