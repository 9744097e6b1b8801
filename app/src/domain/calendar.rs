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

#[cfg(test)]
mod tests {
    use super::*;

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
