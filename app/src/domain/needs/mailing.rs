//! How a validated need is mailed to the structures it reaches (DOMAIN.md §6): in batches,
//! best-ranked first, a new batch only after a while and while too few are interested,
//! never after the deadline, and never more than a daily cap per need (a buyer cannot
//! mail-bomb suppliers); one reminder a few days later to those who have not opened it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mailing {
    /// Structures told per batch.
    pub batch_size: u32,
    /// Hours between two batches of one need.
    pub batch_every_hours: u32,
    /// No new batch once this many structures are interested.
    pub enough_interested: u32,
    /// Structures told of one need in 24 hours, at most.
    pub daily_cap: u32,
    /// Days after its first mail a structure that has not opened it is reminded, once.
    pub remind_after_days: u32,
}

impl Default for Mailing {
    fn default() -> Self {
        Self {
            batch_size: 10,
            batch_every_hours: 24,
            enough_interested: 6,
            daily_cap: 50,
            remind_after_days: 3,
        }
    }
}

impl Mailing {
    /// The bounds a configuration must respect, as a French-free message for operators.
    pub fn check(&self) -> Result<(), String> {
        if !(1..=200).contains(&self.batch_size) {
            return Err(format!(
                "needs.batch_size must be between 1 and 200, not {}",
                self.batch_size
            ));
        }
        if !(1..=24 * 14).contains(&self.batch_every_hours) {
            return Err("needs.batch_every_hours must be between 1 and 336".into());
        }
        if self.enough_interested == 0 {
            return Err("needs.enough_interested must be at least 1".into());
        }
        if self.daily_cap < self.batch_size || self.daily_cap > 1000 {
            return Err("needs.daily_cap must be between needs.batch_size and 1000".into());
        }
        if !(1..=30).contains(&self.remind_after_days) {
            return Err(format!(
                "needs.remind_after_days must be between 1 and 30, not {}",
                self.remind_after_days
            ));
        }
        Ok(())
    }

    /// How many structures to tell now, given how many were told in the last 24 hours, how
    /// many are interested, and the hours since the last batch (`None`: none sent yet).
    pub fn next_batch(
        &self,
        told_today: u32,
        interested: u32,
        hours_since_last: Option<u32>,
    ) -> u32 {
        if interested >= self.enough_interested {
            return 0;
        }
        if hours_since_last.is_some_and(|h| h < self.batch_every_hours) {
            return 0;
        }
        self.batch_size.min(self.daily_cap.saturating_sub(told_today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_wait_stop_when_enough_are_interested_and_respect_the_cap() {
        let m = Mailing::default();
        assert_eq!(m.next_batch(0, 0, None), 10);
        assert_eq!(m.next_batch(10, 0, Some(2)), 0, "too soon");
        assert_eq!(m.next_batch(10, 2, Some(24)), 10);
        assert_eq!(m.next_batch(45, 2, Some(24)), 5, "the daily cap");
        assert_eq!(m.next_batch(0, 6, Some(48)), 0, "enough interested");
        assert!(m.check().is_ok());
        assert!(Mailing { daily_cap: 5, ..m }.check().is_err());
        assert!(Mailing { batch_size: 0, ..m }.check().is_err());
        assert!(Mailing { remind_after_days: 0, ..m }.check().is_err());
        assert!(Mailing { remind_after_days: 31, ..m }.check().is_err());
        assert!(Mailing { remind_after_days: 30, ..m }.check().is_ok());
    }
}
