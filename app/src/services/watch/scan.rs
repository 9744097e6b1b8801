//! One pass over a file with a mapping: every row read into a ledger line or its errors,
//! counted and totalled; the lines handed to the caller one by one (a preview keeps the
//! first ones, a confirmation stores them all).

use std::ops::ControlFlow;

use super::files::{self, Input};
use crate::domain::watch::{LedgerLine, Mapping, bounds::too_many_lines, parse_row};

/// The errors a page lists; past them, only their count.
pub const SHOWN_ERRORS: usize = 500;

/// An error of the file: its line (the header's for a missing column), its column, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub lines: u64,
    pub total_cents: i64,
    pub errors: Vec<RowError>,
    pub error_count: u64,
}

impl Scan {
    fn error(&mut self, error: RowError) {
        self.error_count += 1;
        if self.errors.len() < SHOWN_ERRORS {
            self.errors.push(error);
        }
    }
}

/// Reads every row after the header. `accept` receives each good line with its line number;
/// it may stop the pass. A file longer than `max_lines` is refused as a whole.
pub fn scan(
    input: Input<'_>,
    mapping: &Mapping,
    max_lines: u64,
    mut accept: impl FnMut(u64, LedgerLine) -> ControlFlow<()>,
) -> Result<Scan, String> {
    let mut scan = Scan::default();
    let mut headers: Option<Vec<String>> = None;
    let mut too_long = false;
    files::each_row(input, |row| {
        let Some(headers) = &headers else {
            let names: Vec<String> = row.cells.iter().map(|h| h.trim().to_owned()).collect();
            for role in mapping.missing() {
                scan.error(RowError {
                    line: row.line,
                    column: role.label().to_owned(),
                    message: format!(
                        "Aucune colonne ne donne « {} » : choisissez celle qui le contient, ou \
                         ajoutez-la au fichier.",
                        role.label()
                    ),
                });
            }
            headers = Some(names);
            return ControlFlow::Continue(());
        };
        scan.lines += 1;
        if scan.lines > max_lines {
            too_long = true;
            return ControlFlow::Break(());
        }
        match parse_row(mapping, headers, row.cells) {
            Ok(line) => {
                scan.total_cents = scan.total_cents.saturating_add(line.amount_cents);
                accept(row.line, line)
            }
            Err(errors) => {
                for e in errors {
                    scan.error(RowError { line: row.line, column: e.column, message: e.message });
                }
                ControlFlow::Continue(())
            }
        }
    })?;
    if too_long {
        return Err(too_many_lines(max_lines));
    }
    if headers.is_none() {
        return Err("Ce fichier est vide : sa première ligne doit nommer les colonnes.".into());
    }
    Ok(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, max: u64) -> Result<(Scan, Vec<u64>), String> {
        let csv = || Input::of_bytes(text.as_bytes(), files::Format::Csv);
        let sheet = files::sheet(csv(), 0)?;
        let mapping = Mapping::guess(&sheet.headers);
        let mut lines = Vec::new();
        let scan = scan(csv(), &mapping, max, |n, _| {
            lines.push(n);
            ControlFlow::Continue(())
        })?;
        Ok((scan, lines))
    }

    #[test]
    fn good_lines_are_totalled_and_bad_ones_listed() {
        let (scan, lines) = run(
            "Fournisseur;Montant HT;Date\nA;10,50;2025\nB;-3;2025\n;x;31/02/2025\nC;1 000,00;01/02/2025\n",
            10,
        )
        .expect("readable");
        assert_eq!((scan.lines, scan.total_cents, lines), (4, 101_050, vec![2, 5]));
        assert_eq!(scan.error_count, 4);
        let at: Vec<(u64, &str)> =
            scan.errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            at,
            [
                (3, "B « Montant HT »"),
                (4, "A « Fournisseur »"),
                (4, "B « Montant HT »"),
                (4, "C « Date »")
            ]
        );
    }

    #[test]
    fn a_missing_column_is_an_error_of_the_header() {
        let (scan, _) = run("Fournisseur;Date\nA;2025\n", 10).expect("readable");
        assert_eq!(scan.errors[0].line, 1);
        assert_eq!(scan.errors[0].column, "Montant HT");
        assert!(scan.errors[0].message.contains("Aucune colonne"));
    }

    #[test]
    fn too_many_lines_refuse_the_file() {
        let text = format!("Fournisseur;Montant;Date\n{}", "A;1;2025\n".repeat(4));
        assert!(run(&text, 3).expect_err("too long").contains("plus de 3 lignes"));
        assert!(run(&text, 4).is_ok());
    }
}
