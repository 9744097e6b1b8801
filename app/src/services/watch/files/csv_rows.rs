//! CSV rows: the delimiter is the one the header uses most (semicolon or comma); the text is
//! UTF-8 when it all is (a BOM is dropped), else Windows-1252 (what Excel writes on a French
//! Windows).

use std::{io::Read, ops::ControlFlow};

use super::{Row, bounded, decode::Windows1252, is_blank};

pub fn each_row(
    bytes: &[u8],
    mut each: impl FnMut(Row<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let delimiter = delimiter(bytes);
    let input: Box<dyn Read + '_> =
        if utf8 { Box::new(bytes) } else { Box::new(Windows1252::new(bytes)) };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        // Lines end at `\n` only: with CRLF as a terminator, the reader counts a record's
        // `\n` in the next record's line number. The `\r` left is dropped from the cells.
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(input);
    let mut record = csv::StringRecord::new();
    let mut cells: Vec<String> = Vec::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(error) => {
                let at = error.position().map_or(line, |p| p.line());
                return Err(format!(
                    "La ligne {at} du fichier est illisible (guillemet non fermé ?)."
                ));
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        cells.clear();
        cells.extend(record.iter().map(|c| c.strip_suffix('\r').unwrap_or(c).to_owned()));
        bounded(&mut cells);
        if is_blank(&cells) {
            continue;
        }
        if each(Row { line, cells: &cells }).is_break() {
            return Ok(());
        }
    }
}

/// `;` when the first line has more semicolons than commas (outside quotes), else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for &b in bytes.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}
