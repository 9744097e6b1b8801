use secrecy::ExposeSecret;
use tests::{DedicatedMeili, spawn_app, spawn_app_with};

#[tokio::test]
async fn published_items_reach_the_index_and_leave_it_when_hidden() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.supplier("Les Jardins de Vif", "jardins@exemple.fr").await;
    app.complete_structure(&supplier, "Les Jardins de Vif").await;
    let offer = app.create_offer(&supplier, "Entretien de pelouses").await;
    app.call_ok(&supplier.client, "offer-status", &[("offer_id", &offer), ("status", "published")])
        .await;
    assert!(app.search_caught_up().await);
    assert!(app.indexed("structures", "").await.is_empty(), "a draft is not indexed");
    assert!(app.indexed("offers", "").await.is_empty(), "nor its offers");

    app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    app.step(&animator, &supplier.structure_id, "validate", "").await;
    assert!(app.search_caught_up().await);
    assert_eq!(app.indexed("structures", "jardins").await, vec![supplier.structure_id.clone()]);
    assert_eq!(app.indexed("offers", "pelouses").await, vec![offer.clone()]);
    // Typo-tolerant and French: a typo and a trade synonym find the offer.
    assert_eq!(app.indexed("offers", "pelouzes").await, vec![offer.clone()]);
    assert_eq!(app.indexed("structures", "jardinage").await, vec![supplier.structure_id.clone()]);

    // An edit is searchable by its new text.
    let mut pairs = tests::complete_profile("Les Jardins de Vif");
    pairs.push(("form[brand]".into(), "Verdure Solidaire".into()));
    pairs.push(("structure_id".into(), supplier.structure_id.clone()));
    app.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
    assert!(app.search_caught_up().await);
    assert_eq!(app.indexed("structures", "verdure").await, vec![supplier.structure_id.clone()]);

    // Suspended: the structure and its offers leave the index.
    app.step(&animator, &supplier.structure_id, "suspend", "Vérification").await;
    assert!(app.search_caught_up().await);
    assert!(app.indexed("structures", "").await.is_empty());
    assert!(app.indexed("offers", "").await.is_empty());
}

#[tokio::test]
async fn changes_made_while_meilisearch_is_down_all_reach_it_afterwards() {
    let mut meili = DedicatedMeili::start().await;
    let app = spawn_app_with(|settings| {
        settings.meili.url = Some(meili.info.url.clone());
        settings.meili.key = Some(meili.info.key.expose_secret().to_owned().into());
        settings.meili.timeout_ms = 1_000;
    })
    .await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie Teisseire", "regie@exemple.fr", &animator).await;
    assert!(app.search_caught_up().await);
    assert_eq!(app.indexed("structures", "").await.len(), 1);

    meili.kill().await;
    // People keep working: every write succeeds.
    let mut offers = Vec::new();
    for title in ["Nettoyage de bureaux", "Entretien de vitres", "Propreté des halls"] {
        let id = app.create_offer(&supplier, title).await;
        let published = app
            .call_ok(
                &supplier.client,
                "offer-status",
                &[("offer_id", &id), ("status", "published")],
            )
            .await;
        assert!(published["Done"].is_string(), "{published}");
        offers.push(id);
    }
    assert!(app::db::search_outbox::pending(&app.state.db).await.expect("count") > 0);

    meili.restart().await;
    assert!(app.search_caught_up().await, "the worker catches up");
    let mut indexed = app.indexed("offers", "").await;
    indexed.sort();
    offers.sort();
    assert_eq!(indexed, offers, "no change is lost");
}

/// Two app servers on one database (PostgreSQL in production, how Ecossol scales out): both
/// run a search worker on the same outbox, leases share the work, and the index ends right.
#[tokio::test]
async fn two_servers_share_one_outbox() {
    let first = spawn_app().await;
    let prefix = first.state.search.index_name("");
    let url = first.database_url.clone();
    let second = spawn_app_with(|settings| {
        settings.database.url = Some(url.into());
        settings.meili.index_prefix = prefix;
    })
    .await;
    let animator = first.animator("anim@pole.fr").await;
    let supplier = first.published_supplier("Régie Teisseire", "regie@exemple.fr", &animator).await;
    // The second server serves the same people: sessions live in the shared database.
    let mut offers = Vec::new();
    for n in 0..12 {
        let app = if n % 2 == 0 { &first } else { &second };
        let title = format!("Prestation numéro {n}");
        let id = app.create_offer(&supplier, &title).await;
        app.call_ok(
            &supplier.client,
            "offer-status",
            &[("offer_id", &id), ("status", "published")],
        )
        .await;
        offers.push(id);
    }
    assert!(first.search_caught_up().await);
    let mut indexed = second.indexed("offers", "").await;
    indexed.sort();
    offers.sort();
    assert_eq!(indexed, offers);
    second.stop().await;
}
