//! CSV rows from any reader: the delimiter is the one the header uses most (semicolon or
//! comma), read from the file's first bytes; a BOM is dropped; the text is UTF-8 or
//! Windows-1252 (what Excel writes on a French Windows) as the import recorded it.

use std::{
    io::{Cursor, Read},
    ops::ControlFlow,
};

use super::{Row, TextEncoding, bounded, decode::Windows1252, is_blank};

/// The bytes the delimiter is looked for in: the header's line, at most.
const HEAD: usize = 64 * 1024;

pub fn each_row(
    mut input: impl Read + Send,
    encoding: TextEncoding,
    mut each: impl FnMut(Row<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    let mut head = first_bytes(&mut input)?;
    if head.starts_with(b"\xef\xbb\xbf") {
        head.drain(..3);
    }
    let delimiter = delimiter(&head);
    let text = Cursor::new(head).chain(input);
    let input: Box<dyn Read + Send> = match encoding {
        TextEncoding::Utf8 => Box::new(text),
        TextEncoding::Windows1252 => Box::new(Windows1252::new(text)),
    };
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

/// Up to [`HEAD`] bytes from the start, whatever sizes the reader gives them in.
fn first_bytes(input: &mut impl Read) -> Result<Vec<u8>, String> {
    let mut head = Vec::with_capacity(HEAD);
    input
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .map_err(|_| "Le fichier n'a pas pu être relu : envoyez-le à nouveau.".to_owned())?;
    Ok(head)
}

/// `;` when the first line has more semicolons than commas (outside quotes), else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for &b in bytes {
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
