use serde::{Deserialize, Serialize};

use super::OrganisationKind;

/// A person's role in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberRole {
    /// Manages the organisation and its members.
    Owner,
    Member,
    /// A buyer's member who may run compliance checks.
    ProcurementOfficer,
    /// Pôle staff: moderation, référentiel, label decisions.
    Animator,
    /// Member of the comité partenarial de suivi: reads watch reports, changes nothing.
    Observer,
}

pub const ALL_ROLES: [MemberRole; 5] = [
    MemberRole::Owner,
    MemberRole::Member,
    MemberRole::ProcurementOfficer,
    MemberRole::Animator,
    MemberRole::Observer,
];

impl MemberRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Member => "member",
            Self::ProcurementOfficer => "procurement_officer",
            Self::Animator => "animator",
            Self::Observer => "observer",
        }
    }

    pub fn parse(value: &str) -> Result<Self, &'static str> {
        ALL_ROLES.into_iter().find(|r| r.as_str() == value).ok_or("Choisissez un rôle.")
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Owner => "Responsable",
            Self::Member => "Membre",
            Self::ProcurementOfficer => "Acheteur habilité (contrôles HQS)",
            Self::Animator => "Animateur du pôle",
            Self::Observer => "Observateur (comité de suivi)",
        }
    }

    /// Whether an organisation of `kind` can give this role: procurement officers exist in
    /// buyers only; animators and observers in the pôle only.
    pub fn fits(self, kind: OrganisationKind) -> bool {
        match self {
            Self::Owner | Self::Member => true,
            Self::ProcurementOfficer => matches!(kind, OrganisationKind::Buyer(_)),
            Self::Animator | Self::Observer => kind == OrganisationKind::Pole,
        }
    }

    /// The roles an organisation of `kind` offers, for the forms.
    pub fn choices(kind: OrganisationKind) -> Vec<Self> {
        ALL_ROLES.into_iter().filter(|r| r.fits(kind)).collect()
    }

    pub fn manages_members(self) -> bool {
        self == Self::Owner
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::organisations::BuyerKind;

    #[test]
    fn roles_fit_their_kind_of_organisation() {
        let buyer = OrganisationKind::Buyer(BuyerKind::Public);
        assert!(MemberRole::ProcurementOfficer.fits(buyer));
        assert!(!MemberRole::ProcurementOfficer.fits(OrganisationKind::Supplier));
        assert!(MemberRole::Animator.fits(OrganisationKind::Pole));
        assert!(!MemberRole::Observer.fits(buyer));
        assert_eq!(
            MemberRole::choices(OrganisationKind::Supplier),
            [MemberRole::Owner, MemberRole::Member]
        );
        for role in ALL_ROLES {
            assert_eq!(MemberRole::parse(role.as_str()), Ok(role));
        }
        assert!(MemberRole::parse("admin").is_err());
    }
}
