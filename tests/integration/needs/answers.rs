use tests::spawn_app;

const NEW_NEED: &str = "Un acheteur cherche une structure comme la vôtre";

#[tokio::test]
async fn a_supplier_answers_from_its_mail_link_once_and_forged_or_expired_links_do_not_serve() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let other = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, "Entretien des espaces verts").await;

    // Validation sent the first batch: each structure got its own link.
    let token = app.link_token(&supplier.email, NEW_NEED).await;
    let other_token = app.link_token(&other.email, NEW_NEED).await;
    assert_ne!(token, other_token);
    let anonymous = app.new_client();
    let opened = app.call_ok(&anonymous, "need-link", &[("token", &token)]).await;
    assert!(opened["refusal"].is_null(), "{opened}");
    assert_eq!(opened["structure_name"], "Régie des Jardins");

    let silent = app
        .call_ok(
            &anonymous,
            "need-link-answer",
            &[("token", &other_token), ("interested", "false"), ("reason", "")],
        )
        .await;
    assert!(silent["Invalid"].to_string().contains("reason"), "a refusal says why: {silent}");
    let said = app
        .call_ok(&anonymous, "need-link-answer", &[("token", &token), ("interested", "true")])
        .await;
    assert_eq!(said["Done"], true, "{said}");
    let again = app
        .call_ok(
            &anonymous,
            "need-link-answer",
            &[("token", &token), ("interested", "false"), ("reason", "Trop loin")],
        )
        .await;
    assert!(
        again["Refused"].as_str().is_some_and(|r| r.contains("déjà servi")),
        "single use: {again}"
    );
    let forged = app
        .call_ok(
            &anonymous,
            "need-link-answer",
            &[("token", &"0".repeat(64)), ("interested", "true")],
        )
        .await;
    assert!(forged["Refused"].as_str().is_some_and(|r| r.contains("pas valable")), "{forged}");
    let declined = app
        .call_ok(
            &anonymous,
            "need-link-answer",
            &[
                ("token", &other_token),
                ("interested", "false"),
                ("reason", "Pas disponible en avril"),
            ],
        )
        .await;
    assert_eq!(declined["Done"], false, "{declined}");

    // The buyer sees the ladder: 2 told, 2 opened or answered, 1 interested, 1 declined.
    let page = app.need(&buyer.client, &id).await;
    let ladder = page["comparison"]["ladder"].to_string();
    assert!(
        ladder.contains("[\"Prévenue\",2]")
            && ladder.contains("[\"Intéressée\",1]")
            && ladder.contains("[\"Pas intéressée\",1]"),
        "{ladder}"
    );

    // After the deadline, a link no longer serves.
    let fresh = app.published_need(&buyer, &animator, "Taille des haies").await;
    let tokens: Vec<String> = app
        .mails_to(&supplier.email)
        .await
        .into_iter()
        .filter(|(s, _)| s.contains("Taille des haies"))
        .map(|(_, body)| {
            body[body.find("jeton=").expect("link") + 6..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect()
        })
        .collect();
    assert_eq!(tokens.len(), 1, "one mail per structure and need");
    app.advance_days(31);
    let late = app
        .call_ok(&anonymous, "need-link-answer", &[("token", &tokens[0]), ("interested", "true")])
        .await;
    assert!(late["Refused"].as_str().is_some_and(|r| r.contains("expiré")), "{late}");
    let buyer_again = app.sign_in_again("achats@fontaine.example").await;
    assert_eq!(app.need(&buyer_again, &fresh).await["summary"]["closed"], true);
}

#[tokio::test]
async fn quotes_are_compared_with_hqs_verdicts_awarded_per_lot_and_the_purchase_recorded() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let cheap = app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let dear = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, "Entretien des espaces verts").await;

    let quote = |client: &reqwest::Client, structure: &str, lot1: &str, lot2: &str| {
        let pairs: Vec<(String, String)> = vec![
            ("need_id".into(), id.clone()),
            ("structure_id".into(), structure.to_owned()),
            ("form[price][]".into(), lot1.into()),
            ("form[price][]".into(), lot2.into()),
            ("form[answer][]".into(), "Quatre salariés en insertion".into()),
            ("form[lead_time]".into(), "2 semaines".into()),
        ];
        let client = client.clone();
        let app = &app;
        async move { app.call_pairs_ok(&client, "quote-submit", &pairs).await }
    };
    let bad = quote(&cheap.client, &cheap.structure_id, "douze", "").await;
    assert!(bad["Invalid"].to_string().contains("price_1"), "{bad}");
    assert!(tests::count(&app.database_url, "quotes").await == 0, "nothing stored on error");
    let sent = quote(&cheap.client, &cheap.structure_id, "12 000", "3 000").await;
    assert_eq!(sent["Done"], id.as_str(), "{sent}");
    quote(&cheap.client, &cheap.structure_id, "11 000", "3 000").await;
    quote(&dear.client, &dear.structure_id, "20 000", "5 000").await;
    // A structure edits only its own quote.
    let response = app
        .call_pairs(
            &cheap.client,
            "quote-submit",
            &[
                ("need_id".into(), id.clone()),
                ("structure_id".into(), dear.structure_id.clone()),
                ("form[lead_time]".into(), "1 jour".into()),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);

    let page = app.need(&buyer.client, &id).await;
    let quotes = page["comparison"]["quotes"].as_array().expect("quotes").clone();
    assert_eq!(quotes.len(), 2);
    let line =
        quotes.iter().find(|q| q["structure_id"] == cheap.structure_id.as_str()).expect("cheap");
    assert_eq!(line["total_cents"], 1_400_000, "the last quote counts: {line}");
    assert_eq!(line["prices"], serde_json::json!([1_100_000, 300_000]));
    // The supplier sees its own side, not the others' quotes.
    let side = app.need(&cheap.client, &id).await;
    assert_eq!(side["supplier"]["rung"], "quoted");
    assert!(side["comparison"].is_null());

    // Awards need a reason; once every lot is awarded the need is awarded and the other
    // structure is told, politely, with the reason.
    let award = |lot: &str, structure: &str, reason: &str| {
        let form = vec![
            ("need_id", id.as_str()),
            ("lot", lot),
            ("structure_id", structure),
            ("reason", reason),
        ];
        let form: Vec<(String, String)> =
            form.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        let client = buyer.client.clone();
        let app = &app;
        async move { app.call_pairs_ok(&client, "need-award", &form).await }
    };
    let silent = award("1", &cheap.structure_id, "").await;
    assert!(silent["Invalid"].to_string().contains("reason"), "{silent}");
    let response = app
        .call(
            &cheap.client,
            "need-award",
            &[
                ("need_id", &id),
                ("lot", "1"),
                ("structure_id", &cheap.structure_id),
                ("reason", "Moi"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403, "a supplier does not award");
    assert_eq!(award("1", &cheap.structure_id, "Meilleur prix").await["Done"], id.as_str());
    assert!(
        award("1", &dear.structure_id, "Changement d'avis").await["Refused"].is_string(),
        "a lot is awarded once"
    );
    assert_eq!(
        award("2", &cheap.structure_id, "Meilleur prix et proximité").await["Done"],
        id.as_str()
    );
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["summary"]["state"], "awarded");
    let told = app.mails_to(&dear.email).await;
    assert!(
        told.iter()
            .any(|(s, b)| s.starts_with("Votre devis n'a pas été retenu")
                && b.contains("Meilleur prix")),
        "{told:?}"
    );
    let db = tests::pool(&app.database_url).await;
    let awards: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE subject_id = $1 AND action = 'award'",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("audit");
    assert_eq!(awards, 2);

    // « L'achat a-t-il eu lieu ? » The buyer confirms; a purchase is recorded once.
    assert_eq!(page["comparison"]["to_confirm"][0][2], 1_400_000);
    let today = app.today().iso();
    let purchase = |amount: &str, day: &str| {
        let pairs: Vec<(String, String)> = vec![
            ("need_id".into(), id.clone()),
            ("structure_id".into(), cheap.structure_id.clone()),
            ("form[amount]".into(), amount.into()),
            ("form[purchased_on]".into(), day.into()),
            ("form[consideration]".into(), "clause".into()),
            ("form[insertion_hours]".into(), "25".into()),
        ];
        let client = buyer.client.clone();
        let app = &app;
        async move { app.call_pairs_ok(&client, "need-purchase", &pairs).await }
    };
    let future = app.today().plus_days(3).iso();
    assert!(purchase("14 000", &future).await["Invalid"].to_string().contains("purchased_on"));
    assert_eq!(tests::count(&app.database_url, "purchases").await, 0);
    assert_eq!(purchase("14 000", &today).await["Done"], id.as_str());
    assert!(purchase("14 000", &today).await["Refused"].is_string(), "recorded once");
    let (amount, consideration, siret): (i64, String, Option<String>) = sqlx::query_as(
        "SELECT amount_cents, social_consideration, supplier_siret FROM purchases WHERE need_id = $1",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("purchase");
    assert_eq!(
        (amount, consideration.as_str(), siret.as_deref()),
        (1_400_000, "clause", Some(tests::SIRET))
    );
}

#[tokio::test]
async fn after_the_deadline_no_quote_is_sent_or_changed() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, "Entretien des espaces verts").await;
    let pairs: Vec<(String, String)> = vec![
        ("need_id".into(), id.clone()),
        ("structure_id".into(), supplier.structure_id.clone()),
        ("form[price][]".into(), "12 000".into()),
        ("form[answer][]".into(), "Quatre".into()),
        ("form[lead_time]".into(), "2 semaines".into()),
    ];
    assert_eq!(
        app.call_pairs_ok(&supplier.client, "quote-submit", &pairs).await["Done"],
        id.as_str()
    );
    app.advance_days(31);
    // Sessions last 30 days: sign in again.
    let client = app.sign_in_again(&supplier.email).await;
    let late = app.call_pairs_ok(&client, "quote-submit", &pairs).await;
    assert!(late["Refused"].as_str().is_some_and(|r| r.contains("date limite")), "{late}");
}
