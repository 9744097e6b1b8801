//! Calendar days and dates as people in France live them: instants (Unix milliseconds, as the
//! clock and the database keep them) are read in Europe/Paris, with `jiff`. « Today », a
//! label's validity and reminders, an evidence's expiry and every date shown change at
//! midnight in Paris, not at midnight UTC (01:00 or 02:00 in Paris).
//!
//! [`Day`] wraps `jiff::civil::Date` rather than counting days since 1970: the count only
//! served the hand-written arithmetic that `jiff` now does, and a `Date` checks dates, adds
//! days and years and counts days between two without conversions.

mod day;
pub mod holidays;
mod paris;

pub use day::Day;
pub use holidays::{first_working_day, is_working_day};
pub use paris::PARIS;

/// The year it is in Paris at an instant.
pub fn year_of(ms: i64) -> i64 {
    Day::of_instant(ms).year()
}

/// `27/11/2026`: the day it is in Paris at an instant.
pub fn french_date(ms: i64) -> String {
    Day::of_instant(ms).french()
}

/// `27/11/2026 à 14:05`: the day and time it is in Paris at an instant.
pub fn french_moment(ms: i64) -> String {
    let (hour, minute) = paris::hour_minute_of(ms);
    format!("{} à {hour:02}:{minute:02}", french_date(ms))
}

/// `2026-11-27`: the day it is in Paris at an instant.
pub fn iso_date(ms: i64) -> String {
    Day::of_instant(ms).iso()
}

/// `2026-11-27` written `27/11/2026`; other text unchanged.
pub fn french_iso_date(iso: &str) -> String {
    Day::parse(iso).map_or_else(|| iso.to_owned(), Day::french)
}

/// The instant (Unix milliseconds) of an RFC 3339 timestamp, for tests.
#[cfg(test)]
pub fn instant(rfc3339: &str) -> i64 {
    rfc3339.parse::<jiff::Timestamp>().expect("an RFC 3339 timestamp").as_millisecond()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_instants() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(instant("2000-02-29T00:00:00Z")), "2000-02-29");
        assert_eq!(french_date(instant("2027-01-01T00:00:00Z")), "01/01/2027");
        assert_eq!(iso_date(instant("2027-01-01T00:00:00Z")), "2027-01-01");
        assert_eq!(year_of(instant("2026-12-31T22:59:59Z")), 2026);
        assert_eq!(french_iso_date("2025-03-01"), "01/03/2025");
        assert_eq!(french_iso_date("sans date"), "sans date");
        assert_eq!(french_iso_date("2025-02-30"), "2025-02-30");
    }

    /// At 00:30 in Paris (23:30 UTC the day before in winter, 22:30 in summer), « today » and
    /// the dates shown are already the Paris day.
    #[test]
    fn at_half_past_midnight_in_paris_dates_are_paris_dates() {
        let winter = instant("2026-11-30T23:30:00Z");
        assert_eq!(
            (iso_date(winter), french_date(winter)),
            ("2026-12-01".into(), "01/12/2026".into())
        );
        let summer = instant("2026-06-30T22:30:00Z");
        assert_eq!(
            (iso_date(summer), french_date(summer)),
            ("2026-07-01".into(), "01/07/2026".into())
        );
        assert_eq!(year_of(instant("2026-12-31T23:30:00Z")), 2027);
    }

    /// The time shown is Paris time: UTC+1 in winter, UTC+2 in summer.
    #[test]
    fn moments_are_read_in_paris() {
        assert_eq!(french_moment(instant("2026-11-30T23:30:00Z")), "01/12/2026 à 00:30");
        assert_eq!(french_moment(instant("2026-06-30T07:05:00Z")), "30/06/2026 à 09:05");
    }
}
