//! `server seed-demo` imports a purchases file for the demo private buyer, once, on a demo
//! database only: its imports page and unmatched suppliers are not empty.

use app::services::{
    accounts::PasswordHashing,
    demo_accounts::{DEMO_PASSWORD, ensure},
    watch::demo,
};
use tests::spawn_app;

#[tokio::test]
async fn the_demo_private_buyer_has_an_imported_purchases_file() {
    let app = spawn_app().await;
    let now = {
        use app::clock::Clock;
        app.clock.now_ms()
    };
    assert_eq!(demo::seed(&app.state.db, now).await.expect("seed"), 0, "not on real data");
    app::services::directory::demo::seed(&app.state.db, 7, 60, 120, now).await.expect("directory");
    ensure(&app.state.db, &PasswordHashing::new(1).expect("hashing"), now).await.expect("accounts");
    assert_eq!(demo::seed(&app.state.db, now).await.expect("seed"), 8);
    assert_eq!(demo::seed(&app.state.db, now).await.expect("again"), 0, "once");

    let client = app.new_client();
    let form = [("email", "entreprise@demo.ecossol.fr"), ("password", DEMO_PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &form).await, "SignedIn");
    let list = app.call_ok(&client, "purchase-imports", &[]).await;
    let import = &list["imports"][0];
    assert_eq!(
        (import["state"].as_str(), import["line_count"].as_i64()),
        (Some("imported"), Some(8)),
        "{list}"
    );
    assert_eq!(import["matched_count"], 5, "the demo directory's structures: {list}");
    assert!(!list["may_import_for"].as_array().expect("choices").is_empty(), "a verified buyer");
    let unmatched = app.call_ok(&client, "unmatched-suppliers", &[]).await;
    assert_eq!(unmatched["suppliers"].as_array().map(Vec::len), Some(3), "{unmatched}");
    let page = client.get(app.url("/veille/imports")).send().await.expect("GET");
    assert!(page.text().await.expect("page").contains("achats-"), "the file is listed");
}
