//! A compliance check from opening to decision: pre-verdict, evidence requested, uploaded
//! (type checked by content, hash kept), reviewed, decided, reopened; e-mails to each party;
//! who sees what; the audit trail and the printable report.

use sha2::{Digest, Sha256};
use tests::{profile_fields, spawn_app};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn form_upload(kind: &str, name: &str, bytes: &[u8]) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("kind", kind.to_owned())
        .text("valid_until", "")
        .part("file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()))
}

#[tokio::test]
async fn a_check_goes_from_pre_verdict_to_an_audited_decision() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier =
        app.published_supplier("Régie de quartier Villeneuve", "regie@exemple.fr", &animator).await;
    let ville = app.verified_buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    let officer = app.signed_in_user("Agent", "agent@echirolles.fr").await;
    app.add_member(&ville.organisation_id, "agent@echirolles.fr", "procurement_officer").await;
    let profile = app
        .create_profile(
            &ville,
            profile_fields(
                "Gouvernance démocratique",
                false,
                &[
                    ("gouvernance-democratique.use", "1"),
                    ("agrement-esus.use", "1"),
                    ("agrement-esus.requirement", "weighted"),
                    ("agrement-esus.weight", "2"),
                ],
            ),
        )
        .await;

    // The structure's page offers the officer a check; not to the buyer's owner.
    let opening = app
        .call_ok(&officer, "hqs-check-opening", &[("structure_id", &supplier.structure_id)])
        .await;
    assert_eq!(opening["profiles"][0]["id"], profile.as_str(), "{opening}");
    assert!(
        app.call_ok(
            &ville.client,
            "hqs-check-opening",
            &[("structure_id", &supplier.structure_id)]
        )
        .await
        .is_null()
    );
    let forbidden = app
        .call(
            &ville.client,
            "hqs-check-open",
            &[
                ("organisation_id", &ville.organisation_id),
                ("profile_id", &profile),
                ("structure_id", &supplier.structure_id),
            ],
        )
        .await;
    assert_eq!(forbidden.status(), 403);

    let opened = app
        .call_ok(
            &officer,
            "hqs-check-open",
            &[
                ("organisation_id", &ville.organisation_id),
                ("profile_id", &profile),
                ("structure_id", &supplier.structure_id),
            ],
        )
        .await;
    let check = opened["Done"].as_str().expect("opened").to_owned();
    let view = app.call_ok(&officer, "hqs-check", &[("id", &check)]).await;
    assert_eq!(view["state"], "draft");
    assert_eq!(view["role"], "Officer");
    // ASSO: democratic governance by its statute, but no statutes on file yet.
    assert_eq!(view["evaluation"]["overall"], "incomplete", "{}", view["evaluation"]);
    let results = view["evaluation"]["results"].as_array().expect("results");
    let governance =
        results.iter().find(|r| r["criterion"] == "gouvernance-democratique").expect("criterion");
    assert_eq!(governance["verdict"], "unknown");
    assert!(governance["explanation"].as_str().expect("text").contains("loi 2014-856"));
    // RQ holds the ESUS agreement by law: the weighted criterion scores fully.
    assert_eq!(view["evaluation"]["score"], 100);

    // Evidence asked for, with a message; the supplier's owner is told.
    let no_text = app
        .call_ok(&officer, "hqs-check-step", &[("check_id", &check), ("step", "request_evidence")])
        .await;
    assert!(no_text["Invalid"].to_string().contains("quelles pièces"));
    app.call_ok(
        &officer,
        "hqs-check-step",
        &[
            ("check_id", &check),
            ("step", "request_evidence"),
            ("text", "Merci d'envoyer vos statuts."),
        ],
    )
    .await;
    assert!(
        app.mail("regie@exemple.fr", "Contrôle HQS : des pièces vous sont demandées")
            .await
            .is_some()
    );

    // A file that is not a PDF, PNG or JPEG is refused and stores nothing.
    let upload_url = app.url(&format!("/hqs/controles/{check}/pieces"));
    let wrong = supplier
        .client
        .post(&upload_url)
        .multipart(form_upload("statuts", "statuts.pdf", b"not a pdf"))
        .send()
        .await
        .expect("POST");
    let page = app.follow(&supplier.client, &wrong).await;
    let error = tests::piece_error(&page).expect("the format error shows on the check's page");
    assert!(error.contains("PDF"), "{error}");
    assert_eq!(tests::count(&app.database_url, "hqs_evidence").await, 0);
    // The officer cannot upload in the supplier's place.
    let not_theirs = officer
        .post(&upload_url)
        .multipart(form_upload("statuts", "statuts.pdf", PDF))
        .send()
        .await
        .expect("POST");
    assert_eq!(not_theirs.status(), 403);

    let sent = supplier
        .client
        .post(&upload_url)
        .multipart(form_upload("statuts", "statuts.pdf", PDF))
        .send()
        .await
        .expect("POST");
    assert!(sent.headers()["location"].to_str().expect("location").contains("piece=1"));
    let view = app.call_ok(&officer, "hqs-check", &[("id", &check)]).await;
    let piece = &view["evidence"][0];
    let hash: String = Sha256::digest(PDF).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(piece["sha256"], hash.as_str());
    assert_eq!(view["evaluation"]["overall"], "compliant", "a piece on file, not yet rejected");
    let evidence_id = piece["id"].as_str().expect("id").to_owned();

    app.call_ok(
        &supplier.client,
        "hqs-check-step",
        &[("check_id", &check), ("step", "submit_evidence")],
    )
    .await;
    assert!(
        app.mail("agent@echirolles.fr", "Contrôle HQS : le fournisseur a envoyé ses pièces")
            .await
            .is_some()
    );

    // Rejected (a reason is required), then accepted: the pre-verdict follows.
    let no_reason = app
        .call_ok(
            &officer,
            "hqs-evidence-review",
            &[("check_id", &check), ("evidence_id", &evidence_id), ("decision", "reject")],
        )
        .await;
    assert!(no_reason["Invalid"].to_string().contains("pourquoi"));
    app.call_ok(
        &officer,
        "hqs-evidence-review",
        &[
            ("check_id", &check),
            ("evidence_id", &evidence_id),
            ("decision", "reject"),
            ("reason", "Statuts non signés"),
        ],
    )
    .await;
    let view = app.call_ok(&officer, "hqs-check", &[("id", &check)]).await;
    assert_eq!(view["evaluation"]["overall"], "incomplete");
    app.call_ok(
        &officer,
        "hqs-evidence-review",
        &[
            ("check_id", &check),
            ("evidence_id", &evidence_id),
            ("decision", "accept"),
            ("reason", "Statuts signés reçus"),
        ],
    )
    .await;

    // The supplier may not decide; the officer decides with a comment.
    let refused = app
        .call(
            &supplier.client,
            "hqs-check-step",
            &[("check_id", &check), ("step", "decide"), ("decision", "compliant"), ("text", "ok")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    app.call_ok(
        &officer,
        "hqs-check-step",
        &[
            ("check_id", &check),
            ("step", "decide"),
            ("decision", "compliant"),
            ("text", "Gouvernance démontrée."),
        ],
    )
    .await;
    let view = app.call_ok(&supplier.client, "hqs-check", &[("id", &check)]).await;
    assert_eq!(
        (view["state"].as_str(), view["decision"].as_str()),
        (Some("decided"), Some("compliant"))
    );
    assert!(app.mail("regie@exemple.fr", "Contrôle HQS : décision : conforme").await.is_some());
    let pieces_before_late = tests::count(&app.database_url, "hqs_evidence").await;
    let late = supplier
        .client
        .post(&upload_url)
        .multipart(form_upload("statuts", "autre.pdf", PDF))
        .send()
        .await
        .expect("POST");
    // Refused: back to the check's page (which no longer offers an upload), nothing stored.
    let location = late.headers()["location"].to_str().expect("location").to_owned();
    assert!(!location.contains("piece=1"), "{location}");
    assert_eq!(tests::count(&app.database_url, "hqs_evidence").await, pieces_before_late);

    // Who sees the check: the buyer's people, the supplier, the animators; not another buyer,
    // not an observer of the pôle.
    let other = app.buyer("Autre acheteur", "achats@autre.fr").await;
    assert_eq!(app.call(&other.client, "hqs-check", &[("id", &check)]).await.status(), 404);
    let file = app.url(&format!("/hqs/pieces/{evidence_id}"));
    assert_eq!(other.client.get(&file).send().await.expect("GET").status(), 404);
    let got = supplier.client.get(&file).send().await.expect("GET");
    // Never cached: a check frozen or a member gone must not leave a readable copy.
    assert_eq!(got.headers()["cache-control"], "private, no-store");
    assert_eq!(got.bytes().await.expect("body").as_ref(), PDF);
    assert_eq!(app.call_ok(&animator, "hqs-check", &[("id", &check)]).await["role"], "Reader");
    let observer = app.signed_in_user("Observatrice", "obs@pole.fr").await;
    let pole: String = sqlx::query_scalar("SELECT organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'anim@pole.fr'")
        .fetch_one(&app.state.db)
        .await
        .expect("pôle");
    app.add_member(&pole, "obs@pole.fr", "observer").await;
    assert_eq!(app.call(&observer, "hqs-check", &[("id", &check)]).await.status(), 404);
    assert!(!app.call_ok(&observer, "hqs-checks", &[]).await.to_string().contains(&check));
    assert!(app.call_ok(&supplier.client, "hqs-checks", &[]).await.to_string().contains(&check));

    // Reopened with a reason; everything is in the audit trail, which verifies.
    app.call_ok(
        &officer,
        "hqs-check-step",
        &[("check_id", &check), ("step", "reopen"), ("text", "Nouvelle pièce annoncée.")],
    )
    .await;
    let view = app.call_ok(&officer, "hqs-check", &[("id", &check)]).await;
    assert_eq!(view["state"], "under_review");
    let actions: Vec<&str> = view["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["action"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        actions,
        [
            "Contrôle ouvert",
            "Pièces demandées",
            "Pièce déposée",
            "Pièces envoyées pour examen",
            "Pièce examinée",
            "Pièce examinée",
            "Décision",
            "Contrôle rouvert"
        ]
    );
    assert!(matches!(
        app::services::audit::verify(&app.state.db).await.expect("verify"),
        app::services::audit::Verification::Intact { .. }
    ));

    // The printable report holds the profile, the verdicts, the piece's hash and the trail.
    let report =
        officer.get(app.url(&format!("/hqs/controles/{check}/rapport"))).send().await.expect("GET");
    let report = report.text().await.expect("body");
    assert!(report.contains("Rapport de contrôle") && report.contains("Gouvernance démocratique"));
    assert!(report.contains(&hash), "the piece's hash is in the report");
    assert!(report.contains("Contrôle rouvert"));
    app.stop().await;
}
