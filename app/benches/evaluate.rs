//! HQS evaluation speed: one profile over 100,000 offers whose facts are already loaded.
//! Goal: ≤ 200 ms for the full evaluation (verdicts and explanations). Run with:
//!
//!     cargo bench -p app --bench evaluate
//!
//! Prints the best and median of 10 runs for `evaluate` (every criterion explained) and for
//! `satisfies` (the catalogue filter, which stops at the first failure).

use std::{hint::black_box, time::Instant};
use strum::VariantArray;

use app::domain::{
    directory::{Cpv, StructureKind},
    hqs::{
        CriterionCode, Evidence, LabelFact, OfferFacts, ProfileItem, Requirement, Requirements,
        Scope, SupplierFacts, Threshold, evaluate, insertion_hours::Clause, satisfies,
    },
};

const OFFERS: usize = 100_000;
const RUNS: usize = 10;
const TODAY: &str = "2026-11-27";

/// A small deterministic generator (no dependency, same data on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn data() -> Vec<(SupplierFacts, OfferFacts)> {
    let mut rng = Lcg(2026);
    let kinds = StructureKind::VARIANTS;
    let cpvs: Vec<Cpv> = ["77310000", "90910000", "55520000", "79800000", "45262500", "85311000"]
        .iter()
        .map(|c| Cpv::parse(c).expect("cpv"))
        .collect();
    // 10 offers per structure, as in the demo directory.
    (0..OFFERS / 10)
        .flat_map(|n| {
            let kind = kinds[rng.next(kinds.len() as u64) as usize];
            let supplier = SupplierFacts {
                name: format!("Structure {n}"),
                kinds: vec![kind],
                permanent_staff: Some(rng.next(20) as i64),
                insertion_staff: Some(rng.next(30) as i64),
                disabled_share: (rng.next(2) == 0).then(|| rng.next(100) as f64),
                insertion_hours_capacity: Some(rng.next(3000) as u32),
                esus_agreed_on: (rng.next(3) == 0).then(|| format!("{}-06-01", 2019 + rng.next(7))),
                labels: if rng.next(5) == 0 {
                    vec![LabelFact {
                        code: "fairtrade".into(),
                        name: "Fairtrade / Max Havelaar".into(),
                        valid_from: None,
                        valid_until: Some("2027-12-31".into()),
                    }]
                } else {
                    Vec::new()
                },
                commune_insee: Some("38185".into()),
                commune_name: Some("Grenoble".into()),
                coordinates: Some((
                    45.0 + rng.next(400) as f64 / 1000.0,
                    5.6 + rng.next(300) as f64 / 1000.0,
                )),
                ..SupplierFacts::default()
            };
            let offers: Vec<(SupplierFacts, OfferFacts)> = (0..10)
                .map(|o| {
                    let cpv = cpvs[rng.next(cpvs.len() as u64) as usize].clone();
                    (
                        supplier.clone(),
                        OfferFacts { title: format!("Offre {n}-{o}"), cpv: vec![cpv] },
                    )
                })
                .collect();
            offers
        })
        .collect()
}

fn profile() -> Requirements {
    let item =
        |criterion, requirement, threshold| ProfileItem { criterion, requirement, threshold };
    Requirements::new(
        vec![
            item(
                CriterionCode::ReservedJoint,
                Requirement::Mandatory,
                Threshold::Percent { min: 50 },
            ),
            item(
                CriterionCode::InsertionClause,
                Requirement::Mandatory,
                Threshold::Hours {
                    clause: Clause {
                        amount_eur: 1_000_000,
                        labour_share: 50,
                        insertion_rate: 5,
                        hourly_cost_eur: 30,
                    },
                },
            ),
            item(
                CriterionCode::LocalReach,
                Requirement::Weighted { weight: 3 },
                Threshold::Place { communes: vec![], km: Some(20), origin: Some("38185".into()) },
            ),
            item(
                CriterionCode::EsusAgreement,
                Requirement::Weighted { weight: 2 },
                Threshold::None,
            ),
            item(CriterionCode::FairTrade, Requirement::Weighted { weight: 1 }, Threshold::None),
        ],
        Scope::default(),
    )
    .expect("valid profile")
}

fn measure(label: &str, mut run: impl FnMut() -> usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut kept = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        kept = black_box(run());
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{label:<44} best {:>7.1} ms   median {:>7.1} ms   ({kept} of {OFFERS} compliant)",
        times[0].as_secs_f64() * 1000.0,
        times[RUNS / 2].as_secs_f64() * 1000.0
    );
}

fn main() {
    let data = data();
    let profile = profile();
    println!("HQS evaluation of one 5-criterion profile over {} offers:", data.len());
    measure("evaluate (verdicts and explanations)", || {
        data.iter()
            .filter(|(s, o)| {
                let e = evaluate(&profile, s, Some(o), Evidence::Declared, TODAY);
                e.overall == app::domain::hqs::Overall::Compliant
            })
            .count()
    });
    measure("satisfies (catalogue filter)", || {
        data.iter().filter(|(s, o)| satisfies(&profile, s, Some(o), TODAY)).count()
    });
}
