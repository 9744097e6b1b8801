//! A realistic, deterministic demo directory that looks like the suppliers of the Métropole:
//! every kind of structure (DOMAIN.md §2), insertion and sheltered work at least at their
//! local counts, only the associations that sell, every common trade offered by several
//! structures in several communes (spread by population), names that fit kind and trade,
//! descriptions that differ from one offer to the next, labels (fair trade, RGE…) and the
//! ESUS agreement.

use crate::domain::Code;
use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    demo_offers::offer_for,
    demo_vocabulary::{
        labels_for, mission, name_for, person_name, sectors_for, service_kind_of, siret,
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
            StructureProfile, commune_centres,
            communes::{Commune, communes},
        },
    },
};

/// The suppliers of the Métropole the demo models, by kind; the demo scales them to its size
/// (at `make run`'s 1,000 structures, about twice these counts). Where each figure comes from:
/// - DOMAIN.md §1, the 2003 diagnosis of the agglomeration: SCOP 36, mutuelles 38 (agencies),
///   fondations 2, SEL 4, groupements d'employeurs 2, and as floors chantiers d'insertion
///   17, entreprises d'insertion 8, régie de quartier 1, travail adapté 16 (ESAT + EA);
/// - associations: 300, for « only a few hundred » of the 5,460 associations « sell goods or
///   services to companies and public buyers » (DOMAIN.md §1): the demo leaves out the sport,
///   culture and leisure associations that sell nothing;
/// - the kinds of today, which the 2003 diagnosis did not count or counted otherwise (ETTI,
///   AI, EITI, GEIQ, EA, EATT, ESAT, SCIC, régies today, ACI and EI today): estimates of their
///   order of magnitude in the Métropole, **not checked against a source from here**. Replace
///   them with the DREETS Auvergne-Rhône-Alpes list of SIAE, the Gesat directory (ESAT, EA) and
///   the GEIQ federation's list when they are at hand.
const POPULATION: &[(StructureKind, u32)] = &[
    (StructureKind::Asso, 300),
    (StructureKind::Scop, 36),
    (StructureKind::Mutuelle, 38),
    (StructureKind::Aci, 20),
    (StructureKind::Ei, 10),
    (StructureKind::Etti, 5),
    (StructureKind::Ai, 6),
    (StructureKind::Eiti, 2),
    (StructureKind::Geiq, 3),
    (StructureKind::Esat, 12),
    (StructureKind::Ea, 10),
    (StructureKind::Eatt, 1),
    (StructureKind::Rq, 2),
    (StructureKind::Scic, 10),
    (StructureKind::Fondation, 2),
    (StructureKind::Ge, 2),
    (StructureKind::Sel, 4),
];

/// How many structures of each kind make `total`: proportional, at least one of each.
pub fn kind_counts(total: usize) -> Vec<(StructureKind, usize)> {
    let sum: u32 = POPULATION.iter().map(|(_, n)| n).sum();
    let mut counts: Vec<(StructureKind, usize)> = POPULATION
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

/// How many offers a structure of the kind has, relative to others: an association sells one
/// or two things, a company or a sheltered workshop several.
fn offer_weight(kind: StructureKind) -> usize {
    match kind {
        StructureKind::Asso | StructureKind::Sel | StructureKind::Fondation => 2,
        StructureKind::Mutuelle | StructureKind::Ge | StructureKind::Geiq => 2,
        _ => 4,
    }
}

/// Whether the kind holds the ESUS agreement by law (art. L3332-17-1 Code du travail: SIAE,
/// EA, ESAT, régies de quartier); other structures hold it one time in six.
fn esus_by_law(kind: StructureKind) -> bool {
    kind.is_siae()
        || matches!(
            kind,
            StructureKind::Ea | StructureKind::Eatt | StructureKind::Esat | StructureKind::Rq
        )
}

/// A commune drawn by population.
fn commune_of<'a>(rng: &mut ChaCha8Rng, all: &'a [Commune]) -> &'a Commune {
    let total: u64 = all.iter().map(|c| u64::from(c.population)).sum();
    let mut pick = rng.random_range(0..total);
    all.iter()
        .find(|c| {
            let w = u64::from(c.population);
            if pick < w {
                true
            } else {
                pick -= w;
                false
            }
        })
        .unwrap_or(&all[0])
}

/// Generates `structures` structures and `offers` offers from `seed`: the same arguments always
/// give the same directory. ChaCha8 is a fixed algorithm, unlike `StdRng` which rand may change
/// in any release: the demo directory stays the same across dependency updates.
pub fn generate(seed: u64, structures: usize, offers: usize, now: i64) -> Vec<NewStructure> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let all = communes();
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
    let mut weight_left: usize = kinds.iter().map(|k| offer_weight(*k)).sum();
    let mut out = Vec::with_capacity(structures);
    let mut sirets = std::collections::HashSet::new();
    for (index, kind) in kinds.iter().copied().enumerate() {
        let commune = commune_of(&mut rng, all);
        let (lat, lng) = commune_centres::centre(commune.insee).unwrap_or((45.188, 5.724));
        let mut kinds_of = vec![kind];
        if matches!(kind, StructureKind::Aci | StructureKind::Ai)
            || (kind == StructureKind::Asso && rng.random_bool(0.02))
        {
            kinds_of.push(StructureKind::Asso);
            if kind == StructureKind::Asso {
                kinds_of.push(StructureKind::Aci);
            }
        }
        let choices = sectors_for(kind);
        let n_sectors = rng.random_range(1..=choices.len().min(3));
        let picked: Vec<&Sector> = choices
            .choose_multiple_weighted(&mut rng, n_sectors, |(_, w)| f64::from(*w))
            .expect("positive weights")
            .filter_map(|(code, _)| Sector::find(code))
            .collect();
        let main = picked.first().map_or("", |s| s.code);
        let name = name_for(&mut rng, kind, main, commune.name);
        let mut number = siret(&mut rng);
        while !sirets.insert(number.clone()) {
            number = siret(&mut rng);
        }
        let contact = person_name(&mut rng);
        let founded = rng.random_range(1950..=year.min(2024));
        let staff = rng.random_range(2..60);
        let trades: Vec<&str> = picked.iter().map(|s| s.label).collect();
        let form = StructureForm {
            name: name.clone(),
            siret: number,
            kinds: kinds_of.iter().map(|k| k.code()).collect::<Vec<_>>().join(","),
            legal_form: match kind {
                StructureKind::Scop => "SCOP-SARL".into(),
                StructureKind::Scic => "SCIC-SAS".into(),
                StructureKind::Fondation => "Fondation".into(),
                StructureKind::Mutuelle => "Mutuelle".into(),
                StructureKind::Ea | StructureKind::Ei | StructureKind::Etti => "SAS".into(),
                StructureKind::Eiti | StructureKind::Eatt => "SARL".into(),
                _ => "Association".into(),
            },
            year_founded: founded.to_string(),
            description: format!(
                "{name} est implantée à {} depuis {founded}.\n\n{}\n\nNos métiers : {}.",
                commune.name,
                mission(kind),
                trades.join(", ").to_lowercase()
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
            insertion_staff: if kind.is_siae()
                || matches!(kind, StructureKind::Rq | StructureKind::Geiq)
            {
                rng.random_range(5..80).to_string()
            } else {
                String::new()
            },
            disabled_share: match kind {
                StructureKind::Esat => "100".into(),
                StructureKind::Ea | StructureKind::Eatt => rng.random_range(55..90).to_string(),
                _ => String::new(),
            },
            esus_agreed_on: if esus_by_law(kind) || rng.random_bool(0.15) {
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
        let weight = offer_weight(kind);
        let share = if index + 1 == kinds.len() {
            offers_left
        } else {
            let mean = offers_left * weight / weight_left.max(1);
            rng.random_range(mean.saturating_sub(mean / 2)..=mean + mean / 2).min(offers_left)
        };
        weight_left = weight_left.saturating_sub(weight);
        offers_left -= share;
        // Each of its trades in turn: every activity has offers.
        let offers_of: Vec<OfferDetails> = (0..share)
            .filter_map(|n| {
                let sector = picked.get(n % picked.len().max(1)).copied()?;
                OfferDetails::parse(&offer_for(&mut rng, sector, kind, commune.name)).ok()
            })
            .collect();
        let certifications = labels_for(&mut rng, kind, &picked, year);
        out.push(NewStructure { profile, activities, offers: offers_of, certifications });
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
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::domain::directory::Siret;

    #[test]
    fn every_kind_is_present_at_least_at_its_local_count_and_associations_are_a_minority_of_sellers()
     {
        let counts = kind_counts(1000);
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 1000);
        for (kind, real) in POPULATION {
            let n = counts.iter().find(|(k, _)| k == kind).expect("every kind").1;
            assert!(n >= *real as usize, "{kind:?}: {n} < {real}");
        }
        assert_eq!(counts.len(), <StructureKind as strum::VariantArray>::VARIANTS.len());
        let associations = counts.iter().find(|(k, _)| *k == StructureKind::Asso).expect("asso").1;
        assert!(associations < 700, "{associations}");
        assert!(kind_counts(20).iter().all(|(_, n)| *n >= 1));
    }

    /// The trades a company or a commune buys, each offered by several structures in several
    /// communes of `make run`'s catalogue.
    #[test]
    fn every_common_trade_has_several_suppliers_in_several_communes() {
        let all = generate(2003, 1000, 5000, 1_795_000_000_000);
        let common = [
            "nettoyage-locaux",
            "espaces-verts",
            "blanchisserie",
            "demenagement",
            "reprographie",
            "mise-sous-pli",
            "traiteur",
            "reconditionnement-informatique",
            "menuiserie",
            "second-oeuvre",
            "interim-insertion",
            "mise-a-disposition",
            "collecte-dechets",
            "vitrerie",
        ];
        for sector in common {
            let offering: Vec<&NewStructure> =
                all.iter().filter(|s| s.offers.iter().any(|o| o.sector == sector)).collect();
            let places: HashSet<&str> = offering
                .iter()
                .filter_map(|s| s.profile.place.as_ref().map(|p| p.insee.as_str()))
                .collect();
            assert!(offering.len() >= 4, "{sector}: {} structures", offering.len());
            assert!(places.len() >= 3, "{sector}: {} communes", places.len());
        }
        let labelled = |code: &str| {
            all.iter().filter(|s| s.certifications.iter().any(|c| c.code == code)).count()
        };
        assert!(labelled("fairtrade") >= 3 && labelled("rge") >= 3, "labels");
        assert!(all.iter().filter(|s| s.profile.esus_agreed_on.is_some()).count() > 100);
    }

    #[test]
    fn descriptions_differ_from_one_offer_to_the_next() {
        let all = generate(2003, 300, 1500, 1_795_000_000_000);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for offer in all.iter().flat_map(|s| &s.offers) {
            *seen.entry(offer.description.as_str()).or_default() += 1;
        }
        let offers: usize = seen.values().sum();
        assert!(seen.len() * 100 >= offers * 98, "{} distinct of {offers}", seen.len());
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
