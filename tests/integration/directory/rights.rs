use tests::spawn_app;

#[tokio::test]
async fn only_the_organisation_s_members_edit_its_structure() {
    let app = spawn_app().await;
    let supplier = app.supplier("SCIC Énergie Grésivaudan", "scic@exemple.fr").await;
    let update = |name: &'static str| {
        vec![
            ("structure_id".to_owned(), supplier.structure_id.clone()),
            ("form[name]".to_owned(), name.to_owned()),
        ]
    };

    let stranger = app.signed_in_user("Intrus", "intrus@exemple.fr").await;
    assert_eq!(
        app.call_pairs(&stranger, "structure-update", &update("Piraté")).await.status(),
        403
    );
    assert_eq!(
        app.call(&stranger, "structure-workspace", &[("id", &supplier.structure_id)])
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call_pairs(&app.new_client(), "structure-update", &update("Piraté")).await.status(),
        401
    );

    let colleague = app.signed_in_user("Collègue", "collegue@exemple.fr").await;
    app.add_member(&supplier.organisation_id, "collegue@exemple.fr", "member").await;
    let saved = app.call_pairs_ok(&colleague, "structure-update", &update("SCIC Énergie")).await;
    assert!(saved["Done"].is_string(), "{saved}");
    assert_eq!(
        app.column("structures", "name", &supplier.structure_id).await.as_deref(),
        Some("SCIC Énergie")
    );

    // A second profile for the same organisation is refused.
    let second = app
        .call_ok(
            &supplier.client,
            "structure-create",
            &[("organisation_id", &supplier.organisation_id), ("form[name]", "Doublon")],
        )
        .await;
    assert!(second["Refused"].as_str().expect("refused").contains("déjà sa fiche"));
}

#[tokio::test]
async fn owners_cannot_validate_their_own_structure_nor_observers_moderate() {
    let app = spawn_app().await;
    let supplier = app.supplier("Ressourcerie du Drac", "ressourcerie@exemple.fr").await;
    app.complete_structure(&supplier, "Ressourcerie du Drac").await;
    app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    let own = app
        .call(
            &supplier.client,
            "structure-step",
            &[("structure_id", &supplier.structure_id), ("step", "validate")],
        )
        .await;
    assert_eq!(own.status(), 403);

    let observer = app.signed_in_user("Observateur", "observateur@exemple.fr").await;
    let pole = app.insert_organisation("Pôle", "pole", None).await;
    app.add_member(&pole, "observateur@exemple.fr", "observer").await;
    let response = app
        .call(
            &observer,
            "structure-step",
            &[("structure_id", &supplier.structure_id), ("step", "validate")],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert_eq!(app.call(&observer, "moderation-queue", &[]).await.status(), 403);
    assert_eq!(
        app.column("structures", "status", &supplier.structure_id).await.as_deref(),
        Some("submitted")
    );

    // A buyer organisation has no directory profile.
    let buyer = app.signed_in_user("Acheteuse", "achat@ville.fr").await;
    let org = app.create_organisation(&buyer, "Ville de Fontaine", "buyer_public").await;
    let refused = app
        .call_ok(&buyer, "structure-create", &[("organisation_id", &org), ("form[name]", "Ville")])
        .await;
    assert!(refused["Refused"].is_string(), "{refused}");
}
