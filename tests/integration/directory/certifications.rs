use tests::{count, spawn_app};

#[tokio::test]
async fn labels_show_with_their_validity_and_bad_ones_store_nothing() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier =
        app.published_supplier("Artisans du Monde Grenoble", "adm@exemple.fr", &animator).await;
    let add = |fields: Vec<(&'static str, &'static str)>| {
        let mut pairs = vec![("structure_id".to_owned(), supplier.structure_id.clone())];
        pairs.extend(fields.into_iter().map(|(k, v)| (format!("form[{k}]"), v.to_owned())));
        pairs
    };

    let wrong = app
        .call_pairs_ok(
            &supplier.client,
            "certification-add",
            &add(vec![
                ("label", "other"),
                ("valid_from", "2026-01-01"),
                ("valid_until", "2025-01-01"),
            ]),
        )
        .await;
    let errors = wrong["Invalid"].to_string();
    assert!(errors.contains("Indiquez le nom du label") && errors.contains("précède"), "{errors}");
    assert_eq!(count(&app.database_url, "structure_certifications").await, 0);

    // The test clock starts at the real time: one label valid, one expired.
    let valid = app
        .call_pairs_ok(
            &supplier.client,
            "certification-add",
            &add(vec![("label", "wfto"), ("number", "WFTO-42"), ("valid_until", "2099-12-31")]),
        )
        .await;
    assert!(valid["Done"].is_string(), "{valid}");
    app.call_pairs_ok(
        &supplier.client,
        "certification-add",
        &add(vec![("label", "b-corp"), ("valid_until", "2020-06-30")]),
    )
    .await;
    let page = app.get("/structures/artisans-du-monde-grenoble").await.text().await.expect("body");
    assert!(
        page.contains("WFTO Guaranteed Fair Trade") && page.contains("valable jusqu'au 31/12/2099")
    );
    assert!(page.contains("expiré le 30/06/2020"));

    let stranger = app.signed_in_user("Intrus", "intrus@exemple.fr").await;
    assert_eq!(
        app.call_pairs(&stranger, "certification-add", &add(vec![("label", "rge")])).await.status(),
        403
    );
    assert_eq!(count(&app.database_url, "structure_certifications").await, 2);
}
