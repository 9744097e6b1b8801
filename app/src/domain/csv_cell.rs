//! CSV cells that a spreadsheet will not run: every export that people open in a spreadsheet
//! writes its cells through [`defused`], and an import that reads such a file back reads
//! them through [`restored`].
//!
//! A spreadsheet takes a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return
//! before one) for a formula: an offer titled `=HYPERLINK("https://evil.example", "Voir")`
//! would run in the buyer's spreadsheet. Such a cell is written with a leading apostrophe,
//! which spreadsheets read as "text" and do not show (the OWASP advice). A cell that already
//! starts with an apostrophe gets a second one, so that [`restored`] gives back exactly what
//! was written: an export imports back unchanged.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a formula, and the apostrophe that
/// [`restored`] would otherwise take away.
fn needs_quote(first: char) -> bool {
    matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
}

/// `cell` as written in an exported CSV file.
pub fn defused(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(first) if needs_quote(first) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A cell of an exported file as it was before [`defused`].
pub fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(needs_quote) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text_and_read_back_unchanged() {
        let cases = [
            ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
            ("+33 4 76 00 00 00", "'+33 4 76 00 00 00"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("'quoted", "''quoted"),
            ("Régie de quartier", "Régie de quartier"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (cell, written) in cases {
            assert_eq!(defused(cell), written, "{cell:?}");
            assert_eq!(restored(&defused(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn a_plain_apostrophe_in_a_file_typed_by_hand_stays() {
        assert_eq!(restored("'t Hooft"), "'t Hooft");
        assert_eq!(restored("l'atelier"), "l'atelier");
    }
}
