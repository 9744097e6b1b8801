//! What a buyer's purchases file sent from the browser may weigh and hold. A CSV is received
//! and read in pieces, so its bounds are those of a year of a large buyer's purchases; a
//! workbook is read whole by the XLSX reader, so it stays small (a larger one is saved as
//! CSV).

use crate::domain::files::MB;

/// The bounds of a purchases file. The server uses [`ImportBounds::default`]; the tests
/// may lower them to check the refusals without sending hundreds of megabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportBounds {
    pub csv_bytes: u64,
    /// Lines after the header, as the file's line ends count them.
    pub csv_lines: u64,
    pub xlsx_bytes: u64,
}

/// 200 Mo.
pub const CSV_BYTES: u64 = 200 * MB as u64;
pub const CSV_LINES: u64 = 2_000_000;
/// 10 Mo.
pub const XLSX_BYTES: u64 = 10 * MB as u64;
/// The French words of the default bounds, for the upload form.
pub const BOUNDS_TEXT: &str = "CSV : 200 Mo et 2 000 000 lignes au plus ; XLSX : 10 Mo au plus";

impl Default for ImportBounds {
    fn default() -> Self {
        Self { csv_bytes: CSV_BYTES, csv_lines: CSV_LINES, xlsx_bytes: XLSX_BYTES }
    }
}

impl ImportBounds {
    /// The largest file of any format: what the upload's body may carry.
    pub fn largest(&self) -> u64 {
        self.csv_bytes.max(self.xlsx_bytes)
    }

    /// Why a CSV of `bytes` bytes is refused, when it is.
    pub fn csv_size(&self, bytes: u64) -> Result<(), String> {
        if bytes <= self.csv_bytes {
            return Ok(());
        }
        Err(format!(
            "Ce fichier CSV dépasse {} Mo : découpez-le (par année, par exemple) et envoyez \
             chaque partie.",
            grouped(self.csv_bytes / MB as u64)
        ))
    }

    /// Why a workbook of `bytes` bytes is refused, when it is.
    pub fn xlsx_size(&self, bytes: u64) -> Result<(), String> {
        if bytes <= self.xlsx_bytes {
            return Ok(());
        }
        Err(format!(
            "Ce classeur XLSX dépasse {} Mo : enregistrez-le au format CSV (jusqu'à {} Mo), \
             puis envoyez-le à nouveau.",
            grouped(self.xlsx_bytes / MB as u64),
            grouped(self.csv_bytes / MB as u64)
        ))
    }

    /// Why a file of `lines` lines after its header is refused, when it is.
    pub fn lines(&self, lines: u64) -> Result<(), String> {
        if lines <= self.csv_lines { Ok(()) } else { Err(too_many_lines(self.csv_lines)) }
    }
}

/// The refusal of a file longer than `max` lines.
pub fn too_many_lines(max: u64) -> String {
    format!(
        "Le fichier compte plus de {} lignes : découpez-le (par année, par exemple) et envoyez \
         chaque partie.",
        grouped(max)
    )
}

/// `2 000 000`, with non-breaking spaces.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bound_refuses_past_it_only() {
        let bounds = ImportBounds::default();
        assert!(bounds.csv_size(CSV_BYTES).is_ok());
        let refused = bounds.csv_size(CSV_BYTES + 1).expect_err("too large");
        assert!(refused.contains("dépasse 200 Mo"), "{refused}");
        assert!(bounds.xlsx_size(XLSX_BYTES).is_ok());
        let refused = bounds.xlsx_size(XLSX_BYTES + 1).expect_err("too large");
        assert!(refused.contains("dépasse 10 Mo") && refused.contains("CSV"), "{refused}");
        assert!(bounds.lines(CSV_LINES).is_ok());
        let refused = bounds.lines(CSV_LINES + 1).expect_err("too long");
        assert_eq!(
            refused,
            "Le fichier compte plus de 2\u{a0}000\u{a0}000 lignes : découpez-le (par année, par \
             exemple) et envoyez chaque partie."
        );
    }

    #[test]
    fn the_form_tells_the_default_bounds() {
        let text = BOUNDS_TEXT.replace(' ', "");
        for n in [CSV_BYTES / MB as u64, CSV_LINES, XLSX_BYTES / MB as u64] {
            assert!(text.contains(&n.to_string()), "{n} in {BOUNDS_TEXT}");
        }
        assert_eq!(grouped(200), "200");
        assert_eq!(grouped(1_000), "1\u{a0}000");
    }
}
