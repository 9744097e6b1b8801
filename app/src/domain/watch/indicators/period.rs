//! The period a dashboard shows: a year, a quarter, a month or a range of years, read from
//! the address (`annee=2025`, `trimestre=2025-T2`, `mois=2025-03`, `annees=2022-2025`), and
//! the period it is compared with (the one just before, of the same length).

use serde::{Deserialize, Serialize};

/// The first and last years a period may name.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Period {
    Year(i32),
    /// Year and quarter, 1 to 4.
    Quarter(i32, u8),
    /// Year and month, 1 to 12.
    Month(i32, u8),
    /// From the first year to the last, both included.
    Years(i32, i32),
}

fn year(text: &str) -> Option<i32> {
    let value: i32 = text.trim().parse().ok().filter(|_| text.trim().len() == 4)?;
    (FIRST_YEAR..=LAST_YEAR).contains(&value).then_some(value)
}

impl Period {
    /// `2025`.
    pub fn parse_year(text: &str) -> Result<Self, String> {
        year(text).map(Self::Year).ok_or_else(|| {
            format!(
                "Année invalide : « {} ». Écrivez une année de {FIRST_YEAR} à {LAST_YEAR}, par \
                 exemple 2025.",
                text.trim()
            )
        })
    }

    /// `2025-T2` (or `2025-2`, `2025T2`).
    pub fn parse_quarter(text: &str) -> Result<Self, String> {
        let t = text.trim().to_ascii_uppercase();
        let parsed = t.get(..4).and_then(year).and_then(|y| {
            let rest = t[4..].trim_start_matches(['-', ' ']).trim_start_matches('T');
            let q: u8 = rest.parse().ok().filter(|q| (1..=4).contains(q))?;
            Some(Self::Quarter(y, q))
        });
        parsed.ok_or_else(|| {
            format!("Trimestre invalide : « {} ». Écrivez par exemple 2025-T2.", text.trim())
        })
    }

    /// `2025-03`.
    pub fn parse_month(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let parsed = t.split_once('-').and_then(|(y, m)| {
            let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m) && m_len(t))?;
            Some(Self::Month(year(y)?, m))
        });
        parsed.ok_or_else(|| {
            format!("Mois invalide : « {t} ». Écrivez l'année et le mois, par exemple 2025-03.")
        })
    }

    /// `2022-2025`, or one year.
    pub fn parse_years(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let parsed = match t.split_once('-') {
            Some((a, b)) => year(a).zip(year(b)).filter(|(a, b)| a <= b),
            None => year(t).map(|y| (y, y)),
        };
        parsed.map(|(a, b)| Self::Years(a, b)).ok_or_else(|| {
            format!(
                "Années invalides : « {t} ». Écrivez la première et la dernière année, par \
                 exemple 2022-2025."
            )
        })
    }

    /// The period of the same length just before.
    pub fn previous(self) -> Self {
        match self {
            Self::Year(y) => Self::Year(y - 1),
            Self::Quarter(y, 1) => Self::Quarter(y - 1, 4),
            Self::Quarter(y, q) => Self::Quarter(y, q - 1),
            Self::Month(y, 1) => Self::Month(y - 1, 12),
            Self::Month(y, m) => Self::Month(y, m - 1),
            Self::Years(a, b) => Self::Years(a - (b - a + 1), a - 1),
        }
    }

    /// The years it covers, first and last.
    pub fn years(self) -> (i32, i32) {
        match self {
            Self::Year(y) | Self::Quarter(y, _) | Self::Month(y, _) => (y, y),
            Self::Years(a, b) => (a, b),
        }
    }

    /// Days from the first (included) to the last (excluded), `AAAA-MM-JJ`, for the periods
    /// shorter than a year; `None` for whole years (read from the lines' year).
    pub fn days(self) -> Option<(String, String)> {
        let (y, first, months) = match self {
            Self::Quarter(y, q) => (y, (q - 1) * 3 + 1, 3),
            Self::Month(y, m) => (y, m, 1),
            _ => return None,
        };
        let end = first + months;
        let (end_year, end_month) = if end > 12 { (y + 1, end - 12) } else { (y, end) };
        Some((format!("{y:04}-{first:02}-01"), format!("{end_year:04}-{end_month:02}-01")))
    }

    /// The period in words: `2025`, `2e trimestre 2025`, `mars 2025`, `2022 à 2025`.
    pub fn label(self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::Quarter(y, 1) => format!("1er trimestre {y}"),
            Self::Quarter(y, q) => format!("{q}e trimestre {y}"),
            Self::Month(y, m) => format!("{} {y}", MONTHS[usize::from(m - 1)]),
            Self::Years(a, b) if a == b => a.to_string(),
            Self::Years(a, b) => format!("{a} à {b}"),
        }
    }

    /// The address parameter that names it: (name, value).
    pub fn param(self) -> (&'static str, String) {
        match self {
            Self::Year(y) => ("annee", y.to_string()),
            Self::Quarter(y, q) => ("trimestre", format!("{y}-T{q}")),
            Self::Month(y, m) => ("mois", format!("{y}-{m:02}")),
            Self::Years(a, b) => ("annees", format!("{a}-{b}")),
        }
    }
}

/// A month is written with two digits (`2025-03`), as `<input type="month">` sends it.
fn m_len(text: &str) -> bool {
    text.len() == 7
}

/// The French name of a month, 1 to 12.
pub fn month_name(month: u8) -> &'static str {
    MONTHS.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_and_go_back_by_their_length() {
        assert_eq!(Period::parse_year("2025"), Ok(Period::Year(2025)));
        assert_eq!(Period::parse_quarter("2025-T1"), Ok(Period::Quarter(2025, 1)));
        assert_eq!(Period::parse_quarter("2025t3"), Ok(Period::Quarter(2025, 3)));
        assert_eq!(Period::parse_month("2025-03"), Ok(Period::Month(2025, 3)));
        assert_eq!(Period::parse_years("2022-2025"), Ok(Period::Years(2022, 2025)));
        assert_eq!(Period::Quarter(2025, 1).previous(), Period::Quarter(2024, 4));
        assert_eq!(Period::Month(2025, 1).previous(), Period::Month(2024, 12));
        assert_eq!(Period::Years(2024, 2025).previous(), Period::Years(2022, 2023));
        assert_eq!(
            Period::Quarter(2025, 4).days(),
            Some(("2025-10-01".into(), "2026-01-01".into()))
        );
        assert_eq!(Period::Month(2025, 3).label(), "mars 2025");
        assert_eq!(Period::Quarter(2025, 1).label(), "1er trimestre 2025");
    }

    #[test]
    fn bad_periods_are_refused_in_french() {
        for (parse, text) in [
            (Period::parse_year as fn(&str) -> Result<Period, String>, "25"),
            (Period::parse_year, "1850"),
            (Period::parse_quarter, "2025-T5"),
            (Period::parse_month, "2025-13"),
            (Period::parse_month, "2025-3"),
            (Period::parse_years, "2025-2022"),
        ] {
            let error = parse(text).expect_err(text);
            assert!(error.contains(text) && error.contains("par exemple"), "{error}");
        }
    }
}
