//! A label's life with the server's clock moved by hand: application, evidence, preparation,
//! the four-eyes decision, reminders at 90 and 30 days, renewal from the same file, lapse.

use tests::{TestApp, spawn_app};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn upload(app: &TestApp, client: &reqwest::Client, check: &str, kind: &str) {
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_owned())
        .text("valid_until", "")
        .part("file", reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("statuts.pdf"));
    let sent = client
        .post(app.url(&format!("/hqs/controles/{check}/pieces")))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let location = sent.headers()["location"].to_str().expect("location").to_owned();
    assert!(location.contains("piece=1"), "{location}");
}

#[tokio::test]
async fn apply_review_grant_remind_renew_and_lapse() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    // A régie de quartier (ESUS by law) and an association, in Grenoble.
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", anne).await;

    // The structure applies: the evaluation shows what is missing.
    let label = app.apply_label(&supplier.client, &supplier.structure_id).await;
    let file = app.label_file(&supplier.client, &label).await;
    assert_eq!(file["state"], "applying");
    assert_eq!(file["label_version"], 1);
    let check = file["check_id"].as_str().expect("check").to_owned();
    let evaluation = app.call_ok(&supplier.client, "hqs-check", &[("id", &check)]).await;
    let governance = evaluation["evaluation"]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["criterion"] == "gouvernance-democratique")
        .expect("governance")
        .clone();
    assert_eq!(governance["verdict"], "unknown", "statutes are not on file yet");
    // One file at a time.
    let again = app
        .call_ok(&supplier.client, "label-apply", &[("structure_id", &supplier.structure_id)])
        .await;
    assert!(again["Refused"].as_str().expect("refused").contains("déjà en cours"), "{again}");

    // Preparing a file still in the structure's hands is refused.
    let early = app.label_step(anne, &label, "prepare", "Instruit.", "grant").await;
    assert!(early["Refused"].is_string(), "{early}");
    upload(&app, &supplier.client, &check, "statuts").await;
    let submitted = app.label_step(&supplier.client, &label, "submit", "", "").await;
    assert!(submitted["Done"].is_string(), "{submitted}");
    assert!(
        app.mail("anne@pole.fr", "Label Haute Qualité Solidaire : dossier déposé").await.is_some()
    );
    // The structure cannot prepare its own file.
    let response = app
        .call(
            &supplier.client,
            "label-step",
            &[("label_id", &label), ("step", "prepare"), ("decision", "grant"), ("text", "x")],
        )
        .await;
    assert_eq!(response.status(), 403);

    // Anne reviews the statutes and prepares; she may not decide herself.
    let view = app.call_ok(anne, "hqs-check", &[("id", &check)]).await;
    let piece = view["evidence"][0]["id"].as_str().expect("piece").to_owned();
    let reviewed = app
        .call_ok(
            anne,
            "hqs-evidence-review",
            &[("check_id", &check), ("evidence_id", &piece), ("decision", "accept")],
        )
        .await;
    assert!(reviewed["Done"].is_string(), "{reviewed}");
    let no_note = app.label_step(anne, &label, "prepare", "", "grant").await;
    assert!(no_note["Invalid"].to_string().contains("Résumez"), "{no_note}");
    let prepared =
        app.label_step(anne, &label, "prepare", "Statuts associatifs vérifiés.", "grant").await;
    assert!(prepared["Done"].is_string(), "{prepared}");
    // The prepared file is frozen for the second animator: no new piece, no new review.
    let late = reqwest::multipart::Form::new()
        .text("kind", "statuts")
        .text("valid_until", "")
        .part("file", reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("autre.pdf"));
    let refused = supplier
        .client
        .post(app.url(&format!("/hqs/controles/{check}/pieces")))
        .multipart(late)
        .send()
        .await
        .expect("upload");
    let page = app.follow(&supplier.client, &refused).await;
    let error = tests::piece_error(&page).expect("the refusal shows under the upload");
    assert!(error.contains("les pièces n"), "{error}");
    let frozen = app
        .call_ok(
            bruno,
            "hqs-evidence-review",
            &[
                ("check_id", &check),
                ("evidence_id", &piece),
                ("decision", "reject"),
                ("reason", "Illisible."),
            ],
        )
        .await;
    assert!(frozen["Refused"].is_string(), "{frozen}");
    let four_eyes = app.label_step(anne, &label, "decide", "Conforme.", "grant").await;
    assert!(four_eyes["Refused"].as_str().expect("refused").contains("quatre yeux"), "{four_eyes}");
    assert_eq!(app.label_file(anne, &label).await["state"], "prepared");

    // Bruno grants: a number, a level from the weighted score, two years of validity.
    let granted =
        app.label_step(bruno, &label, "decide", "Dossier complet et conforme.", "grant").await;
    assert!(granted["Done"].is_string(), "{granted}");
    let file = app.label_file(&supplier.client, &label).await;
    let year = app.today().year();
    assert_eq!(file["state"], "granted");
    assert_eq!(file["number"], format!("HQS-{year}-0001"));
    // Governance (2 of 6 weighted points): 33 / 100, bronze.
    assert_eq!(file["score"], 33);
    assert_eq!(file["level"], "bronze");
    let until = app.today().plus_years(2).plus_days(-1);
    assert_eq!(file["valid_until"], until.iso());
    assert!(
        app.mails_to("regie@exemple.fr")
            .await
            .iter()
            .any(|(s, _)| s.contains("label attribué (n° HQS-"))
    );
    let check_view = app.call_ok(&supplier.client, "hqs-check", &[("id", &check)]).await;
    assert_eq!(check_view["state"], "decided");
    assert_eq!(check_view["decision"], "compliant");

    // Anyone verifies the number; the registry lists it.
    let visitor = app.new_client();
    let number = file["number"].as_str().expect("number").to_owned();
    let typed = number.to_lowercase().replace('-', " ");
    let verified = app.call_ok(&visitor, "label-verify", &[("number", &typed)]).await;
    assert_eq!(verified["Found"]["state"], "granted", "{verified}");
    assert_eq!(verified["Found"]["label"]["structure_name"], "Régie Mistral");
    let unknown = app.call_ok(&visitor, "label-verify", &[("number", "HQS-2000-0001")]).await;
    assert_eq!(unknown, "Unknown");
    let registry = app.call_ok(&visitor, "label-registry", &[]).await;
    assert_eq!(registry[0]["number"], number.as_str());

    // Reminders: 90 days before the end, then 30, once each.
    let days_left = app.today().days_until(until);
    app.advance_days(days_left - 91);
    assert_eq!(app.sweep_labels().await.reminded, 0);
    app.advance_days(1);
    assert_eq!(app.sweep_labels().await.reminded, 1);
    assert_eq!(app.sweep_labels().await.reminded, 0, "once");
    let reminders = |mails: Vec<(String, String)>| {
        mails.iter().filter(|(s, _)| s.contains("pensez à le renouveler")).count()
    };
    assert_eq!(reminders(app.mails_to("regie@exemple.fr").await), 1);
    app.advance_days(60);
    assert_eq!(app.sweep_labels().await.reminded, 1);
    assert_eq!(reminders(app.mails_to("regie@exemple.fr").await), 2);

    // Renewal: the accepted statutes come along, nothing else is asked for.
    let holder = app.sign_in_again("regie@exemple.fr").await;
    let (anne, bruno) =
        (app.sign_in_again("anne@pole.fr").await, app.sign_in_again("bruno@pole.fr").await);
    let renewal = app.apply_label(&holder, &supplier.structure_id).await;
    let file = app.label_file(&holder, &renewal).await;
    assert_eq!(file["renewal_of"], label.as_str());
    let renewal_check = file["check_id"].as_str().expect("check").to_owned();
    let view = app.call_ok(&holder, "hqs-check", &[("id", &renewal_check)]).await;
    assert_eq!(view["evidence"][0]["review"], "accepted", "{}", view["evidence"]);
    assert_eq!(view["evaluation"]["overall"], "compliant");
    app.label_step(&holder, &renewal, "submit", "", "").await;
    app.label_step(&bruno, &renewal, "prepare", "Rien n'a changé.", "grant").await;
    let renewed = app.label_step(&anne, &renewal, "decide", "Renouvelé.", "grant").await;
    assert!(renewed["Done"].is_string(), "{renewed}");
    let file = app.label_file(&holder, &renewal).await;
    assert_eq!(file["number"], number.as_str(), "a renewal keeps its number");
    assert_eq!(file["valid_from"], until.plus_days(1).iso());
    let new_until = until.plus_days(1).plus_years(2).plus_days(-1);
    assert_eq!(file["valid_until"], new_until.iso());
    assert_eq!(app.label_file(&holder, &label).await["state"], "renewed");

    // Past the first end, the renewed label holds; past the second, it lapses.
    app.advance_days(40);
    assert_eq!(app.sweep_labels().await.lapsed, 0);
    let verified = app.call_ok(&visitor, "label-verify", &[("number", &number)]).await;
    assert_eq!(verified["Found"]["state"], "granted");
    let left = app.today().days_until(new_until);
    app.advance_days(left + 1);
    let swept = app.sweep_labels().await;
    assert_eq!(swept.lapsed, 1);
    let file = app.label_file(&app.sign_in_again("regie@exemple.fr").await, &renewal).await;
    assert_eq!(file["state"], "lapsed");
    let verified = app.call_ok(&visitor, "label-verify", &[("number", &number)]).await;
    assert_eq!(verified["Found"]["state"], "lapsed");
    assert_eq!(app.call_ok(&visitor, "label-registry", &[]).await, serde_json::json!([]));
    let facet = async || {
        app.call_ok(&visitor, "catalogue-search", &[("query", "cible=structures&hqs=tous")]).await["total"]
            == 0
    };
    assert!(tests::eventually(30, facet).await, "a lapsed label leaves the search facet");

    // Every step is in the audit chain, which verifies.
    let audit = app::services::audit::verify(&app.state.db).await.expect("verify");
    assert!(matches!(audit, app::services::audit::Verification::Intact { .. }), "{audit:?}");
    app.stop().await;
}
