//! Scheduled watch reports: a member of the pôle subscribes to the report of each month or
//! each quarter, mailed on the first working day after the period ends.

use serde::{Deserialize, Serialize};

use super::indicators::Period;
use crate::domain::calendar::{Day, first_working_day};

/// How often a person receives the report.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
}

impl Frequency {
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Monthly => "Chaque mois",
            Self::Quarterly => "Chaque trimestre",
        }
    }

    /// `monthly`, `quarterly`, or `none` (no report): a French error otherwise.
    pub fn parse_choice(input: &str) -> Result<Option<Self>, String> {
        match input.trim() {
            "none" | "" => Ok(None),
            other => Self::from_code(other).map(Some).ok_or_else(|| {
                "Choisissez « chaque mois », « chaque trimestre » ou « aucun rapport ».".to_owned()
            }),
        }
    }
}

/// What the sending table records of a report's period: `2026-11`, `2026-T4`.
pub fn key(period: Period) -> String {
    period.param().1
}

/// The report due on `today` at `frequency`, and the day it is sent: the first working day
/// of the month after a month, of the month after a quarter. It stays due until that month
/// ends, so that a server down on the day sends it later; the sending table makes it once.
pub fn due(today: Day, frequency: Frequency) -> Option<(Period, Day)> {
    let (year, month) = (i32::try_from(today.year()).ok()?, today.month());
    let sending = first_working_day(i16::try_from(year).ok()?, month)?;
    if today < sending {
        return None;
    }
    let (last_year, last_month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
    let last_month = u8::try_from(last_month).ok()?;
    match frequency {
        Frequency::Monthly => Some((Period::Month(last_year, last_month), sending)),
        Frequency::Quarterly if matches!(month, 1 | 4 | 7 | 10) => {
            Some((Period::Quarter(last_year, last_month / 3), sending))
        }
        Frequency::Quarterly => None,
    }
}

/// The subscription form: `frequency` is `monthly`, `quarterly` or `none`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionForm {
    pub frequency: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect("a date")
    }

    #[test]
    fn a_monthly_report_is_due_from_the_first_working_day() {
        assert_eq!(
            due(day("2026-11-30"), Frequency::Monthly).map(|d| d.0),
            Some(Period::Month(2026, 10))
        );
        // 1 December 2026 is a Tuesday.
        assert_eq!(
            due(day("2026-12-01"), Frequency::Monthly),
            Some((Period::Month(2026, 11), day("2026-12-01")))
        );
        // 1 January is a holiday, 2 and 3 January 2027 a weekend: sent Monday 4 January.
        assert_eq!(due(day("2027-01-01"), Frequency::Monthly), None);
        assert_eq!(due(day("2027-01-03"), Frequency::Monthly), None);
        assert_eq!(
            due(day("2027-01-04"), Frequency::Monthly),
            Some((Period::Month(2026, 12), day("2027-01-04")))
        );
        assert_eq!(
            due(day("2027-01-29"), Frequency::Monthly).map(|d| d.0),
            Some(Period::Month(2026, 12)),
            "caught up later in the month"
        );
    }

    #[test]
    fn a_quarterly_report_follows_each_quarter() {
        assert_eq!(
            due(day("2027-01-04"), Frequency::Quarterly).map(|d| d.0),
            Some(Period::Quarter(2026, 4))
        );
        assert_eq!(
            due(day("2026-10-01"), Frequency::Quarterly).map(|d| d.0),
            Some(Period::Quarter(2026, 3))
        );
        assert_eq!(
            due(day("2026-04-02"), Frequency::Quarterly).map(|d| d.0),
            Some(Period::Quarter(2026, 1))
        );
        assert_eq!(due(day("2026-12-01"), Frequency::Quarterly), None);
        assert_eq!(due(day("2026-11-15"), Frequency::Quarterly), None);
    }

    #[test]
    fn periods_have_keys_and_queries() {
        assert_eq!(key(Period::Month(2026, 3)), "2026-03");
        assert_eq!(key(Period::Quarter(2026, 4)), "2026-T4");
        assert_eq!(Frequency::parse_choice("none"), Ok(None));
        assert_eq!(Frequency::parse_choice("quarterly"), Ok(Some(Frequency::Quarterly)));
        assert!(Frequency::parse_choice("weekly").is_err());
    }
}
