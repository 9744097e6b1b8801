//! Lifecycles of structures and offers. Who may take each step is decided by the services;
//! here is only which steps exist and where they lead.

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
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum StructureStatus {
    Draft,
    Submitted,
    Published,
    Suspended,
    Archived,
}

/// A step in a structure's life.
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
pub enum StructureStep {
    /// The owner asks the pôle to validate the profile.
    Submit,
    /// An animator checked identity and kind: the structure goes public.
    Validate,
    /// An animator sends the profile back to its owner, with a reason.
    Refuse,
    /// An animator hides a published structure, with a reason.
    Suspend,
    /// An animator makes a suspended structure public again.
    Reinstate,
    /// The owner or an animator retires the structure.
    Archive,
    /// The owner takes an archived structure back to draft.
    Reopen,
}

impl StructureStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::Submitted => "En attente de validation",
            Self::Published => "Publiée",
            Self::Suspended => "Suspendue",
            Self::Archived => "Archivée",
        }
    }

    pub fn is_public(self) -> bool {
        self == Self::Published
    }

    /// Where `step` leads from here, or why it cannot be taken.
    pub fn after(self, step: StructureStep) -> Result<Self, &'static str> {
        use StructureStatus as S;
        use StructureStep as T;
        match (self, step) {
            (S::Draft, T::Submit) => Ok(S::Submitted),
            (S::Submitted, T::Validate) => Ok(S::Published),
            (S::Submitted, T::Refuse) => Ok(S::Draft),
            (S::Published, T::Suspend) => Ok(S::Suspended),
            (S::Suspended, T::Reinstate) => Ok(S::Published),
            (S::Archived, T::Archive) => Err("Cette structure est déjà archivée."),
            (_, T::Archive) => Ok(S::Archived),
            (S::Archived, T::Reopen) => Ok(S::Draft),
            (S::Submitted, T::Submit) => Err("Cette fiche est déjà en attente de validation."),
            (_, T::Submit) => Err("Seul un brouillon peut être soumis à validation."),
            (_, T::Validate | T::Refuse) => Err("Cette fiche n'est pas en attente de validation."),
            (_, T::Suspend) => Err("Seule une structure publiée peut être suspendue."),
            (_, T::Reinstate) => Err("Cette structure n'est pas suspendue."),
            (_, T::Reopen) => Err("Seule une structure archivée peut être rouverte."),
        }
    }
}

impl StructureStep {
    /// Steps that only the pôle's animators take.
    pub fn is_moderation(self) -> bool {
        matches!(self, Self::Validate | Self::Refuse | Self::Suspend | Self::Reinstate)
    }

    /// Steps that must say why (the owner receives the reason).
    pub fn needs_reason(self) -> bool {
        matches!(self, Self::Refuse | Self::Suspend)
    }
}

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
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Draft,
    Published,
    Archived,
}

impl OfferStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::Published => "Publiée",
            Self::Archived => "Archivée",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{StructureStatus as S, StructureStep as T};
    use crate::domain::Code;

    #[test]
    fn the_happy_path_leads_to_publication() {
        let submitted = S::Draft.after(T::Submit).expect("submit");
        assert_eq!(submitted, S::Submitted);
        assert_eq!(submitted.after(T::Validate), Ok(S::Published));
        assert!(S::Published.is_public());
        assert!(!S::Submitted.is_public());
    }

    #[test]
    fn moderation_can_refuse_suspend_and_reinstate() {
        assert_eq!(S::Submitted.after(T::Refuse), Ok(S::Draft));
        assert_eq!(S::Published.after(T::Suspend), Ok(S::Suspended));
        assert_eq!(S::Suspended.after(T::Reinstate), Ok(S::Published));
        assert!(T::Refuse.needs_reason() && T::Suspend.needs_reason());
        assert!(T::Validate.is_moderation() && !T::Submit.is_moderation());
    }

    #[test]
    fn steps_out_of_place_are_refused_in_french() {
        assert!(S::Draft.after(T::Validate).is_err());
        assert!(S::Published.after(T::Submit).is_err());
        assert!(S::Draft.after(T::Suspend).is_err());
        assert!(S::Archived.after(T::Archive).is_err());
        assert_eq!(S::Archived.after(T::Reopen), Ok(S::Draft));
        assert_eq!(S::Suspended.after(T::Archive), Ok(S::Archived));
    }

    #[test]
    fn codes_round_trip() {
        for s in [S::Draft, S::Submitted, S::Published, S::Suspended, S::Archived] {
            assert_eq!(S::from_code(s.code()), Some(s));
        }
        for t in
            [T::Submit, T::Validate, T::Refuse, T::Suspend, T::Reinstate, T::Archive, T::Reopen]
        {
            assert_eq!(T::from_code(t.code()), Some(t));
        }
    }
}
