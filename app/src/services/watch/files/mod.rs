//! Reading a buyer's purchases file row by row: CSV (comma or semicolon, UTF-8 with or
//! without BOM, else Windows-1252) or XLSX (its first sheet). Rows are handed over one at a
//! time and never gathered: a CSV of a million lines reads from any reader (the import's
//! stored pieces) in the memory of a buffer and one row; a workbook is read whole (the XLSX
//! reader needs it so), with its table of shared strings.

mod csv_rows;
mod decode;
pub mod utf8;
mod xlsx_rows;

use std::{io::Read, ops::ControlFlow};

use crate::domain::watch::MAX_COLUMNS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// Told from the bytes, never from the name: a zip archive is a workbook, text is CSV.
    pub fn sniff(bytes: &[u8]) -> Result<Self, String> {
        if bytes.starts_with(b"PK\x03\x04") {
            return Ok(Self::Xlsx);
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err("Ce classeur est au format Excel 97-2003 (.xls) : enregistrez-le au \
                        format XLSX ou CSV, puis envoyez-le à nouveau."
                .into());
        }
        let head = &bytes[..bytes.len().min(8192)];
        if head.contains(&0) || bytes.starts_with(b"%PDF") {
            return Err("Ce fichier n'est ni un tableau CSV ni un classeur XLSX.".into());
        }
        Ok(Self::Csv)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// One non-empty row: its line in the file (1-based; in a workbook, the sheet's row number)
/// and its cells (at most [`MAX_COLUMNS`]).
pub struct Row<'a> {
    pub line: u64,
    pub cells: &'a [String],
}

/// How a CSV's bytes are text: decided once the whole file was seen (UTF-8 when all of it
/// is), kept with the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Windows1252,
}

impl TextEncoding {
    /// The encoding of a file held whole.
    pub fn of(bytes: &[u8]) -> Self {
        if std::str::from_utf8(bytes).is_ok() { Self::Utf8 } else { Self::Windows1252 }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Windows1252 => "windows-1252",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "utf-8" => Some(Self::Utf8),
            "windows-1252" => Some(Self::Windows1252),
            _ => None,
        }
    }
}

/// A file to read: a CSV's bytes from a reader, with their encoding, or a workbook whole.
pub enum Input<'a> {
    Csv(Box<dyn Read + Send + 'a>, TextEncoding),
    Xlsx(&'a [u8]),
}

impl<'a> Input<'a> {
    /// A file held whole (the demo's, the unit tests').
    pub fn of_bytes(bytes: &'a [u8], format: Format) -> Self {
        match format {
            Format::Csv => Self::Csv(Box::new(bytes), TextEncoding::of(bytes)),
            Format::Xlsx => Self::Xlsx(bytes),
        }
    }
}

/// Calls `each` with every non-empty row of the file, the header first, until it breaks.
/// Errors are French and say why the file cannot be read at all.
pub fn each_row(
    input: Input<'_>,
    each: impl FnMut(Row<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    match input {
        Input::Csv(reader, encoding) => csv_rows::each_row(reader, encoding, each),
        Input::Xlsx(bytes) => xlsx_rows::each_row(bytes, each),
    }
}

/// The header of a file and a few values under each column, to show the mapping page.
pub struct Sheet {
    pub header_line: u64,
    pub headers: Vec<String>,
    pub samples: Vec<Vec<String>>,
}

pub fn sheet(input: Input<'_>, samples: usize) -> Result<Sheet, String> {
    let mut sheet = Sheet { header_line: 0, headers: Vec::new(), samples: Vec::new() };
    let mut rows = 0;
    each_row(input, |row| {
        if rows == 0 {
            sheet.header_line = row.line;
            sheet.headers = row.cells.iter().map(|h| h.trim().to_owned()).collect();
            sheet.samples = vec![Vec::new(); sheet.headers.len()];
        } else {
            for (i, column) in sheet.samples.iter_mut().enumerate() {
                column.push(row.cells.get(i).map(|c| c.trim().to_owned()).unwrap_or_default());
            }
        }
        rows += 1;
        if rows > samples { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    })?;
    if sheet.headers.is_empty() {
        return Err("Ce fichier est vide : sa première ligne doit nommer les colonnes.".into());
    }
    Ok(sheet)
}

/// Keeps the first [`MAX_COLUMNS`] cells of a row.
fn bounded(cells: &mut Vec<String>) {
    cells.truncate(MAX_COLUMNS);
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(bytes: &[u8]) -> Vec<(u64, Vec<String>)> {
        let mut out = Vec::new();
        let format = Format::sniff(bytes).expect("format");
        each_row(Input::of_bytes(bytes, format), |row| {
            out.push((row.line, row.cells.to_vec()));
            ControlFlow::Continue(())
        })
        .expect("readable");
        out
    }

    #[test]
    fn csv_in_windows_1252_with_semicolons() {
        // « Régie » and « 1 250,50 » as Excel writes them on a French Windows.
        let bytes = b"Fournisseur;Montant HT\r\nR\xe9gie;1 250,50\r\n;\r\n\"Caf\xe9, \xab solidaire \xbb\";12\r\n";
        let read = rows(bytes);
        assert_eq!(read.len(), 3, "{read:?}");
        assert_eq!(read[0].1, ["Fournisseur", "Montant HT"]);
        assert_eq!(read[1], (2, vec!["Régie".to_owned(), "1 250,50".to_owned()]));
        assert_eq!(read[2].0, 4, "the blank line keeps its number");
        assert_eq!(read[2].1[0], "Café, « solidaire »");
    }

    #[test]
    fn csv_in_utf8_with_a_bom_and_commas() {
        let bytes = "\u{feff}Fournisseur,Montant\nÉcole,\"1,50\"\n".as_bytes();
        let read = rows(bytes);
        assert_eq!(read[0].1, ["Fournisseur", "Montant"]);
        assert_eq!(read[1].1, ["École", "1,50"]);
    }

    #[test]
    fn a_quoted_cell_over_two_lines_keeps_the_line_it_starts_on() {
        let read = rows(b"a;b\n\"x\ny\";1\nz;2\n");
        assert_eq!(read[1].0, 2);
        assert_eq!(read[2].0, 4);
    }

    #[test]
    fn formats_come_from_the_bytes() {
        assert_eq!(Format::sniff(b"PK\x03\x04...."), Ok(Format::Xlsx));
        assert!(Format::sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0]).expect_err("xls").contains("XLSX"));
        assert!(Format::sniff(b"%PDF-1.4").is_err());
        assert!(Format::sniff(b"\x89PNG\r\n\x1a\n\0\0").is_err());
        let broken = each_row(Input::Xlsx(b"PK\x03\x04broken"), |_| ControlFlow::Continue(()));
        assert!(broken.expect_err("broken zip").contains("XLSX"));
    }

    #[test]
    fn the_sheet_gives_headers_and_samples() {
        let csv = |bytes: &'static [u8]| Input::of_bytes(bytes, Format::Csv);
        let sheet = sheet(csv(b"A;B\n1;2\n3\n5;6\n7;8\n"), 3).expect("sheet");
        assert_eq!(sheet.headers, ["A", "B"]);
        assert_eq!(sheet.samples, [vec!["1", "3", "5"], vec!["2", "", "6"]]);
        assert!(super::sheet(csv(b"\n\n"), 3).is_err());
    }
}
