//! The order in which a need's matched structures are told of it (DOMAIN.md §6: « the
//! best-completed and labelled profiles first »): the structures holding the HQS label now
//! first, then by how complete their profile is, then the nearest (unknown distances last).
//!
//! Completeness is a score out of 100, the sum of the points of what the profile shows — the
//! same list is shown to whoever asks why a structure came before another:
//!
//! | the profile has                                   | points |
//! |---------------------------------------------------|--------|
//! | a description of at least 100 characters          | 20     |
//! | a contact (e-mail or telephone)                   | 15     |
//! | a SIRET                                           | 15     |
//! | at least one published offer                      | 15     |
//! | at least one activity                             | 10     |
//! | at least one label or certification declared     | 10     |
//! | a website                                         | 5      |
//! | its staff figures (permanent staff)               | 5      |
//! | an address or a position (for the distance)       | 5      |

use std::cmp::Ordering;

/// A description shorter than this says too little to earn its points.
pub const DESCRIPTION_MIN_CHARS: usize = 100;

/// What completeness reads of a structure's profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileFacts {
    pub description_chars: usize,
    pub has_contact: bool,
    pub has_siret: bool,
    pub published_offers: u32,
    pub activities: u32,
    pub certifications: u32,
    pub has_website: bool,
    pub has_staff_figures: bool,
    pub has_location: bool,
}

/// Each item of the score: (what it is, in French, its points, whether the profile has it).
pub fn items(p: &ProfileFacts) -> [(&'static str, u8, bool); 9] {
    [
        (
            "une description d'au moins 100 caractères",
            20,
            p.description_chars >= DESCRIPTION_MIN_CHARS,
        ),
        ("un contact (courriel ou téléphone)", 15, p.has_contact),
        ("un SIRET", 15, p.has_siret),
        ("au moins une offre publiée", 15, p.published_offers > 0),
        ("au moins une activité", 10, p.activities > 0),
        ("au moins un label ou une certification", 10, p.certifications > 0),
        ("un site web", 5, p.has_website),
        ("ses effectifs", 5, p.has_staff_figures),
        ("une adresse ou une position", 5, p.has_location),
    ]
}

/// The profile's completeness, from 0 to 100.
pub fn completeness(p: &ProfileFacts) -> u8 {
    items(p).iter().filter(|(_, _, has)| *has).map(|(_, points, _)| points).sum()
}

/// What the order of notification compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankKey {
    /// Holds the HQS label now.
    pub labelled: bool,
    pub completeness: u8,
    pub distance_km: Option<f64>,
}

/// `Less` when `a` is told before `b`.
pub fn order(a: &RankKey, b: &RankKey) -> Ordering {
    let distance = |k: &RankKey| k.distance_km.unwrap_or(f64::MAX);
    b.labelled
        .cmp(&a.labelled)
        .then_with(|| b.completeness.cmp(&a.completeness))
        .then_with(|| distance(a).total_cmp(&distance(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> ProfileFacts {
        ProfileFacts {
            description_chars: 240,
            has_contact: true,
            has_siret: true,
            published_offers: 2,
            activities: 1,
            certifications: 1,
            has_website: true,
            has_staff_figures: true,
            has_location: true,
        }
    }

    #[test]
    fn completeness_adds_the_points_of_what_the_profile_shows() {
        assert_eq!(completeness(&full()), 100, "the points sum to 100");
        assert_eq!(completeness(&ProfileFacts::default()), 0);
        let short = ProfileFacts { description_chars: 99, ..full() };
        assert_eq!(completeness(&short), 80, "a description under 100 characters earns nothing");
        let no_offer = ProfileFacts { published_offers: 0, has_website: false, ..full() };
        assert_eq!(completeness(&no_offer), 80);
        // The profile of the tests' structures: short description, no offer, no label, no
        // website.
        let usual = ProfileFacts {
            description_chars: 51,
            published_offers: 0,
            certifications: 0,
            has_website: false,
            ..full()
        };
        assert_eq!(completeness(&usual), 50);
    }

    #[test]
    fn the_labelled_come_first_then_the_most_complete_then_the_nearest() {
        let key =
            |labelled, completeness, distance_km| RankKey { labelled, completeness, distance_km };
        let mut keys = vec![
            key(false, 60, Some(1.0)),
            key(false, 90, Some(30.0)),
            key(true, 40, Some(50.0)),
            key(false, 60, None),
            key(false, 60, Some(0.5)),
        ];
        keys.sort_by(order);
        assert_eq!(
            keys,
            vec![
                key(true, 40, Some(50.0)),
                key(false, 90, Some(30.0)),
                key(false, 60, Some(0.5)),
                key(false, 60, Some(1.0)),
                key(false, 60, None),
            ]
        );
    }
}
