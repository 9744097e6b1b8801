use tests::{need_fields, spawn_app};

#[tokio::test]
async fn a_buyer_drafts_a_need_with_only_a_title_and_each_bad_field_is_named_in_french() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let before = tests::count(&app.database_url, "needs").await;

    let mut bad = need_fields(&app, "Tonte");
    for (key, value) in &mut bad {
        match key.as_str() {
            "form[title]" => *value = "abc".into(),
            "form[place]" => *value = "75056".into(),
            "form[deadline_on]" => *value = "2020-01-01".into(),
            "form[budget_max]" => *value = "10".into(),
            "form[lots]" => *value = "Tonte ; beaucoup".into(),
            _ => {}
        }
    }
    let answer = app.draft_need(&buyer, bad).await;
    let errors = answer["Invalid"].as_array().expect("errors");
    let fields: Vec<&str> = errors.iter().filter_map(|e| e[0].as_str()).collect();
    for field in ["title", "place", "deadline_on", "budget_max", "lots"] {
        assert!(fields.contains(&field), "{field} in {answer}");
    }
    assert!(answer.to_string().contains("Lot 1"), "{answer}");
    assert_eq!(tests::count(&app.database_url, "needs").await, before, "nothing stored");

    let draft = app
        .draft_need(&buyer, vec![("form[title]".into(), "Traiteur pour un séminaire".into())])
        .await;
    let id = draft["Done"].as_str().expect("a draft needs only a title").to_owned();
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["summary"]["state"], "draft");
    assert_eq!(page["form"]["title"], "Traiteur pour un séminaire");

    // Submitting an incomplete draft names what is missing; it stays a draft.
    app.verify_organisation(&buyer.organisation_id).await;
    let submitted = app.need_step(&buyer.client, &id, "submit", "").await;
    let missing = submitted["Invalid"].to_string();
    for field in ["description", "sector", "place", "deadline_on", "budget_kind"] {
        assert!(missing.contains(field), "{field} in {missing}");
    }
    assert_eq!(app.need(&buyer.client, &id).await["summary"]["state"], "draft");

    // The draft is completed, saved, and the saved text comes back in the form.
    let mut pairs = vec![("need_id".to_owned(), id.clone())];
    pairs.extend(need_fields(&app, "Traiteur pour un séminaire"));
    let saved = app.call_pairs_ok(&buyer.client, "need-update", &pairs).await;
    assert_eq!(saved["Done"], id.as_str(), "{saved}");
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["form"]["budget_min"], "20000");
    assert_eq!(page["lots"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn an_unverified_buyer_may_draft_but_not_submit_and_strangers_see_no_draft() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville de Nulle Part", "achats@nulle.example").await;
    let draft = app.draft_need(&buyer, need_fields(&app, "Entretien des espaces verts")).await;
    let id = draft["Done"].as_str().expect("drafted").to_owned();
    let submitted = app.need_step(&buyer.client, &id, "submit", "").await;
    assert!(submitted["Refused"].as_str().is_some_and(|r| r.contains("vérifiée")), "{submitted}");
    assert_eq!(app.need(&buyer.client, &id).await["summary"]["state"], "draft");

    let stranger = app.signed_in_user("Curieux", "curieux@example.org").await;
    assert!(app.need(&stranger, &id).await.is_null(), "a draft is its buyer's");
    let other = app.buyer("Autre acheteur", "autre@example.org").await;
    let mut pairs = vec![("need_id".to_owned(), id.clone())];
    pairs.extend(need_fields(&app, "Pris en main"));
    let response = app.call_pairs(&other.client, "need-update", &pairs).await;
    assert_eq!(response.status(), 403);
    // Nor may one draft for an organisation one does not write for.
    let mut pairs = vec![("organisation_id".to_owned(), buyer.organisation_id.clone())];
    pairs.extend(need_fields(&app, "Au nom d'un autre"));
    let response = app.call_pairs(&other.client, "need-create", &pairs).await;
    assert_eq!(response.status(), 403);
}
