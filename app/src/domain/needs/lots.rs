//! A need's lots and the questions suppliers must answer, typed one per line in the form.

use serde::{Deserialize, Serialize};

use crate::domain::directory::text::optional_text;

/// One lot: what is bought, how much of it. Its number is its place in the list (from 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lot {
    pub number: u8,
    pub title: String,
    pub quantity: f64,
    pub unit: String,
}

pub const MAX_LOTS: usize = 20;
pub const MAX_QUESTIONS: usize = 10;

/// Lines `désignation ; quantité ; unité` (the unit may be left out). No line: one lot
/// named after the need, of one unit.
pub fn parse_lots(input: &str, title: &str) -> Result<Vec<Lot>, String> {
    let lines: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        let title = if title.is_empty() { "Lot unique" } else { title };
        return Ok(vec![Lot {
            number: 1,
            title: title.to_owned(),
            quantity: 1.0,
            unit: String::new(),
        }]);
    }
    if lines.len() > MAX_LOTS {
        return Err(format!("Un besoin compte au plus {MAX_LOTS} lots."));
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let at = i + 1;
            let mut parts = line.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let quantity = parts.next().unwrap_or_default();
            let unit = parts.next().unwrap_or_default();
            if parts.next().is_some() {
                return Err(format!("Lot {at} : écrivez « désignation ; quantité ; unité »."));
            }
            let title = optional_text(name, 150, false)
                .map_err(|e| format!("Lot {at} : {e}"))?
                .ok_or_else(|| format!("Lot {at} : indiquez sa désignation."))?;
            let quantity = quantity
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|q| q.is_finite() && *q > 0.0 && *q <= 1e9)
                .ok_or_else(|| {
                    format!("Lot {at} : indiquez une quantité positive après le point-virgule.")
                })?;
            let unit = optional_text(unit, 30, false)
                .map_err(|e| format!("Lot {at} : {e}"))?
                .unwrap_or_default();
            Ok(Lot { number: at as u8, title, quantity, unit })
        })
        .collect()
}

/// The lots written back one per line, for the form.
pub fn lots_text(lots: &[Lot]) -> String {
    lots.iter()
        .map(|l| {
            let quantity = format!("{}", l.quantity).replace('.', ",");
            if l.unit.is_empty() {
                format!("{} ; {quantity}", l.title)
            } else {
                format!("{} ; {quantity} ; {}", l.title, l.unit)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One question per line.
pub fn parse_questions(input: &str) -> Result<Vec<String>, String> {
    let questions = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            optional_text(l, 300, false)
                .map(Option::unwrap_or_default)
                .map_err(|e| format!("Question {} : {e}", i + 1))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if questions.len() > MAX_QUESTIONS {
        return Err(format!("Posez au plus {MAX_QUESTIONS} questions."));
    }
    Ok(questions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lots_read_one_per_line_with_their_quantities() {
        let lots = parse_lots("Tonte ; 12 ; passages\nTaille des haies; 1,5", "x").expect("lots");
        assert_eq!(lots.len(), 2);
        assert_eq!((lots[1].number, lots[1].quantity, lots[1].unit.as_str()), (2, 1.5, ""));
        assert_eq!(parse_lots(&lots_text(&lots), "x"), Ok(lots));
        assert_eq!(parse_lots("  ", "Entretien").expect("one")[0].title, "Entretien");
    }

    #[test]
    fn a_wrong_lot_is_named_by_its_line() {
        assert!(parse_lots("Tonte ; douze", "x").expect_err("qty").starts_with("Lot 1"));
        assert!(parse_lots("Tonte ; 1\n ; 2", "x").expect_err("name").starts_with("Lot 2"));
        assert!(parse_lots("Tonte ; 0", "x").is_err());
        assert!(parse_lots(&"a ; 1\n".repeat(21), "x").is_err());
        assert!(parse_questions(&"Q ?\n".repeat(11)).is_err());
        assert_eq!(
            parse_questions("Délai ?\n\nRéférences ?"),
            Ok(vec!["Délai ?".into(), "Références ?".into()])
        );
    }
}
