//! DECP open data into the ledger: both JSON shapes and the XML, kept by listed buyer or by
//! place in the Métropole, modifications applied, imported again without doubling, a dry
//! run storing nothing, holders matched to the directory.

use tests::{
    count,
    decp::{Contract, ECHIROLLES, METROPOLE, PARIS, flat_json, v2_json, xml},
    spawn_app_with,
};

/// A holder in the directory, and one that is not.
const REGIE: &str = "73282932000074";
const STRANGER: &str = "55204599900869";

async fn app_following_echirolles() -> tests::TestApp {
    spawn_app_with(|s| s.watch.decp_buyers = vec![ECHIROLLES.to_owned()]).await
}

#[tokio::test]
async fn contracts_are_kept_by_buyer_or_by_place_and_their_holders_matched() {
    let app = app_following_echirolles().await;
    let regie = app.directory_structure("Régie de quartier", REGIE, "rq").await;
    let contracts = [
        // The Métropole in Grenoble (commune code): kept by place.
        Contract::new("M-1", METROPOLE, 48_250.5, REGIE)
            .social(&["Clause sociale", "Critère social"]),
        // A listed buyer working in Lyon: kept by buyer.
        Contract::new("E-1", ECHIROLLES, 1_200.0, STRANGER).at("69001", "Code postal"),
        // Paris in Saint-Martin-d'Hères by postcode: kept by place.
        Contract::new("P-1", PARIS, 300.0, STRANGER).at("38400", "Code postal"),
        // Paris in Paris: left aside, even with a holder of the directory.
        Contract::new("P-2", PARIS, 999.0, REGIE).at("75056", "Code commune"),
        // Isère as a whole is not the Métropole.
        Contract::new("P-3", PARIS, 50.0, REGIE).at("38", "Code département"),
    ];
    let report = app.import_decp(v2_json(&contracts, 2), false).await;
    assert!(report.is_ok(), "{:?}", report.error_lines());
    assert_eq!(
        (report.read, report.kept, report.added, report.outside, report.concessions),
        (5, 3, 3, 2, 2)
    );
    assert_eq!((report.matched, report.total_cents), (1, 4_975_050));
    let rows = app.decp_rows().await;
    let ids: Vec<&str> = rows.iter().map(|r| r.external_id.as_str()).collect();
    assert_eq!(ids, ["E-1", "M-1", "P-1"]);
    let m1 = &rows[1];
    assert_eq!((m1.amount_cents, m1.structure_id.as_deref()), (4_825_050, Some(regie.as_str())));
    assert_eq!(m1.match_kind.as_deref(), Some("siret"));
    assert_eq!(m1.social_considerations, "clause criterion");
    assert_eq!(
        (m1.execution_place_kind.as_deref(), m1.execution_place_code.as_deref()),
        (Some("commune"), Some("38185"))
    );
    assert_eq!(m1.notified_on.as_deref(), Some("2025-03-14"));
    assert_eq!(rows[0].execution_place_code.as_deref(), Some("69001"));
    assert!(rows[2].structure_id.is_none(), "unmatched, counted all the same");

    // The import is recorded, its counts with it, and the unmatched holder is listed.
    let import: (String, String, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT source, format, line_count, decp_read, decp_outside, decp_concessions \
         FROM purchase_imports",
    )
    .fetch_one(&tests::pool(&app.database_url).await)
    .await
    .expect("import");
    assert_eq!(import, ("decp".into(), "json".into(), 3, 5, 2, 2));
    let animator = app.animator("anim@pole.fr").await;
    let unmatched = app.call_ok(&animator, "unmatched-suppliers", &[]).await;
    let keys: Vec<&str> = unmatched["suppliers"]
        .as_array()
        .map(|list| list.iter().filter_map(|s| s["key"].as_str()).collect())
        .unwrap_or_default();
    assert!(keys.contains(&STRANGER), "{unmatched}");
}

#[tokio::test]
async fn importing_again_updates_the_lines_and_modifications_change_the_amount() {
    let app = app_following_echirolles().await;
    let first = [
        Contract::new("M-1", METROPOLE, 10_000.0, REGIE),
        Contract::new("M-2", METROPOLE, 2_000.0, STRANGER),
    ];
    let report = app.import_decp(v2_json(&first, 0), false).await;
    assert_eq!((report.added, report.updated), (2, 0));

    // The same records again: nothing doubles.
    let report = app.import_decp(v2_json(&first, 0), false).await;
    assert_eq!((report.added, report.updated), (0, 2), "{:?}", report.error_lines());
    assert_eq!(count(&app.database_url, "purchases").await, 2);

    // A later file brings M-1 with two modifications (given out of order) and a new one.
    let later = [
        Contract::new("M-1", METROPOLE, 10_000.0, REGIE)
            .modified("2025-11-02", 14_000.0)
            .modified("2025-06-01", 12_500.0),
        Contract::new("M-3", METROPOLE, 700.0, STRANGER),
    ];
    let report = app.import_decp(v2_json(&later, 0), false).await;
    assert_eq!((report.added, report.updated), (1, 1));
    let rows = app.decp_rows().await;
    let amounts: Vec<(&str, i64)> =
        rows.iter().map(|r| (r.external_id.as_str(), r.amount_cents)).collect();
    assert_eq!(amounts, [("M-1", 1_400_000), ("M-2", 200_000), ("M-3", 70_000)]);
    assert_eq!(rows[0].notified_on.as_deref(), Some("2025-03-14"), "the contract's own day");

    // The same id of another buyer is another contract.
    let other = [Contract::new("M-1", ECHIROLLES, 5.0, STRANGER)];
    let report = app.import_decp(v2_json(&other, 0), false).await;
    assert_eq!((report.added, report.updated), (1, 0));
    assert_eq!(count(&app.database_url, "purchases").await, 4);

    // The first import lost all its lines to the later ones: marked replaced.
    let states: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, line_count FROM purchase_imports ORDER BY created_at, id")
            .fetch_all(&tests::pool(&app.database_url).await)
            .await
            .expect("imports");
    assert_eq!(states.iter().filter(|(s, _)| s == "imported").map(|(_, n)| n).sum::<i64>(), 4);
    assert!(states.iter().any(|(s, n)| s == "replaced" && *n == 0), "{states:?}");
}

#[tokio::test]
async fn the_flat_shape_and_the_xml_give_the_same_lines() {
    let app = app_following_echirolles().await;
    let contracts = [
        Contract::new("F-1", METROPOLE, 1_500.25, REGIE).social(&["Marché réservé"]),
        Contract::new("F-2", ECHIROLLES, 80.0, STRANGER).at("75056", "Code commune"),
    ];
    let report = app.import_decp(flat_json(&contracts), false).await;
    assert!(report.is_ok(), "{:?}", report.error_lines());
    let flat = app.decp_rows().await;
    assert_eq!(flat.len(), 2);
    assert_eq!(flat[0].social_considerations, "reserved");

    let xml_contracts: Vec<Contract> =
        contracts.iter().map(|c| Contract { id: format!("X{}", c.id), ..c.clone() }).collect();
    let report = app.import_decp(xml(&xml_contracts), false).await;
    assert!(report.is_ok(), "{:?}", report.error_lines());
    assert_eq!((report.read, report.kept), (2, 2));
    let rows = app.decp_rows().await;
    let pairs: Vec<(String, i64, String)> = rows
        .iter()
        .map(|r| (r.external_id.clone(), r.amount_cents, r.social_considerations.clone()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("F-1".into(), 150_025, "reserved".into()),
            ("F-2".into(), 8_000, "none".into()),
            ("XF-1".into(), 150_025, "reserved".into()),
            ("XF-2".into(), 8_000, "none".into()),
        ]
    );
    let format: String =
        sqlx::query_scalar("SELECT format FROM purchase_imports ORDER BY format DESC LIMIT 1")
            .fetch_one(&tests::pool(&app.database_url).await)
            .await
            .expect("format");
    assert_eq!(format, "xml");
}

#[tokio::test]
async fn a_dry_run_counts_and_stores_nothing() {
    let app = app_following_echirolles().await;
    let contracts = [Contract::new("M-1", METROPOLE, 10.0, REGIE)];
    let report = app.import_decp(v2_json(&contracts, 1), true).await;
    assert!(report.is_ok() && report.dry_run);
    assert_eq!((report.read, report.kept, report.added, report.concessions), (1, 1, 1, 1));
    assert!(report.lines().iter().any(|l| l.contains("Simulation")), "{:?}", report.lines());
    assert_eq!(count(&app.database_url, "purchases").await, 0);
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);
}
