//! Bad input into the imports (issue « hardening »): files that proptest spoils in one cell
//! each — a SIRET whose digit changed, an amount that is no amount, a place that is no
//! commune, garbage in a free field — are refused with their errors in French, and nothing
//! is stored, on the real database. The parsers' own properties (any input, no panic) are
//! unit tests in the app crate (`domain::properties`, `services::watch::decp::properties`).
//!
//! Cases are drawn from a fixed seed without shrinking: each one costs a round trip to the
//! database, and a failure prints the case.

use app::clock::Clock;
use proptest::{
    prelude::*,
    strategy::ValueTree,
    test_runner::{Config, TestRunner},
};
use serde_json::Value;
use tests::{
    count,
    decp::{Contract, ECHIROLLES, v2_json},
    purchases_csv, spawn_app, spawn_app_with,
};

const CASES: usize = 6;

/// `CASES` values of `strategy`, the same on every run.
fn cases<S: Strategy>(strategy: S) -> Vec<S::Value> {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    (0..CASES).map(|_| strategy.new_tree(&mut runner).expect("a case").current()).collect()
}

/// Text a person may paste into a free field.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,60}", "[=+@\\-;,\"'\t]{0,10}[a-z ]{0,10}"]
}

const VALID_SIRETS: [&str; 3] = ["73282932000074", "55204599900869", "21380185500015"];

/// A SIRET with one digit changed: the Luhn check always catches it.
fn spoiled_siret(siret: &str, at: usize, by: u8) -> String {
    let mut digits = siret.as_bytes().to_vec();
    digits[at] = b'0' + (digits[at] - b'0' + by) % 10;
    String::from_utf8(digits).expect("digits")
}

fn csv_of(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("a row");
    }
    String::from_utf8(writer.into_inner().expect("CSV")).expect("UTF-8")
}

#[derive(Debug, Clone)]
enum Spoil {
    Siret { at: usize, by: u8 },
    Commune(String),
    Kind(String),
}

#[tokio::test]
async fn a_spoiled_directory_file_stores_nothing() {
    let app = spawn_app().await;
    let spoil = prop_oneof![
        (0usize..14, 1u8..10).prop_map(|(at, by)| Spoil::Siret { at, by }),
        "[A-Z]{1,5}|[0-9]{6,9}".prop_map(Spoil::Commune),
        "[QWXZ]{4,6}".prop_map(Spoil::Kind),
    ];
    for (row, spoil, text) in cases((0usize..3, spoil, garbage())) {
        let mut rows = vec![
            ["siret", "nom", "typologie", "code_insee", "courriel", "presentation_detail"]
                .map(str::to_owned)
                .to_vec(),
        ];
        for (i, siret) in VALID_SIRETS.iter().enumerate() {
            rows.push(vec![
                (*siret).to_owned(),
                format!("Structure {i}"),
                "ASSO".to_owned(),
                "38185".to_owned(),
                format!("s{i}@exemple.fr"),
                if i == row { text.clone() } else { "Chantier".to_owned() },
            ]);
        }
        let cells = &mut rows[row + 1];
        match &spoil {
            Spoil::Siret { at, by } => cells[0] = spoiled_siret(&cells[0], *at, *by),
            Spoil::Commune(code) => cells[3] = code.clone(),
            Spoil::Kind(kind) => cells[2] = kind.clone(),
        }
        let file = csv_of(&rows);
        let report = app::services::directory::import::import(
            &app.state.db,
            app.clock.now_ms(),
            Some(&file),
            None,
            false,
            "test",
        )
        .await
        .expect("read");
        assert!(!report.stored && !report.errors.is_empty(), "{spoil:?} {file}\n{report}");
        assert!(
            report.errors.iter().all(|e| e.line == row + 2 && !e.message.trim().is_empty()),
            "the errors are on the spoiled line ({}): {report}",
            row + 2
        );
        assert!(report.to_string().contains("rien n'a été importé"), "{report}");
        assert_eq!(count(&app.database_url, "structures").await, 0, "{spoil:?}");
    }
}

#[tokio::test]
async fn a_spoiled_decp_file_stores_nothing() {
    let app = spawn_app_with(|s| s.watch.decp_buyers = vec![ECHIROLLES.to_owned()]).await;
    let spoil = prop_oneof![
        "[a-z ]{1,12}".prop_map(Value::String),
        (-1_000_000i64..0).prop_map(Value::from),
        Just(Value::Null),
        Just(serde_json::json!({"montant": 12})),
    ];
    for (at, amount) in cases((0usize..3, spoil)) {
        let contracts: Vec<Contract> = (0..3)
            .map(|i| Contract::new(&format!("C-{i}"), ECHIROLLES, 1_000.0, VALID_SIRETS[i]))
            .collect();
        let mut file: Value = serde_json::from_slice(&v2_json(&contracts, 0)).expect("JSON");
        file["marches"]["marche"][at]["montant"] = amount.clone();
        let bytes = serde_json::to_vec(&file).expect("JSON");
        let report = app.import_decp(bytes, false).await;
        // `added` counts what the file would add; refused, nothing is.
        assert!(report.error_count > 0 && !report.is_ok(), "{amount}: {:?}", report.errors);
        assert!(report.error_lines().iter().all(|l| !l.trim().is_empty()));
        assert_eq!(count(&app.database_url, "purchases").await, 0, "{amount}");
    }
}

#[tokio::test]
async fn a_spoiled_purchases_file_stores_nothing() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    let amount =
        prop_oneof!["-[1-9][0-9]{0,4}", "[a-z]{1,8}", "1[0-9]{20}", "[0-9]+,[0-9]+,[0-9]+"];
    for (n, (line, spoiled)) in cases((1usize..20, amount)).into_iter().enumerate() {
        let text = String::from_utf8(purchases_csv(20, n as u64)).expect("UTF-8");
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut cells: Vec<String> = lines[line].split(';').map(str::to_owned).collect();
        cells[2] = spoiled.clone();
        lines[line] = cells.join(";");
        let file = lines.join("\n").into_bytes();
        let id = app.pending_import(&buyer, &format!("achats-{n}.csv"), file).await;
        let refused = app.confirm_import(&buyer.client, &id).await;
        let message = refused["Invalid"][0][1].as_str().unwrap_or_default();
        assert!(message.contains("rien n'a été importé"), "{spoiled:?} on line {line}: {refused}");
        assert_eq!(count(&app.database_url, "purchases").await, 0, "{spoiled:?}");
    }
}
