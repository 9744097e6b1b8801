//! How long a granted label lasts, when its holder is reminded, when it lapses.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::domain::calendar::Day;

/// A granted label's period: from the grant to its last valid day (included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    pub from: Day,
    pub until: Day,
}

/// Years a label lasts unless configured otherwise.
pub const DEFAULT_YEARS: u32 = 2;

/// A reminder sent before a label's end, once each.
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
pub enum Reminder {
    /// 90 days before the end.
    #[strum(serialize = "j90")]
    Early,
    /// 30 days before the end.
    #[strum(serialize = "j30")]
    Late,
}

impl Reminder {
    pub fn days_before(self) -> i64 {
        match self {
            Self::Early => 90,
            Self::Late => 30,
        }
    }
}

impl Validity {
    /// A label granted on `from` for `years`: valid through the day before the same date
    /// `years` later.
    pub fn granted(from: Day, years: u32) -> Self {
        Self { from, until: from.plus_years(years.max(1)).plus_days(-1) }
    }

    /// A renewal starts the day after the current label ends (or on `on`, when that is later:
    /// a label renewed after it lapsed starts afresh).
    pub fn renewed(current_until: Day, on: Day, years: u32) -> Self {
        Self::granted(current_until.plus_days(1).max(on), years)
    }

    pub fn is_valid_on(&self, day: Day) -> bool {
        self.from <= day && day <= self.until
    }

    /// Whether the label has run out on `day`: it lapses unless renewed.
    pub fn has_ended(&self, day: Day) -> bool {
        day > self.until
    }

    /// The reminders due on `day` that were not sent yet (`sent`): the latest one only, so a
    /// holder is never sent both on one day.
    pub fn reminder_due(&self, day: Day, sent: &[Reminder]) -> Option<Reminder> {
        if self.has_ended(day) {
            return None;
        }
        let left = day.days_until(self.until);
        let due: Vec<Reminder> =
            Reminder::VARIANTS.iter().copied().filter(|r| left <= r.days_before()).collect();
        let latest = due.last().copied()?;
        (!sent.contains(&latest)).then_some(latest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::instant;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect("date")
    }

    #[test]
    fn a_label_lasts_two_years_to_the_day_before() {
        let validity = Validity::granted(day("2026-11-27"), DEFAULT_YEARS);
        assert_eq!(validity.until, day("2028-11-26"));
        assert!(validity.is_valid_on(day("2028-11-26")));
        assert!(!validity.is_valid_on(day("2028-11-27")));
        assert!(validity.has_ended(day("2028-11-27")));
        assert!(!validity.has_ended(day("2028-11-26")));
        assert_eq!(Validity::granted(day("2026-01-01"), 3).until, day("2028-12-31"));
    }

    #[test]
    fn reminders_at_90_then_30_days_once_each() {
        let validity = Validity::granted(day("2026-11-27"), 2);
        // 2028-11-26 minus 90 days is 2028-08-28.
        assert_eq!(validity.reminder_due(day("2028-08-27"), &[]), None);
        assert_eq!(validity.reminder_due(day("2028-08-28"), &[]), Some(Reminder::Early));
        assert_eq!(validity.reminder_due(day("2028-09-15"), &[Reminder::Early]), None);
        assert_eq!(
            validity.reminder_due(day("2028-10-27"), &[Reminder::Early]),
            Some(Reminder::Late)
        );
        // A server down for months sends the latest reminder only.
        assert_eq!(validity.reminder_due(day("2028-11-01"), &[]), Some(Reminder::Late));
        assert_eq!(
            validity.reminder_due(day("2028-11-20"), &[Reminder::Early, Reminder::Late]),
            None
        );
        assert_eq!(validity.reminder_due(day("2028-11-27"), &[]), None, "ended: it lapses");
    }

    #[test]
    fn a_renewal_follows_the_current_period() {
        let current = Validity::granted(day("2026-11-27"), 2);
        let early = Validity::renewed(current.until, day("2028-10-01"), 2);
        assert_eq!((early.from, early.until), (day("2028-11-27"), day("2030-11-26")));
        let late = Validity::renewed(current.until, day("2029-01-10"), 2);
        assert_eq!(late.from, day("2029-01-10"));
    }

    /// « Today » comes from the clock: at 00:30 in Paris (UTC is still on the day before), a
    /// grant starts on the Paris day.
    #[test]
    fn granted_at_half_past_midnight_in_paris_on_the_paris_day() {
        // 00:30 on 1 December 2026 (winter, UTC+1).
        let validity = Validity::granted(Day::of_instant(instant("2026-11-30T23:30:00Z")), 2);
        assert_eq!(validity.until, day("2028-11-30"));
    }

    /// The sweep reads the period from the database and « today » from the clock: at 00:30 in
    /// Paris, reminders and the end fall on Paris days.
    #[test]
    fn reminded_and_ended_at_half_past_midnight_in_paris() {
        let validity = Validity::granted(day("2026-12-01"), 2);
        let at = |utc: &str| Day::of_instant(instant(utc));
        // 00:30 on 1 September 2028 (summer, UTC+2): 90 days before the end.
        assert_eq!(validity.reminder_due(at("2028-08-31T22:30:00Z"), &[]), Some(Reminder::Early));
        // 00:30 on 31 October 2028 (winter again): 30 days before.
        assert_eq!(
            validity.reminder_due(at("2028-10-30T23:30:00Z"), &[Reminder::Early]),
            Some(Reminder::Late)
        );
        // 00:30 on 1 December 2028: it has ended.
        assert!(validity.has_ended(at("2028-11-30T23:30:00Z")));
    }
}
