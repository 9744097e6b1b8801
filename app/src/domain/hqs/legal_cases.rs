//! The legal cases the evaluation must get right, one row each: who the supplier is, what
//! the buyer requires, what is on file, and the expected verdict with words the explanation
//! must contain (the article and the decisive fact).

use super::{
    criteria::{CriterionCode as C, EvidenceKind as E},
    evaluate::{Overall, evaluate, satisfies},
    facts::{Evidence, EvidenceOnFile, LabelFact, OfferFacts, Review, SupplierFacts},
    insertion_hours::Clause,
    profile::{ProfileItem, Requirement, Requirements, Scope},
    rules::Verdict as V,
    threshold::Threshold as T,
};
use crate::domain::directory::{Cpv, StructureKind as K};

const TODAY: &str = "2026-11-27";

fn supplier(kinds: &[K]) -> SupplierFacts {
    SupplierFacts {
        name: "La Structure".to_owned(),
        kinds: kinds.to_vec(),
        commune_insee: Some("38185".to_owned()),
        commune_name: Some("Grenoble".to_owned()),
        coordinates: Some((45.1885, 5.7245)),
        ..SupplierFacts::default()
    }
}

fn with(mut facts: SupplierFacts, change: impl FnOnce(&mut SupplierFacts)) -> SupplierFacts {
    change(&mut facts);
    facts
}

fn doc(kind: E, valid_until: Option<&str>, review: Review) -> EvidenceOnFile {
    EvidenceOnFile { kind, valid_until: valid_until.map(str::to_owned), review }
}

fn ok(kind: E) -> EvidenceOnFile {
    doc(kind, None, Review::Accepted)
}

fn label(code: &str, name: &str, until: &str) -> LabelFact {
    LabelFact {
        code: code.to_owned(),
        name: name.to_owned(),
        valid_from: None,
        valid_until: Some(until.to_owned()),
    }
}

fn percent(min: u8) -> T {
    T::Percent { min }
}

fn hours() -> T {
    // 1 M€, 50 % labour, 5 % insertion, 30 €/h: 833 h.
    T::Hours {
        clause: Clause {
            amount_eur: 1_000_000,
            labour_share: 50,
            insertion_rate: 5,
            hourly_cost_eur: 30,
        },
    }
}

struct Case {
    name: &'static str,
    supplier: SupplierFacts,
    offer: Option<OfferFacts>,
    criterion: C,
    threshold: T,
    documents: Vec<EvidenceOnFile>,
    expected: V,
    /// Words the explanation must contain.
    mentions: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let esat = with(supplier(&[K::Esat]), |s| s.disabled_share = Some(80.0));
    let ei = with(supplier(&[K::Ei]), |s| {
        s.permanent_staff = Some(2);
        s.insertion_staff = Some(8);
    });
    let scop = with(supplier(&[K::Scop]), |s| {
        s.permanent_staff = Some(10);
        s.insertion_staff = Some(0);
    });
    let case = |name, supplier, criterion, threshold, documents, expected, mentions| Case {
        name,
        supplier,
        offer: None,
        criterion,
        threshold,
        documents,
        expected,
        mentions,
    };
    vec![
        case(
            "ESAT à 80 % de travailleurs handicapés",
            esat.clone(),
            C::ReservedHandicap,
            percent(50),
            vec![ok(E::HandicapAttestation)],
            V::Met,
            &["L2113-12", "80 %", "ESAT"],
        ),
        case(
            "EA sous le seuil",
            with(supplier(&[K::Ea]), |s| s.disabled_share = Some(40.0)),
            C::ReservedHandicap,
            percent(50),
            vec![ok(E::HandicapAttestation)],
            V::NotMet,
            &["L2113-12", "40 %", "seuil de 50 %"],
        ),
        case(
            "ESAT sans part déclarée",
            supplier(&[K::Esat]),
            C::ReservedHandicap,
            percent(50),
            vec![ok(E::HandicapAttestation)],
            V::Unknown,
            &["n'est pas déclarée"],
        ),
        case(
            "ESAT sans attestation au dossier",
            esat.clone(),
            C::ReservedHandicap,
            percent(50),
            vec![],
            V::Unknown,
            &["il manque la pièce", "L2113-12"],
        ),
        case(
            "ESAT à l'attestation expirée",
            esat.clone(),
            C::ReservedHandicap,
            percent(50),
            vec![doc(E::HandicapAttestation, Some("2025-12-31"), Review::Accepted)],
            V::Expired,
            &["n'est plus valide"],
        ),
        case(
            "ESAT à l'attestation refusée",
            esat.clone(),
            C::ReservedHandicap,
            percent(50),
            vec![doc(E::HandicapAttestation, None, Review::Rejected)],
            V::Unknown,
            &["il manque la pièce"],
        ),
        case(
            "association à 90 % de handicapés, ni EA ni ESAT",
            with(supplier(&[K::Asso]), |s| s.disabled_share = Some(90.0)),
            C::ReservedHandicap,
            percent(50),
            vec![],
            V::NotMet,
            &["ni une entreprise adaptée ni un ESAT"],
        ),
        case(
            "EI conventionnée à 80 % d'insertion",
            ei.clone(),
            C::ReservedInsertion,
            percent(50),
            vec![ok(E::SiaeAgreement)],
            V::Met,
            &["L2113-13", "80 %", "EI"],
        ),
        case(
            "SCOP qui n'est pas une SIAE",
            scop.clone(),
            C::ReservedInsertion,
            percent(50),
            vec![],
            V::NotMet,
            &["L2113-13", "n'est pas une structure d'insertion"],
        ),
        case(
            "ACI à 30 % d'insertion",
            with(supplier(&[K::Aci]), |s| {
                s.permanent_staff = Some(7);
                s.insertion_staff = Some(3);
            }),
            C::ReservedInsertion,
            percent(50),
            vec![ok(E::SiaeAgreement)],
            V::NotMet,
            &["30 %"],
        ),
        case(
            "réservation conjointe : un ESAT",
            esat.clone(),
            C::ReservedJoint,
            percent(50),
            vec![ok(E::HandicapAttestation)],
            V::Met,
            &["L2113-12 et L2113-13", "ESAT"],
        ),
        case(
            "réservation conjointe : une EI",
            ei.clone(),
            C::ReservedJoint,
            percent(50),
            vec![ok(E::SiaeAgreement)],
            V::Met,
            &["L2113-13", "EI"],
        ),
        case(
            "réservation conjointe : une SCOP",
            scop.clone(),
            C::ReservedJoint,
            percent(50),
            vec![],
            V::NotMet,
            &["ni les conditions du handicap ni celles de l'insertion"],
        ),
        case(
            "travail pénitentiaire à 60 %",
            with(supplier(&[K::Asso]), |s| s.detainee_share = Some(60.0)),
            C::ReservedPrison,
            percent(50),
            vec![ok(E::PrisonAgreement)],
            V::Met,
            &["L2113-13-1", "60 %"],
        ),
        case(
            "agrément ESUS de 2020 expiré",
            with(supplier(&[K::Scop]), |s| s.esus_agreed_on = Some("2020-03-01".into())),
            C::EsusAgreement,
            T::None,
            vec![ok(E::EsusDecision)],
            V::Expired,
            &["L3332-17-1", "01/03/2025"],
        ),
        case(
            "agrément ESUS de 2023 valide",
            with(supplier(&[K::Scop]), |s| s.esus_agreed_on = Some("2023-01-15".into())),
            C::EsusAgreement,
            T::None,
            vec![ok(E::EsusDecision)],
            V::Met,
            &["15/01/2028"],
        ),
        case(
            "agrément ESUS de plein droit d'une EI",
            ei.clone(),
            C::EsusAgreement,
            T::None,
            vec![],
            V::Met,
            &["de plein droit"],
        ),
        case(
            "SCOP sans agrément ESUS",
            scop.clone(),
            C::EsusAgreement,
            T::None,
            vec![],
            V::NotMet,
            &["ne déclare pas d'agrément ESUS"],
        ),
        case(
            "label Fairtrade valide",
            with(supplier(&[K::Scop]), |s| {
                s.labels = vec![label("fairtrade", "Fairtrade / Max Havelaar", "2027-06-30")]
            }),
            C::FairTrade,
            T::None,
            vec![ok(E::LabelCertificate)],
            V::Met,
            &["loi 2005-882", "Fairtrade"],
        ),
        case(
            "label Fairtrade expiré",
            with(supplier(&[K::Scop]), |s| {
                s.labels = vec![label("fairtrade", "Fairtrade / Max Havelaar", "2025-06-30")]
            }),
            C::FairTrade,
            T::None,
            vec![ok(E::LabelCertificate)],
            V::Expired,
            &["n'est plus valide"],
        ),
        case(
            "RGE n'est pas un label équitable",
            with(supplier(&[K::Scop]), |s| s.labels = vec![label("rge", "RGE", "2027-06-30")]),
            C::FairTrade,
            T::None,
            vec![ok(E::LabelCertificate)],
            V::NotMet,
            &["aucun label de commerce équitable"],
        ),
        case(
            "label RGE demandé et détenu",
            with(supplier(&[K::Scop]), |s| s.labels = vec![label("rge", "RGE", "2027-06-30")]),
            C::NamedLabels,
            T::Labels { codes: vec!["rge".into(), "qualibat".into()] },
            vec![ok(E::LabelCertificate)],
            V::Met,
            &["R2111-12", "RGE"],
        ),
        case(
            "clause de 833 h, capacité de 1 000 h",
            with(supplier(&[K::Ei]), |s| s.insertion_hours_capacity = Some(1000)),
            C::InsertionClause,
            hours(),
            vec![],
            V::Met,
            &["L2112-2", "833 h"],
        ),
        case(
            "clause de 833 h, capacité de 500 h",
            with(supplier(&[K::Ei]), |s| s.insertion_hours_capacity = Some(500)),
            C::InsertionClause,
            hours(),
            vec![],
            V::NotMet,
            &["500 h", "833 h"],
        ),
        case(
            "clause sans capacité déclarée",
            supplier(&[K::Ei]),
            C::InsertionClause,
            hours(),
            vec![],
            V::Unknown,
            &["ne déclare pas sa capacité"],
        ),
        case(
            "ancrage local par commune",
            with(supplier(&[K::Asso]), |s| {
                s.commune_insee = Some("38151".into());
                s.commune_name = Some("Échirolles".into());
            }),
            C::LocalReach,
            T::Place { communes: vec!["38151".into(), "38185".into()], km: None, origin: None },
            vec![],
            V::Met,
            &["Échirolles"],
        ),
        case(
            "ancrage local dans le rayon",
            with(supplier(&[K::Asso]), |s| {
                s.commune_insee = Some("38545".into());
                s.commune_name = Some("Vizille".into());
                s.coordinates = Some((45.0776, 5.7703));
            }),
            C::LocalReach,
            T::Place { communes: vec![], km: Some(20), origin: Some("38185".into()) },
            vec![],
            V::Met,
            &["Vizille", "km de Grenoble"],
        ),
        case(
            "ancrage local hors du rayon (Lyon)",
            with(supplier(&[K::Asso]), |s| {
                s.commune_insee = Some("69123".into());
                s.commune_name = Some("Lyon".into());
                s.coordinates = Some((45.7640, 4.8357));
            }),
            C::LocalReach,
            T::Place { communes: vec![], km: Some(20), origin: Some("38185".into()) },
            vec![],
            V::NotMet,
            &["au-delà de 20 km"],
        ),
        case(
            "gouvernance d'une SCIC",
            supplier(&[K::Scic]),
            C::DemocraticGovernance,
            T::None,
            vec![ok(E::Statutes)],
            V::Met,
            &["loi 2014-856", "SCIC"],
        ),
        case(
            "gouvernance d'une EI en SAS",
            with(supplier(&[K::Ei]), |s| s.legal_form = Some("SAS".into())),
            C::DemocraticGovernance,
            T::None,
            vec![ok(E::Statutes)],
            V::NotMet,
            &["SAS"],
        ),
        case(
            "part d'insertion de 20 % pour 30 % demandés",
            with(supplier(&[K::Asso]), |s| {
                s.permanent_staff = Some(8);
                s.insertion_staff = Some(2);
            }),
            C::InsertionShare,
            percent(30),
            vec![],
            V::NotMet,
            &["L5132-1", "20 %"],
        ),
        case(
            "service social réservé à l'ESS",
            with(supplier(&[K::Asso]), |s| s.cpv = vec![Cpv::parse("85311000").expect("cpv")]),
            C::ReservedEss,
            T::None,
            vec![ok(E::Statutes)],
            V::Met,
            &["L2113-15", "85311000"],
        ),
        case(
            "espaces verts non réservables à l'ESS",
            with(supplier(&[K::Asso]), |s| s.cpv = vec![Cpv::parse("77310000").expect("cpv")]),
            C::ReservedEss,
            T::None,
            vec![ok(E::Statutes)],
            V::NotMet,
            &["ne relèvent pas"],
        ),
    ]
}

#[test]
fn every_legal_case_gets_its_verdict_and_explains_it() {
    let cases = cases();
    assert!(cases.len() >= 20);
    for case in cases {
        let requirements = Requirements::new(
            vec![ProfileItem {
                criterion: case.criterion,
                requirement: Requirement::Mandatory,
                threshold: case.threshold,
            }],
            Scope::default(),
        )
        .expect("valid profile");
        let evaluation = evaluate(
            &requirements,
            &case.supplier,
            case.offer.as_ref(),
            Evidence::OnFile(&case.documents),
            TODAY,
        );
        let result = &evaluation.results[0];
        assert_eq!(result.verdict, case.expected, "{}: {}", case.name, result.explanation);
        for words in case.mentions {
            assert!(
                result.explanation.contains(words),
                "{}: « {words} » missing from « {} »",
                case.name,
                result.explanation
            );
        }
        assert!(result.explanation.ends_with('.'), "{}", result.explanation);
    }
}

fn weighted(criterion: C, weight: u8) -> ProfileItem {
    ProfileItem { criterion, requirement: Requirement::Weighted { weight }, threshold: T::None }
}

#[test]
fn weighted_criteria_give_a_score_without_changing_compliance() {
    let supplier = with(supplier(&[K::Scop]), |s| s.esus_agreed_on = Some("2024-05-01".into()));
    let requirements = Requirements::new(
        vec![
            weighted(C::EsusAgreement, 3),
            weighted(C::FairTrade, 2),
            weighted(C::DemocraticGovernance, 1),
        ],
        Scope::default(),
    )
    .expect("valid");
    let evaluation = evaluate(&requirements, &supplier, None, Evidence::Declared, TODAY);
    // ESUS (3) and governance (1) met, fair trade (2) not: 4 / 6.
    assert_eq!(evaluation.score, Some(67));
    assert_eq!(evaluation.overall, Overall::Compliant);
}

#[test]
fn the_overall_verdict_follows_the_mandatory_criteria() {
    let esat = with(supplier(&[K::Esat]), |s| s.disabled_share = Some(80.0));
    let requirements = Requirements::new(
        vec![
            ProfileItem {
                criterion: C::ReservedHandicap,
                requirement: Requirement::Mandatory,
                threshold: percent(50),
            },
            weighted(C::FairTrade, 1),
        ],
        Scope::default(),
    )
    .expect("valid");
    let missing = evaluate(&requirements, &esat, None, Evidence::OnFile(&[]), TODAY);
    assert_eq!(missing.overall, Overall::Incomplete);
    let documents = [ok(E::HandicapAttestation)];
    let complete = evaluate(&requirements, &esat, None, Evidence::OnFile(&documents), TODAY);
    assert_eq!(complete.overall, Overall::Compliant);
    assert_eq!(complete.score, Some(0));
    let ea = with(supplier(&[K::Ea]), |s| s.disabled_share = Some(30.0));
    assert_eq!(
        evaluate(&requirements, &ea, None, Evidence::OnFile(&documents), TODAY).overall,
        Overall::NonCompliant
    );
    // The catalogue's filter takes declared facts at their word.
    assert!(satisfies(&requirements, &esat, None, TODAY));
    assert!(!satisfies(&requirements, &ea, None, TODAY));
}

#[test]
fn an_offer_outside_the_scope_is_out_of_scope() {
    let esat = with(supplier(&[K::Esat]), |s| s.disabled_share = Some(80.0));
    let requirements = Requirements::new(
        vec![ProfileItem {
            criterion: C::ReservedHandicap,
            requirement: Requirement::Mandatory,
            threshold: percent(50),
        }],
        Scope { cpv_divisions: vec!["45".into()], communes: vec![] },
    )
    .expect("valid");
    let gardening =
        OfferFacts { title: "Tonte".into(), cpv: vec![Cpv::parse("77310000").expect("cpv")] };
    let building =
        OfferFacts { title: "Maçonnerie".into(), cpv: vec![Cpv::parse("45262500").expect("cpv")] };
    let evaluation = evaluate(&requirements, &esat, Some(&gardening), Evidence::Declared, TODAY);
    assert_eq!(evaluation.overall, Overall::OutOfScope);
    assert!(evaluation.scope_note.expect("note").contains("45"));
    assert_eq!(
        evaluate(&requirements, &esat, Some(&building), Evidence::Declared, TODAY).overall,
        Overall::Compliant
    );
    assert!(!satisfies(&requirements, &esat, Some(&gardening), TODAY));
}

#[test]
fn profiles_are_checked_when_built() {
    let item = |criterion, threshold| ProfileItem {
        criterion,
        requirement: Requirement::Mandatory,
        threshold,
    };
    assert!(Requirements::new(vec![], Scope::default()).is_err());
    let twice = vec![item(C::FairTrade, T::None), item(C::FairTrade, T::None)];
    assert!(Requirements::new(twice, Scope::default()).expect_err("twice").contains("deux fois"));
    let wrong_kind = vec![item(C::ReservedHandicap, T::None)];
    assert!(Requirements::new(wrong_kind, Scope::default()).is_err());
    let no_place = vec![item(C::LocalReach, T::Place { communes: vec![], km: None, origin: None })];
    assert!(Requirements::new(no_place, Scope::default()).is_err());
}
