//! XLSX rows of the workbook's first sheet, read cell by cell (calamine's cell reader).
//! Numbers, dates and text become the text a person would have typed: `12345.5`, `2025-03-15`.

use std::{io::Cursor, ops::ControlFlow};

use calamine::{DataRef, Reader, Xlsx};

use super::{Row, is_blank};
use crate::domain::watch::MAX_COLUMNS;

const UNREADABLE: &str = "Ce classeur XLSX est illisible (fichier abîmé, ou protégé par un mot \
                          de passe) : enregistrez-le à nouveau ou envoyez-le en CSV.";

pub fn each_row(
    bytes: &[u8],
    mut each: impl FnMut(Row<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| UNREADABLE.to_owned())?;
    let Some(first) = book.sheet_names().first().cloned() else {
        return Err("Ce classeur n'a aucune feuille.".into());
    };
    let mut reader = book.worksheet_cells_reader(&first).map_err(|_| UNREADABLE.to_owned())?;
    let mut cells: Vec<String> = Vec::new();
    let mut current: Option<u32> = None;
    loop {
        let cell = reader.next_cell().map_err(|_| UNREADABLE.to_owned())?;
        let position = cell.as_ref().map(|c| c.get_position());
        let next_row = position.map(|(row, _)| row);
        if next_row != current {
            if let Some(row) = current
                && !is_blank(&cells)
                && each(Row { line: u64::from(row) + 1, cells: &cells }).is_break()
            {
                return Ok(());
            }
            cells.clear();
            current = next_row;
        }
        let Some(cell) = cell else { return Ok(()) };
        let column = usize::try_from(cell.get_position().1).unwrap_or(usize::MAX);
        if column >= MAX_COLUMNS {
            continue;
        }
        if cells.len() < column {
            cells.resize(column, String::new());
        }
        cells.push(text_of(cell.get_value()));
    }
}

/// A cell's value as text.
fn text_of(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "VRAI" } else { "FAUX" }.to_owned(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) => "#ERREUR".to_owned(),
    }
}

/// A number as text: whole numbers without decimals (a SIRET stays 14 digits), others with
/// the shortest spelling, rounded to the cent when the binary value has more digits.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        let short = f.to_string();
        match short.split_once('.') {
            Some((_, decimals)) if decimals.len() > 2 => format!("{f:.2}"),
            _ => short,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number(73_282_932_000_074.0), "73282932000074");
        assert_eq!(number(1250.5), "1250.5");
        assert_eq!(number(0.1 + 0.2), "0.30");
        assert_eq!(number(-3.0), "-3");
    }
}
