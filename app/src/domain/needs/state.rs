//! A need's life: drafted by its buyer, validated by the pôle, open to suppliers until its
//! deadline, then awarded. Who may take each step is decided by the services.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum NeedState {
    Draft,
    /// Waiting for the pôle's animators.
    Submitted,
    /// Sent back to the buyer for changes, with a message; lapses after a while.
    Returned,
    /// Validated: matched suppliers are told, and may answer until the deadline.
    Published,
    Awarded,
    Refused,
    /// Left in changes too long.
    Lapsed,
    /// Withdrawn by its buyer.
    Cancelled,
}

impl NeedState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::Submitted => "En attente de validation",
            Self::Returned => "À compléter",
            Self::Published => "Publié",
            Self::Awarded => "Attribué",
            Self::Refused => "Refusé",
            Self::Lapsed => "Expiré",
            Self::Cancelled => "Retiré",
        }
    }

    /// The buyer may still change its text.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }

    /// The consultation has not started: a group purchase still gathers its buyers.
    pub fn before_consultation(self) -> bool {
        matches!(self, Self::Draft | Self::Returned | Self::Submitted)
    }

    /// Seen by the public and the matched suppliers.
    pub fn is_public(self) -> bool {
        matches!(self, Self::Published | Self::Awarded)
    }
}

/// A step in a need's life, with who takes it.
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
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum NeedStep {
    /// The buyer sends it to the pôle.
    Submit,
    /// An animator validates it: it is published and matched.
    Validate,
    /// An animator sends it back for changes (a message is required).
    Return,
    /// An animator refuses it (a reason is required).
    Refuse,
    /// The buyer withdraws it.
    Cancel,
}

impl NeedStep {
    /// Where the step leads from `from`, if it may be taken there.
    pub fn leads(self, from: NeedState) -> Option<NeedState> {
        use NeedState as S;
        match (self, from) {
            (Self::Submit, S::Draft | S::Returned) => Some(S::Submitted),
            (Self::Validate, S::Submitted) => Some(S::Published),
            (Self::Return, S::Submitted) => Some(S::Returned),
            (Self::Refuse, S::Submitted) => Some(S::Refused),
            (Self::Cancel, S::Draft | S::Submitted | S::Returned | S::Published) => {
                Some(S::Cancelled)
            }
            _ => None,
        }
    }

    /// Taken by the pôle's animators (the others by the buyer).
    pub fn by_animator(self) -> bool {
        matches!(self, Self::Validate | Self::Return | Self::Refuse)
    }

    /// The step needs a written reason or message.
    pub fn needs_reason(self) -> bool {
        matches!(self, Self::Return | Self::Refuse)
    }
}

/// Days a need may stay in changes before it lapses.
pub const RETURNED_LAPSE_DAYS: i64 = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn only_drafts_and_returned_needs_are_submitted_and_only_submitted_ones_moderated() {
        for &from in NeedState::VARIANTS {
            assert_eq!(
                NeedStep::Submit.leads(from).is_some(),
                matches!(from, NeedState::Draft | NeedState::Returned)
            );
            for step in [NeedStep::Validate, NeedStep::Return, NeedStep::Refuse] {
                assert_eq!(step.leads(from).is_some(), from == NeedState::Submitted, "{step:?}");
            }
        }
        assert_eq!(NeedStep::Cancel.leads(NeedState::Awarded), None);
        assert_eq!(NeedStep::Validate.leads(NeedState::Submitted), Some(NeedState::Published));
    }
}
