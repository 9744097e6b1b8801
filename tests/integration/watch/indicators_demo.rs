//! `server seed-demo`'s ledger for the indicators: the pôle's dashboard shows figures.

use app::services::{accounts::PasswordHashing, demo_accounts::ensure, watch::indicators_demo};
use tests::spawn_app;

use super::indicators_ledger::dashboard;

#[tokio::test]
async fn the_demo_ledger_gives_the_pole_figures_that_are_not_secret() {
    let app = spawn_app().await;
    let now = {
        use app::clock::Clock;
        app.clock.now_ms()
    };
    assert_eq!(
        indicators_demo::seed(&app.state.db, now).await.expect("seed"),
        0,
        "not on real data"
    );
    app::services::directory::demo::seed(&app.state.db, 7, 60, 120, now).await.expect("directory");
    ensure(&app.state.db, &PasswordHashing::new(1).expect("hashing"), now).await.expect("accounts");
    assert!(indicators_demo::seed(&app.state.db, now).await.expect("seed") > 100);
    assert_eq!(indicators_demo::seed(&app.state.db, now).await.expect("again"), 0, "once");
    let animator = app.animator("anim@pole.fr").await;
    let d = dashboard(&app, &animator, "ventilation=type_acheteur").await;
    assert!(d["current"]["shares"]["social_by_count"].as_f64().is_some(), "{d}");
    assert!(d["current"]["ess"]["amount_cents"].as_i64().is_some_and(|a| a > 0), "{d}");
    assert!(d["trend"].as_array().is_some_and(|t| t.len() >= 3), "{d}");
}
