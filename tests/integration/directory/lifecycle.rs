use tests::{SIRET, spawn_app};

#[tokio::test]
async fn a_structure_goes_from_draft_to_published_and_keeps_its_history() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.supplier("Régie de quartier Villeneuve", "regie@exemple.fr").await;
    let slug = app.column("structures", "slug", &supplier.structure_id).await.expect("slug");
    assert_eq!(slug, "regie-de-quartier-villeneuve");
    let page = format!("/structures/{slug}");

    // A draft is not public; its owner sees a preview.
    assert_eq!(app.get(&page).await.status(), 404);
    let preview = supplier.client.get(app.url(&page)).send().await.expect("GET");
    assert_eq!(preview.status(), 200);
    assert!(preview.text().await.expect("body").contains("preview-banner"));

    // Submission needs the required items, named in French.
    let early = app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    let why = early["Refused"].as_str().expect("refused");
    assert!(why.contains("le numéro SIRET") && why.contains("au moins une activité"), "{why}");

    app.complete_structure(&supplier, "Régie de quartier Villeneuve").await;
    let submitted = app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    assert!(submitted["Done"].is_string(), "{submitted}");
    assert_eq!(app.get(&page).await.status(), 404, "submitted is not public yet");
    let queue = app.call_ok(&animator, "moderation-queue", &[]).await;
    assert_eq!(queue["structures"][0]["id"], supplier.structure_id.as_str());

    app.clock.advance_ms(60_000);
    let validated = app.step(&animator, &supplier.structure_id, "validate", "").await;
    assert!(validated["Done"].is_string(), "{validated}");
    let public = app.get(&page).await;
    assert_eq!(public.status(), 200);
    let html = public.text().await.expect("body");
    assert!(html.contains("Régie de quartier Villeneuve") && html.contains(SIRET));
    assert!(html.contains(r#"name="description""#), "meta description");
    assert!(!html.contains("preview-banner"));

    let mail = app
        .mail("regie@exemple.fr", "Votre fiche est publiée : Régie de quartier Villeneuve")
        .await
        .expect("the owner hears of the decision");
    assert!(mail.contains("/espace/structures/"));
    let workspace = app
        .call_ok(&supplier.client, "structure-workspace", &[("id", &supplier.structure_id)])
        .await;
    let events = workspace["events"].as_array().expect("events");
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0]["to_status"], "published");
    assert_eq!(events[0]["actor"], "Animatrice");
    assert_eq!(events[1]["to_status"], "submitted");
}

#[tokio::test]
async fn refusal_and_suspension_need_a_reason_that_reaches_the_owner() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.supplier("ESAT Les Ateliers du Drac", "esat@exemple.fr").await;
    app.complete_structure(&supplier, "ESAT Les Ateliers du Drac").await;
    app.step(&supplier.client, &supplier.structure_id, "submit", "").await;

    let bare = app.step(&animator, &supplier.structure_id, "refuse", "  ").await;
    assert!(bare["Invalid"].to_string().contains("Indiquez le motif"), "{bare}");
    assert_eq!(
        app.column("structures", "status", &supplier.structure_id).await.as_deref(),
        Some("submitted")
    );

    let refused = app
        .step(&animator, &supplier.structure_id, "refuse", "SIRET d'un autre établissement")
        .await;
    assert!(refused["Done"].is_string(), "{refused}");
    assert_eq!(
        app.column("structures", "status", &supplier.structure_id).await.as_deref(),
        Some("draft")
    );
    let mail = app
        .mail("esat@exemple.fr", "Votre fiche est à compléter : ESAT Les Ateliers du Drac")
        .await
        .expect("mail");
    assert!(mail.contains("Motif : SIRET d'un autre établissement"));

    app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    app.step(&animator, &supplier.structure_id, "validate", "").await;
    let slug = app.column("structures", "slug", &supplier.structure_id).await.expect("slug");
    let page = format!("/structures/{slug}");
    assert_eq!(app.get(&page).await.status(), 200);

    let suspended = app
        .step(&animator, &supplier.structure_id, "suspend", "Plainte fondée d'un acheteur")
        .await;
    assert!(suspended["Done"].is_string(), "{suspended}");
    assert_eq!(app.get(&page).await.status(), 404, "a suspended structure is never public");
    assert!(
        app.mail("esat@exemple.fr", "Votre fiche est suspendue : ESAT Les Ateliers du Drac")
            .await
            .is_some()
    );

    // Steps out of place are refused in French.
    let again = app.step(&animator, &supplier.structure_id, "suspend", "encore").await;
    assert!(again["Refused"].as_str().expect("refused").contains("publiée"));

    app.step(&animator, &supplier.structure_id, "reinstate", "").await;
    assert_eq!(app.get(&page).await.status(), 200);
}

#[tokio::test]
async fn a_wrong_siret_is_refused_in_french_and_stores_nothing() {
    let app = spawn_app().await;
    let supplier = app.supplier("SCOP Atelier Bois", "bois@exemple.fr").await;
    let outcome = app
        .call_ok(
            &supplier.client,
            "structure-update",
            &[
                ("structure_id", &supplier.structure_id),
                ("form[name]", "SCOP Atelier Bois"),
                ("form[siret]", "73282932000075"),
                ("form[contact_email]", "atelier@exemple.fr"),
            ],
        )
        .await;
    let error = outcome["Invalid"].to_string();
    assert!(error.contains("siret") && error.contains("n'existe pas"), "{error}");
    assert_eq!(app.column("structures", "siret", &supplier.structure_id).await, None);
    assert_eq!(app.column("structures", "contact_email", &supplier.structure_id).await, None);
}

#[tokio::test]
async fn without_javascript_a_wrong_form_comes_back_with_its_errors_and_values() {
    let app = spawn_app().await;
    let supplier = app.supplier("SCOP Atelier Bois", "bois@exemple.fr").await;
    let response = supplier
        .client
        .post(app.url("/api/structure-update"))
        .header("accept", "text/html")
        .form(&[
            ("structure_id", supplier.structure_id.as_str()),
            ("form[name]", "SCOP Atelier Bois"),
            ("form[siret]", "123"),
            ("form[networks]", "Réseau Cocagne"),
        ])
        .send()
        .await
        .expect("POST");
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(location.starts_with(&format!("/espace/structures/{}", supplier.structure_id)));
    let page = supplier.client.get(app.url(&location)).send().await.expect("GET");
    let html = page.text().await.expect("body");
    assert!(html.contains("Le numéro SIRET compte exactement 14 chiffres."), "the error is shown");
    assert!(html.contains(r#"value="Réseau Cocagne""#), "the values typed come back");
}

#[tokio::test]
async fn changing_siret_or_kind_sends_a_published_structure_back_to_validation() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie Teisseire", "regie@exemple.fr", &animator).await;
    let mut pairs = tests::complete_profile("Régie Teisseire");
    pairs.retain(|(k, v)| !(k == "form[kind][]" && v == "RQ"));
    pairs.push(("structure_id".into(), supplier.structure_id.clone()));
    let saved = app.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
    assert!(saved["Done"].is_string(), "{saved}");
    assert_eq!(
        app.column("structures", "status", &supplier.structure_id).await.as_deref(),
        Some("submitted")
    );

    // Other changes keep it published.
    app.step(&animator, &supplier.structure_id, "validate", "").await;
    let mut pairs = tests::complete_profile("Régie Teisseire");
    pairs.retain(|(k, v)| !(k == "form[kind][]" && v == "RQ"));
    pairs.push(("form[networks]".into(), "Comité national de liaison des régies".into()));
    pairs.push(("structure_id".into(), supplier.structure_id.clone()));
    app.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
    assert_eq!(
        app.column("structures", "status", &supplier.structure_id).await.as_deref(),
        Some("published")
    );
}
