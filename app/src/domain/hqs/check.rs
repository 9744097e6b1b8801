//! A compliance check's life: draft → awaiting evidence → under review → decided, reopenable
//! with a reason. Who may take which step is the service's business; this says which steps
//! exist from which state.

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
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CheckState {
    Draft,
    AwaitingEvidence,
    UnderReview,
    Decided,
}

impl CheckState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "brouillon",
            Self::AwaitingEvidence => "pièces demandées",
            Self::UnderReview => "en examen",
            Self::Decided => "décidé",
        }
    }
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
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Compliant,
    NonCompliant,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Self::Compliant => "conforme",
            Self::NonCompliant => "non conforme",
        }
    }
}

/// A step of a check.
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
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum CheckStep {
    /// The officer asks the supplier for evidence.
    RequestEvidence,
    /// The supplier says the evidence is there.
    SubmitEvidence,
    /// The officer decides.
    Decide,
    /// The officer reopens a decided check.
    Reopen,
}

impl CheckStep {
    /// The state after this step from `from`, or why it cannot be taken (French).
    /// Who takes this step: the supplier says its evidence is there, the officer does the rest.
    pub fn taker(self) -> super::views::CheckRole {
        match self {
            Self::SubmitEvidence => super::views::CheckRole::Supplier,
            _ => super::views::CheckRole::Officer,
        }
    }

    pub fn from(self, from: CheckState) -> Result<CheckState, &'static str> {
        use CheckState::*;
        match (self, from) {
            (Self::RequestEvidence, Draft | UnderReview) => Ok(AwaitingEvidence),
            (Self::SubmitEvidence, AwaitingEvidence) => Ok(UnderReview),
            (Self::Decide, Draft | AwaitingEvidence | UnderReview) => Ok(Decided),
            (Self::Reopen, Decided) => Ok(UnderReview),
            (_, Decided) => Err("Ce contrôle est décidé : rouvrez-le d'abord, avec une raison."),
            (Self::SubmitEvidence, _) => Err("Aucune pièce n'est demandée pour ce contrôle."),
            (Self::Reopen, _) => Err("Seul un contrôle décidé se rouvre."),
            _ => Err("Cette étape n'est pas possible dans l'état du contrôle."),
        }
    }

    /// Whether the step needs a written reason or comment.
    pub fn needs_text(self) -> bool {
        matches!(self, Self::Decide | Self::Reopen | Self::RequestEvidence)
    }
}

#[cfg(test)]
mod tests {
    use super::{CheckState::*, CheckStep::*};

    #[test]
    fn the_lifecycle_goes_forward_and_reopens() {
        assert_eq!(RequestEvidence.from(Draft), Ok(AwaitingEvidence));
        assert_eq!(SubmitEvidence.from(AwaitingEvidence), Ok(UnderReview));
        assert_eq!(RequestEvidence.from(UnderReview), Ok(AwaitingEvidence));
        assert_eq!(Decide.from(UnderReview), Ok(Decided));
        assert_eq!(Reopen.from(Decided), Ok(UnderReview));
        assert!(Decide.from(Decided).is_err());
        assert!(SubmitEvidence.from(Draft).is_err());
        assert!(Reopen.from(UnderReview).is_err());
    }
}

/// What an officer makes of a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceDecision {
    Accept,
    /// Rejected, with a reason the supplier is told.
    Reject,
}
