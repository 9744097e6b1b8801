//! How complete a profile is, and what it still lacks: shown to its owner, and used to rank
//! profiles. Submission for validation needs every item marked `required`.

use serde::{Deserialize, Serialize};

use super::profile::StructureProfile;

/// What the score is computed from, beyond the profile itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    pub activities: usize,
    pub published_offers: usize,
    pub labels: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completeness {
    /// 0 to 100.
    pub score: u8,
    /// What is missing, in French, required items first.
    pub missing: Vec<Missing>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    pub what: String,
    /// Needed to submit the profile for validation.
    pub required: bool,
}

impl Completeness {
    pub fn can_submit(&self) -> bool {
        self.missing.iter().all(|m| !m.required)
    }
}

/// (weight, required, present, what is missing)
type Item = (u32, bool, bool, &'static str);

pub fn completeness(profile: &StructureProfile, extras: Extras) -> Completeness {
    let facts = &profile.facts;
    let items: [Item; 13] = [
        (10, true, profile.siret.is_some(), "le numéro SIRET"),
        (10, true, !profile.kinds.is_empty(), "le type de structure"),
        (10, true, profile.place.is_some(), "la commune"),
        (10, true, profile.description.is_some(), "la description de l'activité"),
        (8, true, profile.contact_email.is_some(), "l'adresse e-mail de contact"),
        (12, true, extras.activities > 0, "au moins une activité"),
        (5, false, profile.contact_phone.is_some(), "le téléphone"),
        (5, false, profile.naf.is_some(), "le code NAF"),
        (
            5,
            false,
            profile.place.as_ref().is_some_and(|p| p.coordinates.is_some()),
            "la position sur la carte",
        ),
        (
            8,
            false,
            facts.permanent_staff.is_some() || facts.insertion_staff.is_some(),
            "les effectifs",
        ),
        (5, false, facts.client_references.is_some(), "des références clients"),
        (
            7,
            false,
            extras.labels > 0 || profile.esus_agreed_on.is_some(),
            "un label ou l'agrément ESUS",
        ),
        (5, false, extras.published_offers > 0, "une offre publiée"),
    ];
    let total: u32 = items.iter().map(|i| i.0).sum();
    let earned: u32 = items.iter().filter(|i| i.2).map(|i| i.0).sum();
    let mut missing: Vec<Missing> = items
        .iter()
        .filter(|i| !i.2)
        .map(|i| Missing { what: i.3.to_owned(), required: i.1 })
        .collect();
    missing.sort_by_key(|m| !m.required);
    let score = u8::try_from(earned * 100 / total).unwrap_or(100);
    Completeness { score, missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::profile::{StructureForm, StructureProfile};

    fn profile(form: StructureForm) -> StructureProfile {
        StructureProfile::parse(&form, 2026).expect("valid")
    }

    #[test]
    fn a_bare_draft_scores_low_and_lists_what_submission_needs() {
        let bare = profile(StructureForm { name: "SCOP Atelier".into(), ..Default::default() });
        let result = completeness(&bare, Extras::default());
        assert_eq!(result.score, 0);
        assert!(!result.can_submit());
        assert_eq!(result.missing[0].what, "le numéro SIRET");
        assert!(result.missing.iter().take_while(|m| m.required).count() == 6);
    }

    #[test]
    fn the_required_items_allow_submission_and_extras_raise_the_score() {
        let form = StructureForm {
            name: "Régie".into(),
            siret: "73282932000074".into(),
            kinds: "RQ".into(),
            commune: "38185".into(),
            description: "Nettoyage".into(),
            contact_email: "a@b.fr".into(),
            ..Default::default()
        };
        let required =
            completeness(&profile(form.clone()), Extras { activities: 1, ..Default::default() });
        assert!(required.can_submit());
        assert_eq!(required.score, 60);
        let without_activity = completeness(&profile(form.clone()), Extras::default());
        assert!(!without_activity.can_submit());
        let fuller = completeness(
            &profile(StructureForm { contact_phone: "04 76 00 00 00".into(), ..form }),
            Extras { activities: 2, published_offers: 1, labels: 1 },
        );
        assert_eq!(fuller.score, 77);
        assert!(fuller.missing.iter().all(|m| !m.required));
    }
}
