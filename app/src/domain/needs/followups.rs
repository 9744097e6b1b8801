//! The mails around a need's consultation, after the first batch (DOMAIN.md §6): one
//! reminder to a structure that has not opened it, on a working day and never after the
//! deadline; the buyer told at the 1st, 2nd and 5th interested structure; once the work has
//! started, both sides asked « l'achat a-t-il eu lieu ? ». Each is sent once: the rules here
//! say when one is due, the services claim it before sending.

use crate::domain::calendar::{Day, is_working_day};

const DAY_MS: i64 = 24 * 3600 * 1000;

/// The numbers of interested structures at which the buyer is mailed.
pub const INTERESTED_MILESTONES: [u32; 3] = [1, 2, 5];

/// The milestone of the follow-up « l'achat a-t-il eu lieu ? », as stored.
pub const FOLLOW_UP: &str = "follow_up";

/// A milestone of interested structures, as stored (`interested_2`).
pub fn interested_milestone(count: u32) -> String {
    format!("interested_{count}")
}

/// The milestones `interested` structures have reached, lowest first.
pub fn interested_reached(interested: u32) -> impl Iterator<Item = u32> {
    INTERESTED_MILESTONES.into_iter().filter(move |m| *m <= interested)
}

/// Whether a structure told of a need at `notified_at` is reminded at `now`: `after_days`
/// full days later, on a working day in Paris (a reminder due on Saturday or Sunday waits
/// until Monday), and never once the deadline's day is over. Whether it opened or answered
/// the need is for the caller to check.
pub fn reminder_due(notified_at: i64, now: i64, deadline: Day, after_days: u32) -> bool {
    let today = Day::of_instant(now);
    now.saturating_sub(notified_at) >= i64::from(after_days) * DAY_MS
        && is_working_day(today)
        && today <= deadline
}

/// Whether an awarded need's follow-up is due on `today`: its work has started, the start day
/// (or, without one, the deadline) being over.
pub fn follow_up_due(start_on: Option<Day>, deadline_on: Option<Day>, today: Day) -> bool {
    start_on.or(deadline_on).is_some_and(|day| day < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::instant;

    fn day(iso: &str) -> Day {
        Day::parse(iso).expect("a date")
    }

    #[test]
    fn working_days_are_monday_to_friday() {
        // 30 November 2026 is a Monday.
        let days: Vec<bool> =
            (0..7).map(|n| is_working_day(day("2026-11-30").plus_days(n))).collect();
        assert_eq!(days, [true, true, true, true, true, false, false]);
        assert!(!is_working_day(day("2026-12-25")), "Christmas, a Friday");
    }

    #[test]
    fn a_reminder_waits_its_days_skips_the_weekend_and_stops_at_the_deadline() {
        // Told on Wednesday 2 December 2026 at 10:00 in Paris (09:00 UTC).
        let told = instant("2026-12-02T09:00:00Z");
        let deadline = day("2026-12-31");
        assert!(!reminder_due(told, instant("2026-12-04T10:00:00Z"), deadline, 3), "too soon");
        assert!(
            !reminder_due(told, instant("2026-12-05T10:00:00Z"), deadline, 3),
            "due on Saturday: waits"
        );
        assert!(!reminder_due(told, instant("2026-12-06T22:00:00Z"), deadline, 3), "Sunday 23:00");
        assert!(
            reminder_due(told, instant("2026-12-06T23:30:00Z"), deadline, 3),
            "Monday 00:30 in Paris"
        );
        assert!(reminder_due(told, instant("2026-12-07T09:00:00Z"), deadline, 3));
        // The deadline's day counts until its end in Paris.
        let close = day("2026-12-07");
        assert!(reminder_due(told, instant("2026-12-07T22:30:00Z"), close, 3), "23:30 in Paris");
        assert!(!reminder_due(told, instant("2026-12-07T23:30:00Z"), close, 3), "the day after");
        assert!(reminder_due(told, instant("2026-12-03T09:00:00Z"), deadline, 1));
    }

    #[test]
    fn the_buyer_hears_of_the_first_second_and_fifth_interested() {
        assert_eq!(interested_reached(0).count(), 0);
        assert_eq!(interested_reached(1).collect::<Vec<_>>(), [1]);
        assert_eq!(interested_reached(3).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(interested_reached(9).collect::<Vec<_>>(), [1, 2, 5]);
        assert_eq!(interested_milestone(5), "interested_5");
    }

    #[test]
    fn the_follow_up_comes_once_the_start_day_is_over() {
        let start = Some(day("2027-01-04"));
        assert!(!follow_up_due(start, None, day("2027-01-04")));
        assert!(follow_up_due(start, None, day("2027-01-05")));
        assert!(follow_up_due(None, Some(day("2026-12-01")), day("2026-12-02")));
        assert!(!follow_up_due(None, None, day("2030-01-01")));
    }
}
