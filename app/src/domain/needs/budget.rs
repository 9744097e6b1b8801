//! What a buyer says of its budget: an amount, a range, or nothing with a reason.

use serde::{Deserialize, Serialize};

/// Amounts are in euro cents, excluding tax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Budget {
    Exact { cents: i64 },
    Range { min_cents: i64, max_cents: i64 },
    Withheld { reason: String },
}

/// The largest amount one may state (100 M€): beyond it, a need is no marketplace matter.
pub const MAX_CENTS: i64 = 10_000_000_000;

impl Budget {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Exact { .. } => "exact",
            Self::Range { .. } => "range",
            Self::Withheld { .. } => "withheld",
        }
    }

    /// The amount a lever is judged on: the exact amount or the top of the range.
    pub fn ceiling_cents(&self) -> Option<i64> {
        match self {
            Self::Exact { cents } => Some(*cents),
            Self::Range { max_cents, .. } => Some(*max_cents),
            Self::Withheld { .. } => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Self::Exact { cents } => format!("{} HT", euros(*cents)),
            Self::Range { min_cents, max_cents } => {
                format!("de {} à {} HT", euros(*min_cents), euros(*max_cents))
            }
            Self::Withheld { reason } => format!("Non communiqué ({reason})"),
        }
    }

    /// From the columns: kind, min (or exact), max, reason.
    pub fn from_columns(
        kind: Option<&str>,
        min: Option<i64>,
        max: Option<i64>,
        reason: Option<&str>,
    ) -> Option<Self> {
        match (kind?, min, max, reason) {
            ("exact", Some(cents), _, _) => Some(Self::Exact { cents }),
            ("range", Some(min_cents), Some(max_cents), _) => {
                Some(Self::Range { min_cents, max_cents })
            }
            ("withheld", _, _, Some(reason)) => Some(Self::Withheld { reason: reason.to_owned() }),
            _ => None,
        }
    }

    /// Column values: (kind, min or exact, max, reason).
    pub fn columns(&self) -> (&'static str, Option<i64>, Option<i64>, Option<&str>) {
        match self {
            Self::Exact { cents } => ("exact", Some(*cents), None, None),
            Self::Range { min_cents, max_cents } => {
                ("range", Some(*min_cents), Some(*max_cents), None)
            }
            Self::Withheld { reason } => ("withheld", None, None, Some(reason)),
        }
    }
}

/// `12 345,50 €` (narrow no-break spaces between thousands).
pub fn euros(cents: i64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    match cents % 100 {
        0 => format!("{grouped} €"),
        rest => format!("{grouped},{rest:02} €"),
    }
}

/// An amount as a form shows it for editing: `12000` or `12000,50`.
pub fn plain_euros(cents: i64) -> String {
    match cents % 100 {
        0 => (cents / 100).to_string(),
        rest => format!("{},{rest:02}", cents / 100),
    }
}

/// An amount in euros typed in a form (`12 000`, `12000,50`, `12 000 €`), as cents.
pub fn parse_euros(input: &str) -> Result<i64, String> {
    let text: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202f}' | '\u{a0}' | '€'))
        .collect::<String>()
        .replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && (fraction.len() > 2 || !digits(fraction))) {
        return Err("Indiquez un montant en euros (par exemple 12 000 ou 12 000,50).".into());
    }
    let cents = whole
        .parse::<i64>()
        .ok()
        .and_then(|w| w.checked_mul(100))
        .and_then(|w| w.checked_add(format!("{fraction:0<2}").parse::<i64>().unwrap_or(0)))
        .filter(|c| (1..=MAX_CENTS).contains(c));
    cents.ok_or_else(|| "Le montant doit être compris entre 0,01 € et 100 millions d'euros.".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_typed_in_france() {
        assert_eq!(parse_euros("12 000"), Ok(1_200_000));
        assert_eq!(parse_euros("12000,5"), Ok(1_200_050));
        assert_eq!(parse_euros("12\u{202f}000,50 €"), Ok(1_200_050));
        assert!(parse_euros("douze").is_err());
        assert!(parse_euros("0").is_err());
        assert!(parse_euros("1,234").is_err());
        assert!(parse_euros("1000000000").is_err());
        assert_eq!(euros(1_200_050), "12\u{202f}000,50 €");
        assert_eq!(euros(123_456_700), "1\u{202f}234\u{202f}567 €");
    }

    #[test]
    fn budgets_round_trip_through_their_columns() {
        for budget in [
            Budget::Exact { cents: 100 },
            Budget::Range { min_cents: 100, max_cents: 200 },
            Budget::Withheld { reason: "consultation en cours".into() },
        ] {
            let (kind, min, max, reason) = budget.columns();
            assert_eq!(Budget::from_columns(Some(kind), min, max, reason), Some(budget.clone()));
        }
    }
}
