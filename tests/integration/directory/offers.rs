use tests::{count, spawn_app};

#[tokio::test]
async fn only_published_offers_of_published_structures_are_public() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier =
        app.published_supplier("Les Jardins de Vif", "jardins@exemple.fr", &animator).await;
    let offer_id = app.create_offer(&supplier, "Entretien de pelouses").await;
    let slug = app.column("offers", "slug", &offer_id).await.expect("slug");
    let page = format!("/offres/{slug}");
    assert_eq!(app.get(&page).await.status(), 404, "a draft offer is not public");

    let published = app
        .call_ok(
            &supplier.client,
            "offer-status",
            &[("offer_id", &offer_id), ("status", "published")],
        )
        .await;
    assert!(published["Done"].is_string(), "{published}");
    let response = app.get(&page).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert!(html.contains("Entretien de pelouses") && html.contains("35,50 € HT"));
    assert!(html.contains("/structures/les-jardins-de-vif"), "links to its structure");
    let structure_page =
        app.get("/structures/les-jardins-de-vif").await.text().await.expect("body");
    assert!(
        structure_page.contains(&format!("/offres/{slug}")),
        "the structure links to its offer"
    );

    app.step(&animator, &supplier.structure_id, "suspend", "Vérification en cours").await;
    assert_eq!(app.get(&page).await.status(), 404, "hidden with its structure");
    app.step(&animator, &supplier.structure_id, "reinstate", "").await;
    assert_eq!(app.get(&page).await.status(), 200);

    app.call_ok(
        &supplier.client,
        "offer-status",
        &[("offer_id", &offer_id), ("status", "archived")],
    )
    .await;
    assert_eq!(app.get(&page).await.status(), 404, "an archived offer is not public");
}

#[tokio::test]
async fn a_wrong_offer_is_refused_field_by_field_and_stores_nothing() {
    let app = spawn_app().await;
    let supplier = app.supplier("Les Jardins de Vif", "jardins@exemple.fr").await;
    let outcome = app
        .call_ok(
            &supplier.client,
            "offer-create",
            &[
                ("structure_id", &supplier.structure_id),
                ("form[title]", ""),
                ("form[sector]", "astronautique"),
                ("form[service_kind]", "service"),
                ("form[price]", "12"),
                ("form[on_quote]", "on"),
            ],
        )
        .await;
    let errors = outcome["Invalid"].to_string();
    for message in ["Indiquez le titre", "n'est pas un secteur connu", "pas les deux"] {
        assert!(errors.contains(message), "{message} in {errors}");
    }
    assert_eq!(count(&app.database_url, "offers").await, 0);
}

#[tokio::test]
async fn a_reported_offer_reaches_the_moderation_queue() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier =
        app.published_supplier("Les Jardins de Vif", "jardins@exemple.fr", &animator).await;
    let offer_id = app.create_offer(&supplier, "Entretien de pelouses").await;
    app.call_ok(
        &supplier.client,
        "offer-status",
        &[("offer_id", &offer_id), ("status", "published")],
    )
    .await;

    let visitor = app
        .call(&app.new_client(), "offer-flag", &[("offer_id", &offer_id), ("reason", "x")])
        .await;
    assert_eq!(visitor.status(), 401);
    let buyer = app.signed_in_user("Acheteur", "achat@exemple.fr").await;
    let empty =
        app.call_ok(&buyer, "offer-flag", &[("offer_id", &offer_id), ("reason", " ")]).await;
    assert!(empty["Invalid"].is_array() || empty["Invalid"].is_object(), "{empty}");
    let flagged = app
        .call_ok(
            &buyer,
            "offer-flag",
            &[("offer_id", &offer_id), ("reason", "Prix sans rapport avec la prestation")],
        )
        .await;
    assert!(flagged["Done"].is_string(), "{flagged}");

    let queue = app.call_ok(&animator, "moderation-queue", &[]).await;
    assert_eq!(queue["offers"][0]["reason"], "Prix sans rapport avec la prestation");
    assert_eq!(
        app.call(&buyer, "offer-flag-resolve", &[("offer_id", &offer_id), ("decision", "archive")])
            .await
            .status(),
        403
    );
    app.call_ok(
        &animator,
        "offer-flag-resolve",
        &[("offer_id", &offer_id), ("decision", "archive")],
    )
    .await;
    assert_eq!(app.column("offers", "status", &offer_id).await.as_deref(), Some("archived"));
    let queue = app.call_ok(&animator, "moderation-queue", &[]).await;
    assert_eq!(queue["offers"].as_array().expect("list").len(), 0);
}
