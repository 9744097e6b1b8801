//! A realistic, deterministic demo directory: structures in the proportions the 2003 diagnosis
//! counted in the agglomeration (DOMAIN.md §1), spread over the 49 communes by population,
//! with French names and descriptions, activities and offers that fit their kind.

use crate::domain::Code;
use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    demo_vocabulary::{
        mission, name_for, offer_for, person_name, sectors_for, service_kind_of, siret,
        street_address,
    },
    store::{NewStructure, store_published},
};
use crate::{
    db::Db,
    domain::{
        calendar::year_of,
        directory::{
            Activity, ActivityForm, OfferDetails, Sector, StructureForm, StructureKind,
            StructureProfile, commune_centres, communes::communes,
        },
    },
};

/// The 2003 counts: associations, SCOP, chantiers d'insertion, entreprises d'insertion,
/// fondations, SEL, mutuelles, travail adapté (split here between ESAT and EA), groupements
/// d'employeurs, régie de quartier.
const PROPORTIONS: &[(StructureKind, u32)] = &[
    (StructureKind::Asso, 5460),
    (StructureKind::Scop, 36),
    (StructureKind::Aci, 17),
    (StructureKind::Ei, 8),
    (StructureKind::Fondation, 2),
    (StructureKind::Sel, 4),
    (StructureKind::Mutuelle, 38),
    (StructureKind::Esat, 9),
    (StructureKind::Ea, 7),
    (StructureKind::Ge, 2),
    (StructureKind::Rq, 1),
];

/// How many structures of each kind make `total`: proportional, at least one of each.
pub fn kind_counts(total: usize) -> Vec<(StructureKind, usize)> {
    let sum: u32 = PROPORTIONS.iter().map(|(_, n)| n).sum();
    let mut counts: Vec<(StructureKind, usize)> = PROPORTIONS
        .iter()
        .map(|(kind, n)| {
            (*kind, ((total as f64) * f64::from(*n) / f64::from(sum)).floor().max(1.0) as usize)
        })
        .collect();
    let assigned: usize = counts.iter().map(|(_, n)| n).sum();
    if assigned < total {
        counts[0].1 += total - assigned;
    } else if assigned > total {
        counts[0].1 = counts[0].1.saturating_sub(assigned - total);
    }
    counts
}

/// Generates `structures` structures and `offers` offers from `seed`: the same arguments always
/// give the same directory. ChaCha8 is a fixed algorithm, unlike `StdRng` which rand may change
/// in any release: the demo directory stays the same across dependency updates.
pub fn generate(seed: u64, structures: usize, offers: usize, now: i64) -> Vec<NewStructure> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let all = communes();
    let weights: Vec<u32> = all.iter().map(|c| c.population).collect();
    let total_weight: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    let year = year_of(now);
    let mut kinds: Vec<StructureKind> = kind_counts(structures)
        .into_iter()
        .flat_map(|(kind, n)| std::iter::repeat_n(kind, n))
        .collect();
    // Spread the kinds instead of listing every association first.
    for i in (1..kinds.len()).rev() {
        kinds.swap(i, rng.random_range(0..=i));
    }
    let mut offers_left = offers;
    let mut out = Vec::with_capacity(structures);
    let mut sirets = std::collections::HashSet::new();
    for (index, kind) in kinds.iter().copied().enumerate() {
        let mut pick = rng.random_range(0..total_weight);
        let commune = all
            .iter()
            .zip(&weights)
            .find(|(_, w)| {
                let w = u64::from(**w);
                if pick < w {
                    true
                } else {
                    pick -= w;
                    false
                }
            })
            .map_or(&all[0], |(c, _)| c);
        let (lat, lng) = commune_centres::centre(commune.insee).unwrap_or((45.188, 5.724));
        let mut kinds_of = vec![kind];
        if kind == StructureKind::Aci || (kind == StructureKind::Asso && rng.random_bool(0.02)) {
            kinds_of.push(StructureKind::Asso);
            if kind == StructureKind::Asso {
                kinds_of.push(StructureKind::Aci);
            }
        }
        let name = name_for(&mut rng, kind, commune.name);
        let mut number = siret(&mut rng);
        while !sirets.insert(number.clone()) {
            number = siret(&mut rng);
        }
        let contact = person_name(&mut rng);
        let founded = rng.random_range(1950..=year.min(2024));
        let staff = rng.random_range(2..60);
        let form = StructureForm {
            name: name.clone(),
            siret: number,
            kinds: kinds_of.iter().map(|k| k.code()).collect::<Vec<_>>().join(","),
            legal_form: match kind {
                StructureKind::Scop => "SCOP-SARL".into(),
                StructureKind::Scic => "SCIC-SAS".into(),
                StructureKind::Fondation => "Fondation".into(),
                StructureKind::Mutuelle => "Mutuelle".into(),
                StructureKind::Ea | StructureKind::Ei => "SAS".into(),
                _ => "Association".into(),
            },
            year_founded: founded.to_string(),
            description: format!(
                "{name} est implantée à {} depuis {founded}.\n\n{}",
                commune.name,
                mission(kind)
            ),
            contact_name: contact,
            contact_email: format!("contact{index}@demo.ecossol.fr"),
            contact_phone: format!(
                "04 76 {:02} {:02} {:02}",
                rng.random_range(10..99),
                rng.random_range(10..99),
                rng.random_range(10..99)
            ),
            address: street_address(&mut rng),
            commune: commune.insee.to_owned(),
            latitude: format!("{:.5}", lat + rng.random_range(-0.008..0.008)),
            longitude: format!("{:.5}", lng + rng.random_range(-0.010..0.010)),
            permanent_staff: staff.to_string(),
            insertion_staff: if kind.is_siae() || kind == StructureKind::Rq {
                rng.random_range(5..80).to_string()
            } else {
                String::new()
            },
            disabled_share: match kind {
                StructureKind::Esat => "100".into(),
                StructureKind::Ea => rng.random_range(55..90).to_string(),
                _ => String::new(),
            },
            esus_agreed_on: if kind.is_siae() || rng.random_bool(0.1) {
                format!(
                    "{}-{:02}-{:02}",
                    rng.random_range(2015..=2024),
                    rng.random_range(1..=12),
                    rng.random_range(1..=28)
                )
            } else {
                String::new()
            },
            ..StructureForm::default()
        };
        let Ok(profile) = StructureProfile::parse(&form, year) else { continue };
        let choices = sectors_for(kind);
        let n_sectors = rng.random_range(1..=choices.len().min(3));
        let picked: Vec<&Sector> = choices
            .choose_multiple(&mut rng, n_sectors)
            .filter_map(|code| Sector::find(code))
            .collect();
        let reach = *["metropole", "metropole", "departement", "radius"]
            .choose(&mut rng)
            .expect("non-empty");
        let activities: Vec<Activity> = picked
            .iter()
            .filter_map(|sector| {
                Activity::parse(&ActivityForm {
                    sector: sector.code.to_owned(),
                    service_kind: service_kind_of(sector).to_owned(),
                    reach: reach.to_owned(),
                    reach_km: "20".to_owned(),
                    reach_communes: String::new(),
                })
                .ok()
            })
            .collect();
        let remaining_structures = structures - index;
        let share = if remaining_structures <= 1 {
            offers_left
        } else {
            let mean = offers_left / remaining_structures;
            rng.random_range(mean.saturating_sub(mean / 2)..=mean + mean / 2).min(offers_left)
        };
        offers_left -= share;
        let offers_of: Vec<OfferDetails> = (0..share)
            .filter_map(|_| {
                let sector = picked.choose(&mut rng).copied()?;
                OfferDetails::parse(&offer_for(&mut rng, sector, kind)).ok()
            })
            .collect();
        out.push(NewStructure { profile, activities, offers: offers_of });
    }
    out
}

/// Stores the generated directory, a few hundred structures per transaction, and marks the
/// database as demo data (the demo accounts are made only on such a database).
pub async fn seed(
    db: &Db,
    seed: u64,
    structures: usize,
    offers: usize,
    now: i64,
) -> Result<(usize, usize), sqlx::Error> {
    let all = generate(seed, structures, offers, now);
    let offers_stored: usize = all.iter().map(|s| s.offers.len()).sum();
    for batch in all.chunks(250) {
        let mut tx = crate::db::begin(db).await?;
        for structure in batch {
            store_published(&mut tx, structure, "Données de démonstration", now).await?;
        }
        tx.commit().await?;
    }
    let mut tx = crate::db::begin(db).await?;
    crate::db::demo_data::mark(&mut tx, now).await?;
    tx.commit().await?;
    Ok((all.len(), offers_stored))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Siret;

    #[test]
    fn proportions_follow_the_diagnosis_with_every_kind_present() {
        let counts = kind_counts(1000);
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 1000);
        assert!(counts.iter().all(|(_, n)| *n >= 1));
        let associations = counts.iter().find(|(k, _)| *k == StructureKind::Asso).expect("asso").1;
        assert!(associations > 900, "{associations}");
    }

    #[test]
    fn the_same_seed_gives_the_same_directory() {
        let now = 1_795_000_000_000;
        let a = generate(7, 60, 300, now);
        let b = generate(7, 60, 300, now);
        let c = generate(8, 60, 300, now);
        let names =
            |d: &[NewStructure]| d.iter().map(|s| s.profile.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b));
        assert_ne!(names(&a), names(&c));
        assert_eq!(a.len(), 60);
        assert_eq!(a.iter().map(|s| s.offers.len()).sum::<usize>(), 300);
        for s in &a {
            let siret = s.profile.siret.as_ref().expect("SIRET");
            assert!(Siret::parse(siret.as_str()).is_ok());
            let place = s.profile.place.as_ref().expect("place");
            let (lat, lng) = place.coordinates.expect("coordinates");
            assert!((44.95..45.35).contains(&lat) && (5.55..5.90).contains(&lng));
            assert!(!s.activities.is_empty());
        }
    }
}
