//! When a purchase took place, as a file dates it: a day (`JJ/MM/AAAA`, `AAAA-MM-JJ`) or a
//! year alone (`2025`, for files that total a supplier's spend by year).

use crate::domain::calendar::Day;

/// The years a ledger line may fall in.
pub const FIRST_YEAR: i64 = 1990;
pub const LAST_YEAR: i64 = 2100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerDate {
    Day(Day),
    Year(i64),
}

impl LedgerDate {
    /// Reads `JJ/MM/AAAA` (also with `-` or `.`, one-digit day or month), `AAAA-MM-JJ`
    /// (a time after it is ignored, as spreadsheets export it) or `AAAA`.
    pub fn parse(input: &str) -> Result<Self, String> {
        let text = input.trim();
        if text.is_empty() {
            return Err("Indiquez la date de l'achat (JJ/MM/AAAA) ou son année.".into());
        }
        let date = if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            Some(Self::Year(text.parse().unwrap_or(0)))
        } else {
            iso(text).or_else(|| french(text)).map(Self::Day)
        };
        let Some(date) = date else {
            return Err(format!(
                "« {text} » n'est pas une date : écrivez JJ/MM/AAAA (31/12/2025), AAAA-MM-JJ ou \
                 l'année seule."
            ));
        };
        if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            Ok(date)
        } else {
            Err(format!("L'année doit être comprise entre {FIRST_YEAR} et {LAST_YEAR}."))
        }
    }

    pub fn year(self) -> i64 {
        match self {
            Self::Day(day) => day.year(),
            Self::Year(year) => year,
        }
    }

    /// The day stored: the day itself, or the year's first day.
    pub fn day(self) -> Day {
        match self {
            Self::Day(day) => day,
            Self::Year(year) => {
                Day::parse(&format!("{year:04}-01-01")).unwrap_or(Day::of_instant(0))
            }
        }
    }

    /// `day` or `year`, as the ledger's `date_precision` stores it.
    pub fn precision(self) -> &'static str {
        match self {
            Self::Day(_) => "day",
            Self::Year(_) => "year",
        }
    }

    /// `31/12/2025` or `2025`.
    pub fn french(self) -> String {
        match self {
            Self::Day(day) => day.french(),
            Self::Year(year) => year.to_string(),
        }
    }
}

/// `AAAA-MM-JJ`, possibly followed by a time.
fn iso(text: &str) -> Option<Day> {
    let day = text.get(..10)?;
    let rest = &text[10..];
    (rest.is_empty() || rest.starts_with([' ', 'T'])).then(|| Day::parse(day)).flatten()
}

/// `JJ/MM/AAAA`, `J/M/AAAA`, with `/`, `-` or `.`; a time after a space is ignored.
fn french(text: &str) -> Option<Day> {
    let date = text.split(' ').next()?;
    let mut parts = date.split(['/', '-', '.']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    Day::parse(&format!("{y}-{m:0>2}-{d:0>2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> LedgerDate {
        LedgerDate::Day(Day::parse(iso).expect("day"))
    }

    #[test]
    fn days_and_years_as_files_write_them() {
        assert_eq!(LedgerDate::parse("31/12/2025"), Ok(day("2025-12-31")));
        assert_eq!(LedgerDate::parse("1/3/2025"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse("01-03-2025"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse("01.03.2025"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse("2025-03-01"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse("2025-03-01 00:00:00"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse("2025-03-01T10:00:00Z"), Ok(day("2025-03-01")));
        assert_eq!(LedgerDate::parse(" 2024 "), Ok(LedgerDate::Year(2024)));
        let year = LedgerDate::Year(2024);
        assert_eq!(
            (year.day().iso(), year.precision(), year.french()),
            ("2024-01-01".into(), "year", "2024".into())
        );
        assert_eq!(day("2025-12-31").precision(), "day");
    }

    #[test]
    fn wrong_dates_are_refused_in_french() {
        assert!(LedgerDate::parse("31/02/2025").expect_err("no such day").contains("JJ/MM/AAAA"));
        assert!(LedgerDate::parse("2025/13/01").is_err());
        assert!(LedgerDate::parse("12/2025").is_err());
        assert!(LedgerDate::parse("25/12/25").is_err(), "two-digit years are ambiguous");
        assert!(LedgerDate::parse("").expect_err("empty").contains("Indiquez"));
        assert!(LedgerDate::parse("1789").expect_err("too old").contains("1990"));
        assert!(LedgerDate::parse("demain").is_err());
    }
}
