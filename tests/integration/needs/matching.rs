use tests::{need_fields, spawn_app};

#[tokio::test]
async fn a_draft_shows_its_potential_and_validation_reaches_the_structures_that_can_answer() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let first = app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let second = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    // A draft structure in the same trade is not matched.
    let draft = app.supplier("Régie en Brouillon", "brouillon@example.org").await;
    app.complete_structure(&draft, "Régie en Brouillon").await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;

    let drafted = app.draft_need(&buyer, need_fields(&app, "Entretien des espaces verts")).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    let page = app.need(&buyer.client, &id).await;
    let potential = &page["potential"];
    assert_eq!(potential["total"], 2, "{potential}");
    assert_eq!(potential["lever"], "insertion_clause", "{potential}");
    assert!(potential["rule"].as_str().is_some_and(|r| r.contains("2 structures")), "{potential}");
    // 30 000 € × 50 % × 5 % ÷ 30 €/h = 25 h.
    assert_eq!(potential["insertion_hours"], 25, "{potential}");

    // Asking for handicap structures only leaves none: sourcing first.
    let mut handicap = need_fields(&app, "Entretien des espaces verts");
    handicap.push(("form[family][]".into(), "handicap".into()));
    let mut pairs = vec![("need_id".to_owned(), id.clone())];
    pairs.extend(handicap);
    app.call_pairs_ok(&buyer.client, "need-update", &pairs).await;
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["potential"]["total"], 0);
    assert_eq!(page["potential"]["lever"], "sourcing_first");
    let mut pairs = vec![("need_id".to_owned(), id.clone())];
    pairs.extend(need_fields(&app, "Entretien des espaces verts"));
    app.call_pairs_ok(&buyer.client, "need-update", &pairs).await;

    app.need_step(&buyer.client, &id, "submit", "").await;
    app.need_step(&animator, &id, "validate", "").await;
    let page = app.need(&buyer.client, &id).await;
    let matched: Vec<&str> = page["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .filter_map(|m| m["structure_id"].as_str())
        .collect();
    assert_eq!(matched.len(), 2, "{page}");
    assert!(
        matched.contains(&first.structure_id.as_str())
            && matched.contains(&second.structure_id.as_str())
    );
    let reasons = page["matches"][0]["reasons"].to_string();
    assert!(reasons.contains("Secteur") && reasons.contains("Métropole"), "{reasons}");

    // The supplier finds it in its workspace list; a stranger sees no match list.
    let mine = app.call_ok(&first.client, "needs-mine", &[]).await;
    assert!(mine["as_supplier"].to_string().contains(&id), "{mine}");
    let stranger = app.signed_in_user("Curieux", "curieux@example.org").await;
    let public = app.need(&stranger, &id).await;
    assert_eq!(public["matches"].as_array().map(Vec::len), Some(0));
    assert!(public["potential"].is_null());
}

#[tokio::test]
async fn an_anonymous_need_hides_its_buyer_from_suppliers_and_the_public() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let mut fields = need_fields(&app, "Entretien discret");
    fields.push(("form[anonymous]".into(), "on".into()));
    let drafted = app.draft_need(&buyer, fields).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    app.need_step(&buyer.client, &id, "submit", "").await;
    app.need_step(&animator, &id, "validate", "").await;

    assert_eq!(app.need(&buyer.client, &id).await["summary"]["buyer"], "Ville de Fontaine");
    assert_eq!(app.need(&supplier.client, &id).await["summary"]["buyer"], "Acheteur anonyme");
    let open = app.call_ok(&app.new_client(), "needs-open", &[]).await;
    assert!(!open.to_string().contains("Fontaine"), "{open}");
    let filtered =
        app.call_ok(&app.new_client(), "needs-open", &[("sector", "restauration")]).await;
    assert_eq!(filtered.as_array().map(Vec::len), Some(0));

    // The supplier it retains learns who the buyer is; the public still does not.
    let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
        p.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    };
    let quote = pairs(&[
        ("need_id", &id),
        ("structure_id", &supplier.structure_id),
        ("form[price][]", "12 000"),
        ("form[price][]", "3 000"),
        ("form[answer][]", "Deux"),
        ("form[lead_time]", "1 mois"),
    ]);
    assert!(app.call_pairs_ok(&supplier.client, "quote-submit", &quote).await["Done"].is_string());
    for lot in ["1", "2"] {
        let award = pairs(&[
            ("need_id", &id),
            ("lot", lot),
            ("structure_id", &supplier.structure_id),
            ("reason", "Seule offre"),
        ]);
        assert!(app.call_pairs_ok(&buyer.client, "need-award", &award).await["Done"].is_string());
    }
    assert_eq!(app.need(&supplier.client, &id).await["summary"]["buyer"], "Ville de Fontaine");
    assert_eq!(app.need(&app.new_client(), &id).await["summary"]["buyer"], "Acheteur anonyme");
}
