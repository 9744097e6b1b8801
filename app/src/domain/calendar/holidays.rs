//! Working days in France: Monday to Friday, except the eleven public holidays of the Code du
//! travail (art. L3133-1) that apply in Isère (Alsace-Moselle's two extra days do not).
//!
//! Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher): a dozen
//! lines of integer arithmetic, where a holidays crate would bring every country's calendar
//! into the browser's WebAssembly.

use jiff::civil::Date;

use super::Day;

/// Easter Sunday of a Gregorian year.
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Whether the day is a public holiday in France (metropolitan, outside Alsace-Moselle).
pub fn is_public_holiday(day: Day) -> bool {
    let date = day.date();
    let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)];
    if fixed.contains(&(date.month(), date.day())) {
        return true;
    }
    // Easter Monday, Ascension Thursday and Whit Monday.
    easter(date.year()).is_some_and(|sunday| {
        let days = Day::from_date(sunday).days_until(day);
        matches!(days, 1 | 39 | 50)
    })
}

/// Monday to Friday, and not a public holiday.
pub fn is_working_day(day: Day) -> bool {
    day.iso_weekday() <= 5 && !is_public_holiday(day)
}

/// The first working day of a month (`month` 1 to 12).
pub fn first_working_day(year: i16, month: i8) -> Option<Day> {
    let first = Day::from_date(Date::new(year, month, 1).ok()?);
    (0..10).map(|n| first.plus_days(n)).find(|d| is_working_day(*d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect("a date")
    }

    #[test]
    fn easter_falls_on_its_known_sundays() {
        for (year, iso) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(
                easter(year).map(|d| Day::from_date(d).iso()),
                Some(iso.to_owned()),
                "{year}"
            );
        }
    }

    #[test]
    fn holidays_of_2026() {
        for iso in [
            "2026-01-01",
            "2026-04-06",
            "2026-05-01",
            "2026-05-08",
            "2026-05-14",
            "2026-05-25",
            "2026-07-14",
            "2026-08-15",
            "2026-11-01",
            "2026-11-11",
            "2026-12-25",
        ] {
            assert!(is_public_holiday(day(iso)), "{iso}");
        }
        for iso in ["2026-04-05", "2026-04-07", "2026-12-24", "2026-12-26", "2026-05-15"] {
            assert!(!is_public_holiday(day(iso)), "{iso}");
        }
    }

    #[test]
    fn first_working_days_skip_weekends_and_holidays() {
        assert_eq!(
            first_working_day(2026, 1).map(Day::iso).as_deref(),
            Some("2026-01-02"),
            "1 January is a holiday"
        );
        assert_eq!(
            first_working_day(2026, 2).map(Day::iso).as_deref(),
            Some("2026-02-02"),
            "1 February is a Sunday"
        );
        assert_eq!(
            first_working_day(2026, 5).map(Day::iso).as_deref(),
            Some("2026-05-04"),
            "Friday 1 May, then a weekend"
        );
        assert_eq!(first_working_day(2026, 12).map(Day::iso).as_deref(), Some("2026-12-01"));
        assert_eq!(
            first_working_day(2027, 11).map(Day::iso).as_deref(),
            Some("2027-11-02"),
            "Monday 1 November"
        );
        assert_eq!(first_working_day(2026, 13), None);
    }
}
