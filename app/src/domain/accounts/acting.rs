//! Who is acting in a request and with which rights: the signed-in person and their
//! memberships, read once per request, so that services ask this value instead of the
//! database (and never compare role names as text).

use std::ops::Deref;

use super::SessionUser;
use crate::domain::organisations::{MemberRole, OrganisationKind};

/// A membership of the person acting: where, of which kind, with which role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub organisation_id: String,
    pub organisation_name: String,
    pub kind: OrganisationKind,
    pub role: MemberRole,
    /// For buyers: the pôle has verified the organisation.
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acting {
    user: SessionUser,
    standings: Vec<Standing>,
}

impl Acting {
    pub fn new(user: SessionUser, standings: Vec<Standing>) -> Self {
        Self { user, standings }
    }

    pub fn user(&self) -> &SessionUser {
        &self.user
    }

    pub fn standings(&self) -> &[Standing] {
        &self.standings
    }

    /// The person's role in an organisation, if they belong to it.
    pub fn role_in(&self, organisation_id: &str) -> Option<MemberRole> {
        self.standings.iter().find(|s| s.organisation_id == organisation_id).map(|s| s.role)
    }

    pub fn is_member_of(&self, organisation_id: &str) -> bool {
        self.role_in(organisation_id).is_some()
    }

    /// Runs the marketplace (moderation, référentiel, label decisions): an administrator, or
    /// an animator or owner of the pôle.
    pub fn moderates(&self) -> bool {
        self.user.is_admin
            || self.standings.iter().any(|s| {
                s.kind == OrganisationKind::Pole
                    && matches!(s.role, MemberRole::Animator | MemberRole::Owner)
            })
    }

    /// The person belongs to `organisation_id`, a buyer the pôle has verified.
    pub fn in_verified_buyer(&self, organisation_id: &str) -> bool {
        self.standings.iter().any(|s| {
            s.organisation_id == organisation_id
                && matches!(s.kind, OrganisationKind::Buyer(_))
                && s.verified
        })
    }

    /// The buyer organisations where the person holds one of `roles`.
    pub fn buyers_where<'a>(
        &'a self,
        roles: &'a [MemberRole],
    ) -> impl Iterator<Item = &'a Standing> + 'a {
        self.standings
            .iter()
            .filter(|s| matches!(s.kind, OrganisationKind::Buyer(_)) && roles.contains(&s.role))
    }
}

/// Services read the person's own fields (`id`, `is_admin`…) straight through.
impl Deref for Acting {
    type Target = SessionUser;

    fn deref(&self) -> &SessionUser {
        &self.user
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::organisations::BuyerKind;

    fn person(is_admin: bool) -> SessionUser {
        SessionUser {
            id: "u".into(),
            display_name: "Anne".into(),
            email: "anne@exemple.fr".into(),
            is_admin,
        }
    }

    fn standing(id: &str, kind: OrganisationKind, role: MemberRole) -> Standing {
        Standing {
            organisation_id: id.into(),
            organisation_name: id.into(),
            kind,
            role,
            verified: false,
        }
    }

    #[test]
    fn rights_come_from_memberships() {
        let buyer = OrganisationKind::Buyer(BuyerKind::Public);
        let acting = Acting::new(
            person(false),
            vec![
                standing("ville", buyer, MemberRole::ProcurementOfficer),
                standing("pole", OrganisationKind::Pole, MemberRole::Observer),
            ],
        );
        assert_eq!(acting.role_in("ville"), Some(MemberRole::ProcurementOfficer));
        assert_eq!(acting.role_in("autre"), None);
        assert!(!acting.moderates(), "an observer of the pôle does not moderate");
        let officers: Vec<_> = acting.buyers_where(&[MemberRole::ProcurementOfficer]).collect();
        assert_eq!(officers.len(), 1);
        assert!(acting.buyers_where(&[MemberRole::Owner]).next().is_none());
        let animator = Acting::new(
            person(false),
            vec![standing("pole", OrganisationKind::Pole, MemberRole::Animator)],
        );
        assert!(animator.moderates());
        assert!(Acting::new(person(true), Vec::new()).moderates(), "administrators moderate");
        assert_eq!(animator.id, "u", "the person's fields read through");
    }
}
