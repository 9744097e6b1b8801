//! Records of each shape read into contracts; every bad field named.

use serde_json::{Value, json};

use super::record::{self, contract, items};
use crate::domain::{needs::SocialConsideration, watch::environment::EnvironmentalConsideration};

fn v2() -> Value {
    json!({
        "id": "2025-014", "acheteur": {"id": "21380185500015"}, "nature": "Marché",
        "objet": "Entretien des espaces verts", "codeCPV": "77310000-6",
        "procedure": "Procédure adaptée",
        "lieuExecution": {"code": "38185", "typeCode": "Code commune"},
        "dureeMois": 24, "dateNotification": "2025-03-14", "montant": 48250.5,
        "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": "73282932000074"}},
                       {"titulaire": {"typeIdentifiant": "SIRET", "id": "55204599900869"}}],
        "considerationsSociales": {"considerationSociale": ["Critère social", "Clause sociale"]},
        "considerationsEnvironnementales": {"considerationEnvironnementale": ["Clause environnementale"]},
        "modifications": [
            {"modification": {"id": 2, "dateNotificationModification": "2025-09-01",
              "datePublicationDonneesModification": "2025-09-02", "montant": 60000}},
            {"modification": {"id": 1, "dateNotificationModification": "2025-06-01",
              "datePublicationDonneesModification": "2025-06-02", "montant": 55000, "dureeMois": 30}}
        ]
    })
}

#[test]
fn a_v2_record_with_its_modifications_in_date_order() {
    let c = contract(&v2()).expect("readable");
    assert_eq!((c.id.as_str(), c.buyer.as_str()), ("2025-014", "21380185500015"));
    assert_eq!(c.amount_cents, 6_000_000, "the last modification by date, not by rank");
    assert_eq!(c.duration_months, Some(30));
    assert_eq!(c.notified_on.iso(), "2025-03-14", "the contract keeps its own day");
    assert_eq!(c.holder.id.as_ref().and_then(|h| h.siret()), Some("73282932000074"));
    assert_eq!(c.social, [SocialConsideration::Clause, SocialConsideration::Criterion]);
    assert_eq!(c.environmental, [EnvironmentalConsideration::Clause]);
    assert_eq!(c.place.as_ref().map(|p| (p.kind, p.in_metropole())), Some(("commune", true)));
}

#[test]
fn the_older_flat_shape_and_the_xml_shape() {
    let flat = json!({
        "id": "F1", "acheteur": {"id": "21380185500015", "nom": "Ville d'Échirolles"},
        "codeCPV": "90911200", "dateNotification": "2021-02-01", "montant": "1200.00",
        "titulaires": [{"id": "732829320", "typeIdentifiant": "SIRET", "denominationSociale": "Régie"}],
        "considerationsSociales": ["Marché réservé"],
        "lieuExecution": {"code": "38400", "typeCode": "Code postal", "nom": "SMH"}
    });
    let c = contract(&flat).expect("flat");
    assert_eq!((c.amount_cents, c.holder.name.as_str()), (120_000, "Régie"));
    assert_eq!(c.holder.id.as_ref().map(|h| h.siren()), Some("732829320"));
    assert_eq!(c.social, [SocialConsideration::Reserved]);
    assert_eq!(c.buyer_name.as_deref(), Some("Ville d'Échirolles"));
    // The XML reader gives lone children and text.
    let xml = json!({
        "id": "X1", "acheteur": {"id": "21380185500015"}, "codeCPV": "45000000-7",
        "dateNotification": "2024-05-15", "montant": "575000",
        "titulaires": {"titulaire": {"id": "55204599900869", "typeIdentifiant": "SIRET"}},
        "considerationsSociales": {"considerationSociale": "Pas de considération sociale"},
        "modifications": {"modification": {"id": "1", "dateNotificationModification": "2024-12-01",
            "montant": "600000.10", "titulaires": {"titulaire": {"id": "FR123", "typeIdentifiant": "TVA"}}}}
    });
    let c = contract(&xml).expect("xml");
    assert_eq!(c.amount_cents, 60_000_010);
    assert_eq!((c.holder.id.clone(), c.holder.name.as_str()), (None, "TVA FR123"));
    assert_eq!(c.social, [SocialConsideration::None]);
}

#[test]
fn every_bad_field_is_named() {
    let bad = json!({
        "acheteur": {"id": "21380185500016"}, "codeCPV": "4500", "montant": -3,
        "dateNotification": "2025-02-30", "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": "73282932000075"}}],
        "considerationsSociales": {"considerationSociale": ["Peut-être"]},
        "modifications": [{"modification": {"id": 1}}]
    });
    let errors = contract(&bad).expect_err("bad");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "id",
            "acheteur.id",
            "codeCPV",
            "montant",
            "dateNotification",
            "considerationsSociales",
            "titulaires.id",
            "modifications[1].dateNotificationModification"
        ]
    );
    assert!(errors[3].message.contains("négatif"), "{errors:?}");
    let zero = json!({"id": "Z", "acheteur": {"id": "21380185500015"}, "codeCPV": "45000000",
        "montant": 0, "dateNotification": "2025-01-01", "titulaires": []});
    let errors = contract(&zero).expect_err("zero");
    assert_eq!(
        errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        ["montant", "titulaires"]
    );
    assert!(contract(&json!("texte")).is_err());
}

#[test]
fn lists_are_found_whichever_way_they_nest() {
    let nested = json!([{"t": 1}, {"t": 2}]);
    assert_eq!(items(Some(&nested), "t"), [&json!(1), &json!(2)]);
    assert_eq!(items(Some(&json!({"t": [1, 2]})), "t"), [&json!(1), &json!(2)]);
    assert_eq!(items(Some(&json!(["a"])), "t"), [&json!("a")]);
    assert_eq!(items(Some(&json!("a")), "t"), [&json!("a")]);
    assert!(items(None, "t").is_empty());
    let (buyer, place) = record::screen(&v2());
    assert_eq!(buyer.as_deref(), Some("21380185500015"));
    assert!(place.is_some_and(|p| p.in_metropole()));
    assert_eq!(
        record::amount(&json!(0.1 + 0.2)),
        Err("Le montant HT d'un marché est d'au moins 1 € (DECP).".into())
    );
    assert_eq!(record::amount(&json!(1234.56)), Ok(123_456));
}
