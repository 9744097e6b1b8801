//! Where each matched structure stands on a need, from its timestamps: the buyer sees the
//! ladder with counts.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Rung {
    Matched,
    Sent,
    Opened,
    Viewed,
    Declined,
    Interested,
    Quoted,
    Shortlisted,
    NotRetained,
    Awarded,
}

impl Rung {
    pub fn label(self) -> &'static str {
        match self {
            Self::Matched => "Identifiée",
            Self::Sent => "Prévenue",
            Self::Opened => "Lien ouvert",
            Self::Viewed => "Besoin consulté",
            Self::Declined => "Pas intéressée",
            Self::Interested => "Intéressée",
            Self::Quoted => "Devis envoyé",
            Self::Shortlisted => "Présélectionnée",
            Self::NotRetained => "Non retenue",
            Self::Awarded => "Retenue",
        }
    }
}

/// The timestamps of one matched structure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Steps {
    pub notified_at: Option<i64>,
    pub opened_at: Option<i64>,
    pub viewed_at: Option<i64>,
    pub interested_at: Option<i64>,
    pub declined_at: Option<i64>,
    pub quoted_at: Option<i64>,
    pub shortlisted_at: Option<i64>,
    pub awarded_at: Option<i64>,
    pub not_retained_at: Option<i64>,
}

impl Steps {
    /// The furthest rung reached.
    pub fn rung(&self) -> Rung {
        let s = self;
        match () {
            () if s.awarded_at.is_some() => Rung::Awarded,
            () if s.not_retained_at.is_some() => Rung::NotRetained,
            () if s.shortlisted_at.is_some() => Rung::Shortlisted,
            () if s.quoted_at.is_some() => Rung::Quoted,
            () if s.interested_at.is_some() => Rung::Interested,
            () if s.declined_at.is_some() => Rung::Declined,
            () if s.viewed_at.is_some() => Rung::Viewed,
            () if s.opened_at.is_some() => Rung::Opened,
            () if s.notified_at.is_some() => Rung::Sent,
            () => Rung::Matched,
        }
    }
}

/// Counts per rung, in the ladder's order, each structure counted at every rung it passed
/// (a structure that sent a quote was also sent the need and opened it).
pub fn ladder(all: &[Steps]) -> Vec<(Rung, usize)> {
    let passed = |f: fn(&Steps) -> bool| all.iter().filter(|s| f(s)).count();
    vec![
        (Rung::Matched, all.len()),
        (Rung::Sent, passed(|s| s.notified_at.is_some())),
        (Rung::Opened, passed(|s| s.opened_at.is_some() || s.viewed_at.is_some())),
        (Rung::Viewed, passed(|s| s.viewed_at.is_some())),
        (Rung::Interested, passed(|s| s.interested_at.is_some())),
        (Rung::Declined, passed(|s| s.declined_at.is_some() && s.interested_at.is_none())),
        (Rung::Quoted, passed(|s| s.quoted_at.is_some())),
        (Rung::Shortlisted, passed(|s| s.shortlisted_at.is_some())),
        (Rung::Awarded, passed(|s| s.awarded_at.is_some())),
        (Rung::NotRetained, passed(|s| s.not_retained_at.is_some())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rung_is_the_furthest_step_and_the_ladder_counts_each_passage() {
        let quoted = Steps {
            notified_at: Some(1),
            opened_at: Some(2),
            interested_at: Some(3),
            quoted_at: Some(4),
            ..Steps::default()
        };
        let declined = Steps { notified_at: Some(1), declined_at: Some(2), ..Steps::default() };
        assert_eq!(quoted.rung(), Rung::Quoted);
        assert_eq!(declined.rung(), Rung::Declined);
        assert_eq!(Steps::default().rung(), Rung::Matched);
        let counts = ladder(&[quoted, declined, Steps::default()]);
        assert_eq!(counts[0], (Rung::Matched, 3));
        assert_eq!(counts[1], (Rung::Sent, 2));
        assert_eq!(counts[2], (Rung::Opened, 1));
        assert_eq!(counts[4], (Rung::Interested, 1));
        assert_eq!(counts[5], (Rung::Declined, 1));
        assert_eq!(counts[6], (Rung::Quoted, 1));
    }
}
