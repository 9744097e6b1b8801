//! A calendar day: what validity periods, reminders and « today » compute with.

use jiff::{Span, civil::Date};

use super::paris;

/// A day of the calendar (`AAAA-MM-JJ`), a thin wrapper over `jiff::civil::Date`: `jiff` does
/// the calendar arithmetic and checks dates, the wrapper keeps the application's rules in one
/// place (days of instants are Paris days, the strict `AAAA-MM-JJ` spelling, 29 February a
/// year later).
///
/// The two fixed spellings are written and read field by field rather than with `jiff`'s
/// `strftime`/`strptime` or its ISO 8601 printer: those brought 185 KB of code and data into
/// the browser's WebAssembly (measured in the `wasm-release` profile), for three numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// The day it is in Paris at an instant (Unix milliseconds).
    pub fn of_instant(ms: i64) -> Self {
        Self(paris::day_of(ms))
    }

    /// Reads `AAAA-MM-JJ` (a real date, spelled so, only).
    pub fn parse(iso: &str) -> Option<Self> {
        let mut parts = iso.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits =
            |part: &str, len| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok().map(Self)
    }

    /// The day of a civil date.
    pub fn from_date(date: Date) -> Self {
        Self(date)
    }

    /// The civil date.
    pub fn date(self) -> Date {
        self.0
    }

    /// The month, 1 to 12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    pub fn year(self) -> i64 {
        i64::from(self.0.year())
    }

    /// `2026-11-27`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }

    /// `27/11/2026`.
    pub fn french(self) -> String {
        format!("{:02}/{:02}/{}", self.0.day(), self.0.month(), self.0.year())
    }

    /// The day `days` later (earlier when negative), stopping at the calendar's ends.
    pub fn plus_days(self, days: i64) -> Self {
        match Span::new().try_days(days) {
            Ok(span) => Self(self.0.saturating_add(span)),
            Err(_) if days < 0 => Self(Date::MIN),
            Err(_) => Self(Date::MAX),
        }
    }

    /// The same day `years` later; 29 February becomes 1 March in a common year (`jiff` would
    /// say 28 February: a period from 29 February then ends a day early).
    pub fn plus_years(self, years: u32) -> Self {
        let later = self.0.saturating_add(Span::new().years(years.min(19_998)));
        let clamped = later.day() < self.0.day();
        Self(if clamped { later.tomorrow().unwrap_or(later) } else { later })
    }

    /// The last millisecond of this day in Paris (Unix milliseconds).
    pub fn end_ms(self) -> i64 {
        let next = self.0.tomorrow().unwrap_or(Date::MAX);
        paris::PARIS
            .to_ambiguous_timestamp(next.to_datetime(jiff::civil::Time::midnight()))
            .compatible()
            .map_or(i64::MAX, |start| start.as_millisecond() - 1)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Self) -> i64 {
        // Two dates always have a difference in days: the fallback is never taken.
        self.0.until(later.0).map_or(0, |span| i64::from(span.get_days()))
    }

    /// The day of the week, 1 for Monday to 7 for Sunday (ISO 8601).
    pub fn iso_weekday(self) -> i8 {
        self.0.weekday().to_monday_one_offset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::instant;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect("a date")
    }

    #[test]
    fn days_read_write_and_count() {
        let day = day("2026-11-27");
        assert_eq!(day, Day::of_instant(instant("2027-01-01T00:00:00Z")).plus_days(-35));
        assert_eq!(day.iso(), "2026-11-27");
        assert_eq!(day.french(), "27/11/2026");
        assert_eq!(day.year(), 2026);
        assert_eq!(day.plus_years(2).iso(), "2028-11-27");
        assert_eq!(self::day("2024-02-29").plus_years(1).iso(), "2025-03-01");
        assert_eq!(self::day("2024-02-29").plus_years(4).iso(), "2028-02-29");
        assert_eq!(day.days_until(self::day("2027-02-25")), 90);
        assert_eq!(self::day("2027-02-25").days_until(day), -90);
        for bad in
            ["2026-02-30", "2026-13-01", "26-11-27", "2026-11-27x", "2026-1-05", "+026-11-27", ""]
        {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_are_numbered_from_monday() {
        assert_eq!(day("2026-11-30").iso_weekday(), 1, "a Monday");
        assert_eq!(day("2026-12-05").iso_weekday(), 6, "a Saturday");
        assert_eq!(day("2026-12-06").iso_weekday(), 7, "a Sunday");
    }

    #[test]
    fn days_stop_at_the_calendar_ends() {
        assert_eq!(day("2026-11-27").plus_days(i64::MAX), Day(Date::MAX));
        assert_eq!(day("2026-11-27").plus_days(i64::MIN), Day(Date::MIN));
        assert_eq!(day("2026-11-27").plus_years(u32::MAX), Day(Date::MAX));
    }

    /// A day read at 00:30 in Paris is the Paris day, written in French as such.
    #[test]
    fn the_day_of_an_instant_is_the_paris_day() {
        let winter = Day::of_instant(instant("2026-11-30T23:30:00Z"));
        assert_eq!((winter.iso(), winter.french()), ("2026-12-01".into(), "01/12/2026".into()));
        let summer = Day::of_instant(instant("2026-06-30T22:30:00Z"));
        assert_eq!((summer.iso(), summer.french()), ("2026-07-01".into(), "01/07/2026".into()));
        assert_eq!(Day::of_instant(instant("2026-12-31T23:30:00Z")).year(), 2027);
    }
}
