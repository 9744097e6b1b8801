//! `server seed-demo`'s HQS part, made through the services by the demo accounts: buyers'
//! profiles, an officer's checks at each stage, three labels granted after the whole
//! procedure and a file waiting for the pôle; once, on a demo database only.

use app::{
    clock::Clock,
    domain::{hqs::check::CheckState, label::LabelState},
    services::{
        accounts::{PasswordHashing, acting_as},
        demo_accounts::ensure,
        hqs::{checks, demo},
        label,
    },
};
use tests::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_has_profiles_checks_in_progress_and_granted_labels() {
    let app = spawn_app().await;
    let state = &app.state;
    assert_eq!(demo::seed(state).await.expect("seed"), demo::Seeded::default(), "not on real data");
    let now = app.clock.now_ms();
    app::services::directory::demo::seed(&state.db, 7, 200, 400, now).await.expect("directory");
    ensure(&state.db, &PasswordHashing::new(1).expect("hashing"), now).await.expect("accounts");

    let made = demo::seed(state).await.expect("seed");
    let expected = demo::Seeded { profiles: 3, checks: 3, labels_granted: 3, labels_waiting: 1 };
    assert_eq!(made, expected);
    assert_eq!(demo::seed(state).await.expect("again"), demo::Seeded::default(), "once");

    let visitor = app.new_client();
    let registry = app.call_ok(&visitor, "label-registry", &[]).await;
    assert_eq!(registry.as_array().map(Vec::len), Some(3), "{registry}");
    let labelled = async || {
        app.call_ok(&visitor, "catalogue-search", &[("query", "cible=structures&hqs=tous")]).await["total"]
            == 3
    };
    assert!(tests::eventually(60, labelled).await, "the labels reach the search facet");

    let user = |email: &'static str| async move {
        let found = app::db::users::find_by_email(&state.db, email).await.expect("db");
        acting_as(state, &found.expect("account").id).await.expect("acting").expect("person")
    };
    let desk = label::view::desk(state, &user("animation@demo.ecossol.fr").await).await;
    let states: Vec<LabelState> = desk.expect("desk").into_iter().map(|f| f.state).collect();
    assert_eq!(states.iter().filter(|s| **s == LabelState::Submitted).count(), 1, "{states:?}");
    assert_eq!(states.iter().filter(|s| **s == LabelState::Granted).count(), 3, "{states:?}");

    let mine = checks::list(state, &user("acheteur@demo.ecossol.fr").await).await.expect("checks");
    let mut stages: Vec<CheckState> = mine.iter().map(|c| c.state).collect();
    stages.sort_by_key(|s| *s as u8);
    assert_eq!(stages, [CheckState::Draft, CheckState::AwaitingEvidence, CheckState::Decided]);

    let audit = app::services::audit::verify(&state.db).await.expect("verify");
    assert!(matches!(audit, app::services::audit::Verification::Intact { .. }), "{audit:?}");
    app.stop().await;
}
