//! `server seed-demo` makes needs in every state on a demo database only; the demo supplier
//! meets the open one in its workspace, the buyers theirs, the animator a queue.

use app::services::{
    accounts::PasswordHashing,
    demo_accounts::{DEMO_PASSWORD, ensure},
    needs::demo,
};
use tests::spawn_app;

#[tokio::test]
async fn the_demo_has_needs_in_every_state_for_every_side() {
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

    let db = tests::pool(&app.database_url).await;
    let states: Vec<String> = sqlx::query_scalar("SELECT DISTINCT state FROM needs ORDER BY state")
        .fetch_all(&db)
        .await
        .expect("states");
    assert_eq!(states, ["awarded", "draft", "published", "refused", "returned", "submitted"]);
    // One purchase of a single buyer, two of the group purchase (one per member).
    assert_eq!(tests::count(&app.database_url, "purchases").await, 3);

    let sign_in = async |email: &str| {
        let client = app.new_client();
        let form = [("email", email), ("password", DEMO_PASSWORD)];
        assert_eq!(app.call_ok(&client, "login", &form).await, "SignedIn", "{email}");
        client
    };
    let supplier = sign_in("fournisseur@demo.ecossol.fr").await;
    let mine = app.call_ok(&supplier, "needs-mine", &[]).await;
    assert!(
        !mine["as_supplier"].as_array().expect("list").is_empty(),
        "the demo supplier is reached: {mine}"
    );
    let ville = sign_in("ville@demo.ecossol.fr").await;
    let mine = app.call_ok(&ville, "needs-mine", &[]).await;
    assert_eq!(mine["as_buyer"].as_array().map(Vec::len), Some(4), "{mine}");
    // The second company belongs to one group purchase gathering buyers and one awarded;
    // the town may join the open one.
    let second = sign_in("groupement@demo.ecossol.fr").await;
    let mine = app.call_ok(&second, "needs-mine", &[]).await;
    assert_eq!(mine["pooled"].as_array().map(Vec::len), Some(2), "{mine}");
    let mine = app.call_ok(&ville, "needs-mine", &[]).await;
    let pooled = mine["pooled"].as_array().expect("pooled").clone();
    assert_eq!(pooled.len(), 1, "{mine}");
    assert!(pooled[0]["state"].is_null(), "open to join: {mine}");
    let queue = app.call_ok(&sign_in("animation@demo.ecossol.fr").await, "needs-queue", &[]).await;
    assert_eq!(queue.as_array().map(Vec::len), Some(1), "{queue}");
    let open = app.call_ok(&app.new_client(), "needs-open", &[]).await;
    let open_id = open[0]["id"].as_str().expect("an open need").to_owned();
    let page = app.need(&ville, &open_id).await;
    assert_eq!(page["comparison"]["quotes"].as_array().map(Vec::len), Some(2), "{page}");
    // Its specification, a PDF anyone downloads.
    let file = page["files"][0]["id"].as_str().expect("a file");
    let pdf = app.get(&format!("/besoins/{open_id}/fichiers/{file}")).await;
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF-1.4"));
}
