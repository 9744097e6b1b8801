//! `server seed-demo`'s ledger: several years, public and private buyers, social
//! considerations near the national proportions and growing, insertion hours asked and done,
//! suppliers matched to the demo directory and others not; seeded once; its public part
//! valid DECP; the demo supplier has clause contracts to declare hours for.

use app::services::{
    accounts::PasswordHashing,
    demo_accounts::{DEMO_PASSWORD, ensure},
    watch::demo_ledger,
};
use serde_json::Value;
use tests::spawn_app;

#[tokio::test]
async fn the_demo_ledger_looks_like_the_partnership() {
    let app = spawn_app().await;
    let now = {
        use app::clock::Clock;
        app.clock.now_ms()
    };
    let db = &app.state.db;
    assert_eq!(demo_ledger::seed(db, now).await.expect("seed"), 0, "not on real data");
    app::services::directory::demo::seed(db, 7, 60, 120, now).await.expect("directory");
    ensure(db, &PasswordHashing::new(1).expect("hashing"), now).await.expect("accounts");
    let lines = demo_ledger::seed(db, now).await.expect("seed");
    assert!(lines > 3_000, "{lines} lines");
    assert_eq!(demo_ledger::seed(db, now).await.expect("again"), 0, "once");

    // Per year: lines, social share; buyers public and private.
    let years: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT purchased_year, COUNT(*), \
         SUM(CASE WHEN social_consideration <> 'none' THEN 1 ELSE 0 END) \
         FROM purchases GROUP BY purchased_year ORDER BY purchased_year",
    )
    .fetch_all(db)
    .await
    .expect("years");
    assert_eq!(years.first().map(|y| y.0), Some(demo_ledger::FIRST_YEAR), "{years:?}");
    assert!(years.len() >= 5, "{years:?}");
    let share = |y: &(i64, i64, i64)| y.2 as f64 / y.1 as f64;
    assert!((0.07..0.18).contains(&share(&years[0])), "2022: {years:?}");
    let last_full = &years[years.len() - 2];
    assert!(share(last_full) > share(&years[0]), "growing: {years:?}");
    assert!(share(last_full) < 0.3, "{years:?}");
    let kinds: Vec<(String, i64)> = sqlx::query_as(
        "SELECT buyer_kind, COUNT(DISTINCT buyer_name) FROM purchases GROUP BY buyer_kind \
         ORDER BY buyer_kind",
    )
    .fetch_all(db)
    .await
    .expect("buyers");
    assert!(kinds.iter().all(|(_, n)| *n >= 10), "dozens of buyers: {kinds:?}");
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    let (matched, unmatched, asked, done): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT SUM(CASE WHEN structure_id IS NOT NULL THEN 1 ELSE 0 END), \
         SUM(CASE WHEN structure_id IS NULL THEN 1 ELSE 0 END), \
         SUM(CASE WHEN insertion_hours > 0 THEN 1 ELSE 0 END), \
         SUM(CASE WHEN insertion_hours_done IS NOT NULL THEN 1 ELSE 0 END) FROM purchases",
    )
    .fetch_one(db)
    .await
    .expect("counts");
    assert!(matched > lines as i64 / 5 && unmatched > lines as i64 / 3, "{matched} {unmatched}");
    assert!(asked > 100 && done > asked / 3 && done < asked, "{asked} asked, {done} done");

    // The public part is valid DECP; the demo supplier declares hours.
    let text = app.get("/donnees/decp.json").await.text().await.expect("decp");
    let document: Value = serde_json::from_str(&text).expect("json");
    let schema: Value =
        serde_json::from_str(include_str!("../../fixtures/decp/schema_decp_v2.0.3.json"))
            .expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("schema");
    let errors: Vec<String> =
        validator.iter_errors(&document).take(5).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let contracts = document["marches"]["marche"].as_array().map_or(0, Vec::len);
    assert!(contracts > 1_000, "{contracts} contracts");

    let client = app.new_client();
    let form = [("email", "fournisseur@demo.ecossol.fr"), ("password", DEMO_PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &form).await, "SignedIn");
    let page = app.call_ok(&client, "insertion-hours", &[]).await;
    assert!(!page["contracts"].as_array().expect("contracts").is_empty(), "{page}");
}
