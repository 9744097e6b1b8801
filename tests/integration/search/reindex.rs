use app::{clock::Clock, db::search_outbox, services::directory::demo};
use tests::spawn_app;

/// `server reindex` asks the running server to rebuild into new indexes and swap them in;
/// edits made meanwhile all reach the swapped indexes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reindex_during_edits_keeps_every_edit() {
    let app = spawn_app().await;
    demo::seed(&app.state.db, 7, 60, 600, app.clock.now_ms()).await.expect("seed");
    assert!(app.search_caught_up().await);
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie Teisseire", "regie@exemple.fr", &animator).await;

    search_outbox::request_rebuild(&app.state.db, "now").await.expect("ask");
    let mut edited = Vec::new();
    for n in 0..6 {
        let id =
            app.create_offer(&supplier, &format!("Prestation pendant la reconstruction {n}")).await;
        app.call_ok(
            &supplier.client,
            "offer-status",
            &[("offer_id", &id), ("status", "published")],
        )
        .await;
        edited.push(id);
    }
    let rebuilt = tests::eventually(60, async || {
        search_outbox::rebuild_report(&app.state.db, "now").await.is_ok_and(|d| d.is_some())
    })
    .await;
    assert!(rebuilt, "the server rebuilt the indexes");
    assert!(app.search_caught_up().await);

    let db = tests::pool(&app.database_url).await;
    let public: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM offers o JOIN structures s ON s.id = o.structure_id \
         WHERE o.status = 'published' AND s.status = 'published'",
    )
    .fetch_one(&db)
    .await
    .expect("count");
    let stats = app
        .state
        .search
        .client()
        .index(app.state.search.index_name("offers"))
        .get_stats()
        .await
        .expect("stats");
    assert_eq!(
        stats.number_of_documents as i64, public,
        "the swapped index holds every public offer"
    );
    let found = app.indexed("offers", "reconstruction").await;
    for id in &edited {
        assert!(found.contains(id), "the edit {id} reached the new index");
    }
}

/// A backlog (a bulk import, a long outage) is caught up by one full rebuild rather than
/// entry by entry; the index then holds every public item.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_backlog_is_caught_up_by_a_rebuild() {
    let app = spawn_app().await;
    let (structures, offers) =
        demo::seed(&app.state.db, 11, 250, 2500, app.clock.now_ms()).await.expect("seed");
    assert!(app.search_caught_up().await);
    let done = search_outbox::state(&app.state.db, "reindex_done").await.expect("state");
    assert!(
        done.as_deref().is_some_and(|d| d.starts_with("catch-up-")),
        "a catch-up rebuild ran: {done:?}"
    );
    let index = |name: &str| app.state.search.client().index(app.state.search.index_name(name));
    let indexed_offers = index("offers").get_stats().await.expect("stats").number_of_documents;
    let indexed_structures =
        index("structures").get_stats().await.expect("stats").number_of_documents;
    assert_eq!((indexed_structures, indexed_offers), (structures, offers));
}
