//! A label file's life. The structure applies and submits; an animator prepares the file
//! (reviews each piece, recommends); a second animator, who did not prepare it, grants or
//! refuses (four-eyes rule). A granted label can be suspended (the structure may respond),
//! reinstated or withdrawn; it lapses at the end of its validity unless a renewal replaces it.

use serde::{Deserialize, Serialize};

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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LabelState {
    /// The structure completes its file.
    Applying,
    /// Sent to the pôle, waiting for an animator.
    Submitted,
    /// An animator reviewed the file and recommends; waiting for a second animator.
    Prepared,
    Granted,
    Refused,
    /// Granted, then suspended with a reason (a fact changed, a complaint was upheld).
    Suspended,
    Withdrawn,
    /// The validity ended without a renewal.
    Lapsed,
    /// Replaced by its renewal.
    Renewed,
}

impl LabelState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Applying => "dossier en préparation",
            Self::Submitted => "dossier déposé",
            Self::Prepared => "instruit, en attente de décision",
            Self::Granted => "label attribué",
            Self::Refused => "label refusé",
            Self::Suspended => "label suspendu",
            Self::Withdrawn => "label retiré",
            Self::Lapsed => "label expiré",
            Self::Renewed => "label renouvelé",
        }
    }

    /// Whether the structure holds the label (shown with a badge, found by the facet).
    pub fn holds(self) -> bool {
        self == Self::Granted
    }

    /// A file still in progress: a structure has at most one.
    pub fn in_progress(self) -> bool {
        matches!(self, Self::Applying | Self::Submitted | Self::Prepared)
    }

    /// Whether the structure may send pieces: while it prepares its file, and to answer a
    /// suspension.
    pub fn takes_pieces(self) -> bool {
        matches!(self, Self::Applying | Self::Suspended)
    }

    /// Whether animators may review pieces: a submitted file (before its preparation, which
    /// freezes it for the second animator) and a suspended label.
    pub fn reviews_pieces(self) -> bool {
        matches!(self, Self::Submitted | Self::Suspended)
    }
}

/// What the preparer recommends, and what the decider decides.
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
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Recommendation {
    Grant,
    Refuse,
}

impl Recommendation {
    pub fn label(self) -> &'static str {
        match self {
            Self::Grant => "attribuer",
            Self::Refuse => "refuser",
        }
    }
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The structure's people.
    Holder,
    /// The pôle's animators.
    Animator,
    /// Ecossol itself (the daily sweep, a granted renewal).
    System,
}

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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LabelStep {
    Submit,
    /// Back to the structure for more (animator, with a reason).
    Return,
    Prepare,
    Decide,
    Suspend,
    /// The structure answers a suspension.
    Respond,
    Reinstate,
    Withdraw,
    /// A reminder of the end of validity (90 or 30 days before).
    Remind,
    Lapse,
    Supersede,
}

impl LabelStep {
    /// The audit trail's words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submit => "Dossier déposé",
            Self::Return => "Dossier renvoyé à la structure",
            Self::Prepare => "Dossier instruit",
            Self::Decide => "Décision",
            Self::Suspend => "Label suspendu",
            Self::Respond => "Réponse de la structure",
            Self::Reinstate => "Label rétabli",
            Self::Withdraw => "Label retiré",
            Self::Remind => "Rappel d'échéance",
            Self::Lapse => "Label expiré",
            Self::Supersede => "Label renouvelé",
        }
    }

    pub fn actor(self) -> Actor {
        match self {
            Self::Submit | Self::Respond => Actor::Holder,
            Self::Remind | Self::Lapse | Self::Supersede => Actor::System,
            _ => Actor::Animator,
        }
    }

    /// Whether the step needs written words (a reason, a note, an answer).
    pub fn needs_text(self) -> bool {
        !matches!(self, Self::Submit | Self::Remind | Self::Lapse | Self::Supersede)
    }

    /// The state after this step from `from`, `None` when the step does not apply there.
    /// `choice` is the recommendation of `Prepare` and the decision of `Decide`.
    pub fn after(self, from: LabelState, choice: Option<Recommendation>) -> Option<LabelState> {
        use LabelState as S;
        Some(match (self, from) {
            (Self::Submit, S::Applying) => S::Submitted,
            (Self::Return, S::Submitted | S::Prepared) => S::Applying,
            (Self::Prepare, S::Submitted) => {
                choice?;
                S::Prepared
            }
            (Self::Decide, S::Prepared) => match choice? {
                Recommendation::Grant => S::Granted,
                Recommendation::Refuse => S::Refused,
            },
            (Self::Suspend, S::Granted) => S::Suspended,
            (Self::Respond, S::Suspended) => S::Suspended,
            (Self::Reinstate, S::Suspended) => S::Granted,
            (Self::Withdraw, S::Granted | S::Suspended) => S::Withdrawn,
            (Self::Remind, S::Granted | S::Suspended) => from,
            (Self::Lapse, S::Granted | S::Suspended) => S::Lapsed,
            (Self::Supersede, S::Granted | S::Suspended | S::Lapsed) => S::Renewed,
            _ => return None,
        })
    }
}

/// The four-eyes rule: the animator who prepared a file does not decide it.
pub fn may_decide(preparer_id: Option<&str>, decider_id: &str) -> bool {
    preparer_id.is_some_and(|p| p != decider_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Code;
    use LabelState as S;
    use LabelStep as T;
    use Recommendation::{Grant, Refuse};
    use strum::VariantArray;

    #[test]
    fn the_usual_path_and_its_branches() {
        assert_eq!(T::Submit.after(S::Applying, None), Some(S::Submitted));
        assert_eq!(T::Prepare.after(S::Submitted, None), None, "a recommendation is needed");
        assert_eq!(T::Prepare.after(S::Submitted, Some(Grant)), Some(S::Prepared));
        assert_eq!(T::Decide.after(S::Prepared, Some(Grant)), Some(S::Granted));
        assert_eq!(T::Decide.after(S::Prepared, Some(Refuse)), Some(S::Refused));
        assert_eq!(T::Decide.after(S::Submitted, Some(Grant)), None, "prepared first");
        assert_eq!(T::Return.after(S::Prepared, None), Some(S::Applying));
        assert_eq!(T::Suspend.after(S::Granted, None), Some(S::Suspended));
        assert_eq!(T::Respond.after(S::Suspended, None), Some(S::Suspended));
        assert_eq!(T::Reinstate.after(S::Suspended, None), Some(S::Granted));
        assert_eq!(T::Withdraw.after(S::Suspended, None), Some(S::Withdrawn));
        assert_eq!(T::Lapse.after(S::Granted, None), Some(S::Lapsed));
        assert_eq!(T::Lapse.after(S::Withdrawn, None), None);
        assert_eq!(T::Supersede.after(S::Granted, None), Some(S::Renewed));
        assert_eq!(T::Suspend.after(S::Refused, None), None);
    }

    #[test]
    fn final_states_take_no_step_but_renewal() {
        for state in [S::Refused, S::Withdrawn, S::Renewed] {
            for step in LabelStep::VARIANTS.iter().copied() {
                assert_eq!(step.after(state, Some(Grant)), None, "{step:?} from {state:?}");
            }
        }
    }

    #[test]
    fn the_preparer_does_not_decide() {
        assert!(may_decide(Some("anne"), "bruno"));
        assert!(!may_decide(Some("anne"), "anne"));
        assert!(!may_decide(None, "bruno"), "an unprepared file is not decided");
    }

    #[test]
    fn codes_read_back() {
        for state in LabelState::VARIANTS.iter().copied() {
            assert_eq!(LabelState::from_code(state.code()), Some(state));
        }
        for step in LabelStep::VARIANTS.iter().copied() {
            assert_eq!(LabelStep::from_code(step.code()), Some(step));
        }
        assert_eq!(LabelState::VARIANTS.iter().filter(|s| s.holds()).count(), 1);
    }
}
