//! Insertion hours declared done on a contract with a social clause (« clause sociale
//! d'insertion »): a running figure that the supplier's people, or the pôle's animators as
//! the clause's facilitator, update as the contract goes; each declaration says the day the
//! hours were counted to. Read with French errors.

use serde::{Deserialize, Serialize};

use crate::domain::calendar::Day;

/// More hours than this on one contract (some sixty full-time years) is a typing slip.
pub const MAX_HOURS_DONE: i64 = 100_000;
/// A declaration may exceed the hours the clause asks, but not by this factor.
pub const OVER_ASKED_FACTOR: i64 = 10;

/// One line's form: `form[purchase_id]`, `form[hours]`, `form[counted_on]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InsertionHoursForm {
    pub purchase_id: String,
    pub hours: String,
    /// `AAAA-MM-JJ`; empty means today.
    pub counted_on: String,
}

/// The field of one line's form, so that an error shows beside that line only.
pub fn field(name: &str, purchase_id: &str) -> String {
    format!("{name}-{purchase_id}")
}

/// The hours done, a whole number (spaces between thousands allowed), checked against the
/// bound and against the hours the clause asks (`asked`, when known).
pub fn parse_hours_done(input: &str, asked: Option<i64>) -> Result<i64, String> {
    let compact: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    if compact.is_empty() {
        return Err("Indiquez le nombre d'heures d'insertion réalisées.".to_owned());
    }
    if compact.starts_with('-') {
        return Err("Le nombre d'heures ne peut pas être négatif.".to_owned());
    }
    if compact.contains([',', '.']) {
        return Err("Indiquez un nombre entier d'heures (sans décimales).".to_owned());
    }
    if !compact.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("« {} » n'est pas un nombre d'heures.", input.trim()));
    }
    let hours: i64 = compact.parse().unwrap_or(i64::MAX);
    if hours > MAX_HOURS_DONE {
        return Err(format!(
            "Plus de {} heures sur un seul marché : vérifiez le chiffre.",
            grouped(MAX_HOURS_DONE)
        ));
    }
    if let Some(asked) = asked.filter(|a| *a > 0)
        && hours > asked.saturating_mul(OVER_ASKED_FACTOR)
    {
        return Err(format!(
            "{} heures, c'est plus de dix fois les {} heures que demande la clause : vérifiez \
             le chiffre.",
            grouped(hours),
            grouped(asked)
        ));
    }
    Ok(hours)
}

/// The day the hours were counted to: today when empty; never in the future, never before
/// the contract.
pub fn parse_counted_on(input: &str, today: Day, contract: Day) -> Result<Day, String> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(today);
    }
    let day =
        Day::parse(text).ok_or_else(|| format!("« {text} » n'est pas une date (AAAA-MM-JJ)."))?;
    if day > today {
        return Err("La date du décompte ne peut pas être dans le futur.".to_owned());
    }
    if day < contract {
        return Err(format!(
            "La date du décompte précède celle du marché ({}).",
            contract.french()
        ));
    }
    Ok(day)
}

/// `12 500`: thousands grouped as the French write them.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A contract with a clause, as the declaration page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertionContract {
    pub purchase_id: String,
    pub buyer: String,
    pub supplier: String,
    /// The contract's subject, else its category or CPV code.
    pub subject: String,
    /// `27/11/2026`.
    pub date: String,
    pub amount: String,
    pub hours_asked: Option<i64>,
    pub hours_done: Option<i64>,
    /// `AAAA-MM-JJ` of the last declaration (the form's value), and in French.
    pub counted_on: Option<String>,
    pub counted_on_text: Option<String>,
    /// How many declarations the line has had.
    pub declarations: i64,
}

/// `/veille/heures-insertion`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertionHoursPage {
    pub contracts: Vec<InsertionContract>,
    /// The pôle's view: every clause contract, as its facilitator.
    pub facilitator: bool,
    /// More contracts than listed.
    pub truncated: bool,
    /// `AAAA-MM-JJ`, the dates' upper bound.
    pub today: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_with_french_errors() {
        assert_eq!(parse_hours_done(" 1 250 ", Some(500)), Ok(1250));
        assert_eq!(parse_hours_done("0", None), Ok(0));
        for (input, asked, message) in [
            ("", None, "Indiquez"),
            ("-3", None, "négatif"),
            ("12,5", None, "entier"),
            ("beaucoup", None, "n'est pas un nombre"),
            ("100001", None, "vérifiez"),
            ("5001", Some(500), "dix fois"),
        ] {
            let error = parse_hours_done(input, asked).expect_err(input);
            assert!(error.contains(message), "{input}: {error}");
        }
        assert_eq!(parse_hours_done("5000", Some(500)), Ok(5000));
    }

    #[test]
    fn the_count_day_is_neither_future_nor_before_the_contract() {
        let today = Day::parse("2026-06-15").expect("day");
        let contract = Day::parse("2025-03-01").expect("day");
        assert_eq!(parse_counted_on("", today, contract), Ok(today));
        assert_eq!(
            parse_counted_on("2026-01-31", today, contract).map(Day::iso),
            Ok("2026-01-31".to_owned())
        );
        assert!(
            parse_counted_on("2026-06-16", today, contract).is_err_and(|e| e.contains("futur"))
        );
        assert!(
            parse_counted_on("2025-02-28", today, contract).is_err_and(|e| e.contains("précède"))
        );
        assert!(parse_counted_on("31/01/2026", today, contract).is_err_and(|e| e.contains("date")));
        assert_eq!(grouped(1_234_567), "1\u{a0}234\u{a0}567");
    }
}
