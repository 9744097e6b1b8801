//! `server seed-demo` imports a DECP file of the Métropole and communes, once, on a demo
//! database only: several years, social considerations, a modification, demo structures as
//! holders, a contract outside the territory and a concession left aside.

use app::services::watch::demo_decp;
use tests::spawn_app;

#[tokio::test]
async fn the_demo_has_public_contracts_of_the_territory() {
    let app = spawn_app().await;
    let now = {
        use app::clock::Clock;
        app.clock.now_ms()
    };
    assert_eq!(demo_decp::seed(&app.state.db, now).await.expect("seed"), 0, "not on real data");
    app::services::directory::demo::seed(&app.state.db, 7, 60, 120, now).await.expect("directory");
    assert_eq!(demo_decp::seed(&app.state.db, now).await.expect("seed"), 36);
    assert_eq!(demo_decp::seed(&app.state.db, now).await.expect("again"), 0, "once");

    let db = tests::pool(&app.database_url).await;
    let (years, matched, social, modified): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(DISTINCT purchased_year), \
         SUM(CASE WHEN structure_id IS NOT NULL THEN 1 ELSE 0 END), \
         SUM(CASE WHEN social_considerations <> 'none' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN duration_months = 36 AND external_id LIKE '%-004' THEN 1 ELSE 0 END) \
         FROM purchases WHERE source = 'decp'",
    )
    .fetch_one(&db)
    .await
    .expect("figures");
    assert_eq!(years, 3);
    assert!(matched >= 20, "demo structures hold contracts: {matched}");
    assert!(social >= 18, "{social}");
    assert_eq!(modified, 1, "the modification applied");
    let animator = app.animator("anim@pole.fr").await;
    let page = app.call_ok(&animator, "decp-imports", &[]).await;
    let import = &page["imports"][0];
    assert_eq!(
        (import["read"].as_i64(), import["outside"].as_i64()),
        (Some(37), Some(1)),
        "{page}"
    );
    assert_eq!(import["concessions"], 1);
}
