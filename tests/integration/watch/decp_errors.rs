//! Bad DECP files: each kind gives its French errors, with the record's rank, id and field,
//! and stores nothing (not even the records before the error).

use serde_json::json;
use tests::{
    count,
    decp::{Contract, METROPOLE, v2_json},
    spawn_app,
};

const REGIE: &str = "73282932000074";

async fn refused(app: &tests::TestApp, bytes: Vec<u8>) -> Vec<String> {
    let report = app.import_decp(bytes, false).await;
    assert!(!report.is_ok(), "refused");
    assert!(report.import_id.is_none());
    assert_eq!(count(&app.database_url, "purchases").await, 0, "nothing stored");
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0, "no import recorded");
    report.error_lines()
}

/// A v2 file whose second record is `record` (kept: carried out in Grenoble).
fn with_bad_second(record: serde_json::Value) -> Vec<u8> {
    let good = Contract::new("OK-1", METROPOLE, 100.0, REGIE).v2();
    serde_json::to_vec(&json!({"marches": {"marche": [good, record]}})).expect("json")
}

fn contract(change: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
    let mut record = Contract::new("BAD-2", METROPOLE, 100.0, REGIE).v2();
    change(&mut record);
    record
}

#[tokio::test]
async fn bad_records_are_named_by_rank_id_and_field() {
    let app = spawn_app().await;
    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (
            contract(|r| r["titulaires"][0]["titulaire"]["id"] = json!("73282932000075")),
            "champ titulaires.id",
            "n'existe pas",
        ),
        (contract(|r| r["acheteur"]["id"] = json!("2000407150001")), "champ acheteur.id", "14"),
        (contract(|r| r["montant"] = json!(-250)), "champ montant", "négatif"),
        (contract(|r| r["montant"] = json!(0)), "champ montant", "ni nul"),
        (
            contract(|r| r["dateNotification"] = json!("2025-02-30")),
            "champ dateNotification",
            "date",
        ),
        (
            contract(|r| {
                r.as_object_mut().expect("object").remove("codeCPV");
            }),
            "champ codeCPV",
            "obligatoire",
        ),
        (
            contract(|r| {
                r.as_object_mut().expect("object").remove("montant");
            }),
            "champ montant",
            "obligatoire",
        ),
    ];
    for (record, field, words) in cases {
        let errors = refused(&app, with_bad_second(record)).await;
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("Marché n° 2 (id « BAD-2 »)"), "{errors:?}");
        assert!(errors[0].contains(field) && errors[0].contains(words), "{field}: {errors:?}");
    }
    // Without an id, the rank still says which.
    let errors = refused(
        &app,
        with_bad_second(contract(|r| {
            r.as_object_mut().expect("object").remove("id");
        })),
    )
    .await;
    assert!(errors[0].starts_with("Marché n° 2, champ id"), "{errors:?}");
}

#[tokio::test]
async fn every_error_of_the_file_is_listed_up_to_a_cap() {
    let app = spawn_app().await;
    let bad: Vec<Contract> =
        (0..250).map(|i| Contract::new(&format!("N{i}"), METROPOLE, -1.0, REGIE)).collect();
    let report = app.import_decp(v2_json(&bad, 0), false).await;
    assert_eq!(report.error_count, 250);
    let lines = report.error_lines();
    assert_eq!(lines.len(), 201, "200 listed, then the count of the rest");
    assert!(lines[200].contains("50 autres erreurs"), "{}", lines[200]);
    assert!(report.lines().iter().any(|l| l.contains("rien n'a été importé")));
    assert_eq!(count(&app.database_url, "purchases").await, 0);
}

#[tokio::test]
async fn files_that_are_not_decp_are_refused_in_french() {
    let app = spawn_app().await;
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"id;montant\nA;12\n".to_vec(), "ni du JSON ni du XML"),
        (b"%PDF-1.4 ...".to_vec(), "ni du JSON ni du XML"),
        (b"{\"marches\": {\"marche\": [{\"id\": \"A\",".to_vec(), "incomplet"),
        (b"{\"marches\": {\"marche\": [}}".to_vec(), "pas du JSON valide"),
        (b"<marches><marche><id>A</marche></marches>".to_vec(), "pas du XML valide"),
        (b"<contrats/>".to_vec(), "<marches>"),
        (b"".to_vec(), "vide"),
        // « Régie » in Windows-1252, JSON and XML alike.
        (
            b"{\"marches\": {\"marche\": [{\"id\": \"A\", \"objet\": \"R\xe9gie\"}]}}".to_vec(),
            "UTF-8",
        ),
        (b"<marches><marche><objet>R\xe9gie</objet></marche></marches>".to_vec(), "UTF-8"),
        (b"\xFF\xFE<\0m\0".to_vec(), "UTF-8"),
    ];
    for (bytes, words) in cases {
        let errors = refused(&app, bytes).await;
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains(words), "{words}: {errors:?}");
    }
}
