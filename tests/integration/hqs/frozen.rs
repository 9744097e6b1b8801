//! Only a buyer the pôle verified opens checks and sees suppliers' evidence. An unverified
//! officer is told why on the structure's page and cannot open a check; a check whose buyer
//! loses its verification is frozen: its people see it with a notice, without the files and
//! without any step, while the supplier and the animators keep their access.

use tests::{profile_fields, spawn_app};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::test]
async fn an_unverified_officer_cannot_open_a_check() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie Villeneuve", "regie@exemple.fr", &animator).await;
    // « Ville de Grenoble », made by anyone: not verified.
    let ville = app.buyer("Ville de Grenoble", "achats@grenoble.fr").await;
    let officer = app.signed_in_user("Agent", "agent@grenoble.fr").await;
    app.add_member(&ville.organisation_id, "agent@grenoble.fr", "procurement_officer").await;
    let profile = app
        .create_profile(&ville, profile_fields("Gouvernance", false, &[("agrement-esus.use", "1")]))
        .await;

    let opening = app
        .call_ok(&officer, "hqs-check-opening", &[("structure_id", &supplier.structure_id)])
        .await;
    assert_eq!(opening["buyers"], serde_json::json!([]), "{opening}");
    assert_eq!(opening["unverified"][0]["id"], ville.organisation_id.as_str());
    let slug = app.column("structures", "slug", &supplier.structure_id).await.expect("slug");
    let page = officer.get(app.url(&format!("/structures/{slug}"))).send().await.expect("GET");
    let page = page.text().await.expect("page");
    assert!(page.contains(r#"id="check-unverified""#), "the page says why");
    assert!(page.contains(&format!("/organisations/{}", ville.organisation_id)));
    assert!(!page.contains(r#"id="check-open-form""#));

    let form = [
        ("organisation_id", ville.organisation_id.as_str()),
        ("profile_id", profile.as_str()),
        ("structure_id", supplier.structure_id.as_str()),
    ];
    let refused = app.call_ok(&officer, "hqs-check-open", &form).await;
    let reason = refused["Refused"].as_str().unwrap_or_default();
    assert!(reason.contains("n'est pas vérifiée par le pôle"), "{refused}");
    assert_eq!(tests::count(&app.database_url, "hqs_checks").await, 0);

    // Once verified, the same officer opens it.
    app.verify_organisation(&ville.organisation_id).await;
    let opened = app.call_ok(&officer, "hqs-check-open", &form).await;
    assert!(opened["Done"].is_string(), "{opened}");
    app.stop().await;
}

#[tokio::test]
async fn a_check_freezes_when_the_pole_withdraws_the_buyers_verification() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie Villeneuve", "regie@exemple.fr", &animator).await;
    let ville = app.verified_buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    let officer = app.signed_in_user("Agent", "agent@echirolles.fr").await;
    app.add_member(&ville.organisation_id, "agent@echirolles.fr", "procurement_officer").await;
    let profile = app
        .create_profile(&ville, profile_fields("Gouvernance", false, &[("agrement-esus.use", "1")]))
        .await;
    let form = [
        ("organisation_id", ville.organisation_id.as_str()),
        ("profile_id", profile.as_str()),
        ("structure_id", supplier.structure_id.as_str()),
    ];
    let opened = app.call_ok(&officer, "hqs-check-open", &form).await;
    let check = opened["Done"].as_str().expect("opened").to_owned();
    let upload = reqwest::multipart::Form::new()
        .text("kind", "statuts")
        .text("valid_until", "")
        .part("file", reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("statuts.pdf"));
    let sent = supplier
        .client
        .post(app.url(&format!("/hqs/controles/{check}/pieces")))
        .multipart(upload)
        .send()
        .await
        .expect("POST");
    assert!(sent.status().is_redirection(), "{}", sent.status());
    let view = app.call_ok(&officer, "hqs-check", &[("id", &check)]).await;
    let evidence = view["evidence"][0]["id"].as_str().expect("piece").to_owned();
    let file = app.url(&format!("/hqs/pieces/{evidence}"));
    assert_eq!(officer.get(&file).send().await.expect("GET").status(), 200);

    // The pôle withdraws the verification, with a reason.
    let withdrawn = app
        .call_ok(
            &animator,
            "organisation-verification-decide",
            &[
                ("organisation_id", &ville.organisation_id),
                ("decision", "refuse"),
                ("reason", "Ce n'est pas la mairie."),
            ],
        )
        .await;
    assert!(withdrawn["Done"].is_string(), "{withdrawn}");

    // Frozen for the buyer's people: the page with its notice, no file, no step, no review.
    for client in [&officer, &ville.client] {
        let view = app.call_ok(client, "hqs-check", &[("id", &check)]).await;
        assert_eq!(view["role"], "Frozen", "{view}");
        assert_eq!(client.get(&file).send().await.expect("GET").status(), 404);
    }
    let page = officer.get(app.url(&format!("/hqs/controles/{check}"))).send().await.expect("GET");
    let page = page.text().await.expect("page");
    assert!(
        page.contains("Votre organisation n'est pas vérifiée par le pôle : ce contrôle est gelé")
    );
    assert!(!page.contains(&format!("/hqs/pieces/{evidence}")), "no link to the file");
    assert!(!page.contains(r#"id="request-form""#), "no step offered");
    let step = [("check_id", check.as_str()), ("step", "request_evidence"), ("text", "Statuts ?")];
    assert_eq!(app.call(&officer, "hqs-check-step", &step).await.status(), 403);
    let review = [("check_id", check.as_str()), ("evidence_id", &evidence), ("decision", "accept")];
    assert_eq!(app.call(&officer, "hqs-evidence-review", &review).await.status(), 403);
    let state = app.column("hqs_checks", "state", &check).await;
    assert_eq!(state.as_deref(), Some("draft"), "nothing moved");
    // Nor can the officer open a new one.
    let refused = app.call_ok(&officer, "hqs-check-open", &form).await;
    assert!(refused["Refused"].is_string(), "{refused}");

    // The supplier and the animators keep their access.
    let got = supplier.client.get(&file).send().await.expect("GET");
    assert_eq!(got.bytes().await.expect("body").as_ref(), PDF);
    let seen = app.call_ok(&supplier.client, "hqs-check", &[("id", &check)]).await;
    assert_eq!(seen["role"], "Supplier");
    assert_eq!(app.call_ok(&animator, "hqs-check", &[("id", &check)]).await["role"], "Reader");
    assert_eq!(animator.get(&file).send().await.expect("GET").status(), 200);

    // Verified again: the check thaws.
    let siret = [
        ("organisation_id", ville.organisation_id.as_str()),
        ("siret", tests::SIRET),
        ("category", "collectivite"),
    ];
    app.call_ok(&ville.client, "organisation-verification-request", &siret).await;
    let verify = [
        ("organisation_id", ville.organisation_id.as_str()),
        ("decision", "verify"),
        ("reason", "Délibération reçue."),
    ];
    app.call_ok(&animator, "organisation-verification-decide", &verify).await;
    assert_eq!(app.call_ok(&officer, "hqs-check", &[("id", &check)]).await["role"], "Officer");
    assert_eq!(officer.get(&file).send().await.expect("GET").status(), 200);
    app.stop().await;
}
