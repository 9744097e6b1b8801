//! Calendar days of instants (Unix milliseconds, UTC), without a date library.

/// The (year, month, day) of an instant, in the proleptic Gregorian calendar.
pub fn civil_day(ms: i64) -> (i64, u32, u32) {
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

pub fn year_of(ms: i64) -> i64 {
    civil_day(ms).0
}

/// `27/11/2026`.
pub fn french_date(ms: i64) -> String {
    let (y, m, d) = civil_day(ms);
    format!("{d:02}/{m:02}/{y}")
}

/// `2026-11-27`.
pub fn iso_date(ms: i64) -> String {
    let (y, m, d) = civil_day(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-27` written `27/11/2026`; other text unchanged.
pub fn french_iso_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

/// A calendar day (`AAAA-MM-JJ`), counted in days since 1970-01-01: what validity periods
/// and reminders compute with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    pub fn of_instant(ms: i64) -> Self {
        Self(ms.div_euclid(86_400_000))
    }

    /// Reads `AAAA-MM-JJ` (a real date only).
    pub fn parse(iso: &str) -> Option<Self> {
        let mut parts = iso.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let day = Self::from_civil(y, m, d);
        (day.civil() == (y, m, d)).then_some(day)
    }

    /// The day of (year, month, day); days past a month's end roll over.
    pub fn from_civil(year: i64, month: u32, day: u32) -> Self {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Self(era * 146_097 + doe - 719_468)
    }

    pub fn civil(self) -> (i64, u32, u32) {
        civil_day(self.0 * 86_400_000)
    }

    /// `2026-11-27`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `27/11/2026`.
    pub fn french(self) -> String {
        let (y, m, d) = self.civil();
        format!("{d:02}/{m:02}/{y}")
    }

    pub fn plus_days(self, days: i64) -> Self {
        Self(self.0 + days)
    }

    /// The same day `years` later; 29 February becomes 1 March in a common year.
    pub fn plus_years(self, years: u32) -> Self {
        let (y, m, d) = self.civil();
        Self::from_civil(y + i64::from(years), m, d)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Self) -> i64 {
        later.0 - self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_write_and_count() {
        let day = Day::parse("2026-11-27").expect("a date");
        assert_eq!(day, Day::of_instant(1_798_761_600_000).plus_days(-35));
        assert_eq!(day.iso(), "2026-11-27");
        assert_eq!(day.french(), "27/11/2026");
        assert_eq!(day.plus_years(2).iso(), "2028-11-27");
        assert_eq!(Day::parse("2024-02-29").expect("leap").plus_years(1).iso(), "2025-03-01");
        assert_eq!(day.days_until(Day::parse("2027-02-25").expect("date")), 90);
        for bad in ["2026-02-30", "2026-13-01", "26-11-27", "2026-11-27x", ""] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_of_instants() {
        assert_eq!(civil_day(0), (1970, 1, 1));
        assert_eq!(civil_day(1_798_761_600_000 - 1), (2026, 12, 31));
        assert_eq!(civil_day(1_798_761_600_000), (2027, 1, 1));
        assert_eq!(civil_day(951_782_400_000), (2000, 2, 29));
        assert_eq!(french_date(1_798_761_600_000), "01/01/2027");
        assert_eq!(iso_date(1_798_761_600_000), "2027-01-01");
        assert_eq!(year_of(1_798_761_600_000 - 1), 2026);
        assert_eq!(french_iso_date("2025-03-01"), "01/03/2025");
    }
}
