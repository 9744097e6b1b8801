//! The pôle vouches for buyers: an owner asks with a SIRET and a category (French errors,
//! nothing stored on error, with and without JavaScript); an animator verifies or refuses
//! with a reason, recorded in the audit log and e-mailed to the owners; a verification may be
//! withdrawn, and a verified buyer changing its SIRET asks again.

use tests::{SIRET, TestApp, spawn_app};

async fn verification(app: &TestApp, id: &str) -> Option<String> {
    app.column("organisations", "verification", id).await
}

async fn audit_actions(app: &TestApp, id: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject_type = 'organisation' AND subject_id = $1 \
         ORDER BY seq",
    )
    .bind(id)
    .fetch_all(&app.state.db)
    .await
    .expect("audit")
}

#[tokio::test]
async fn an_owner_asks_with_a_checked_siret_and_a_fitting_category() {
    let app = spawn_app().await;
    let ville = app.buyer("Ville de Grenoble", "achats@grenoble.fr").await;
    let id = ville.organisation_id.as_str();
    let page = app.organisation(&ville.client, id).await;
    assert_eq!(page["verification"]["state"], "none", "{page}");

    // A wrong SIRET and a private category for a public buyer: French errors, nothing stored.
    let wrong = app
        .call_ok(
            &ville.client,
            "organisation-verification-request",
            &[("organisation_id", id), ("siret", "73282932000075"), ("category", "pme")],
        )
        .await;
    let errors = wrong["Invalid"].to_string();
    assert!(errors.contains("Ce numéro SIRET n'existe pas"), "{errors}");
    assert!(errors.contains("organisme public"), "{errors}");
    assert_eq!(verification(&app, id).await.as_deref(), Some("none"));
    assert_eq!(app.column("organisations", "siret", id).await, None);
    assert!(audit_actions(&app, id).await.is_empty());

    // Without JavaScript: back to the page with the error next to the field, values kept.
    let plain = ville
        .client
        .post(app.url("/api/organisation-verification-request"))
        .header("accept", "text/html")
        .form(&[("organisation_id", id), ("siret", "1234"), ("category", "collectivite")])
        .send()
        .await
        .expect("POST");
    let page = app.follow(&ville.client, &plain).await;
    assert!(page.contains("champ-siret-erreur"), "the form is there");
    assert!(page.contains("compte exactement 14 chiffres"), "the SIRET error shows");
    assert!(page.contains(r#"value="1234""#), "the value typed is kept");
    assert_eq!(verification(&app, id).await.as_deref(), Some("none"));

    // A member who is not an owner may not ask.
    let member = app.signed_in_user("Membre", "membre@grenoble.fr").await;
    app.add_member(id, "membre@grenoble.fr", "member").await;
    let form = [("organisation_id", id), ("siret", SIRET), ("category", "collectivite")];
    let refused = app.call(&member, "organisation-verification-request", &form).await;
    assert_eq!(refused.status(), 403);

    // The owner asks: requested, with the SIRET and category; the animators are told.
    let animator = app.animator("anim@pole.fr").await;
    let plain = ville
        .client
        .post(app.url("/api/organisation-verification-request"))
        .header("accept", "text/html")
        .form(&form)
        .send()
        .await
        .expect("POST");
    let page = app.follow(&ville.client, &plain).await;
    assert!(page.contains("Vérification demandée"), "the page shows the new state");
    assert_eq!(verification(&app, id).await.as_deref(), Some("requested"));
    assert_eq!(app.column("organisations", "siret", id).await.as_deref(), Some(SIRET));
    assert_eq!(
        app.column("organisations", "buyer_category", id).await.as_deref(),
        Some("collectivite")
    );
    assert!(app.mail("anim@pole.fr", "Vérification demandée : Ville de Grenoble").await.is_some());
    let desk = app.call_ok(&animator, "buyer-verification-desk", &[]).await;
    assert_eq!(desk[0]["id"], id, "{desk}");
    assert_eq!(desk[0]["siret"], SIRET);
    assert_eq!(desk[0]["category"], "collectivite");
    assert!(desk[0]["requester"].as_str().unwrap_or_default().contains("achats@grenoble.fr"));
    let html = animator.get(app.url("/pole/acheteurs")).send().await.expect("GET");
    let html = html.text().await.expect("page");
    assert!(html.contains("Ville de Grenoble") && html.contains(SIRET), "the desk lists it");

    // A supplier asks nothing of the pôle.
    let supplier = app.signed_in_user("Fournisseur", "scop@exemple.fr").await;
    let scop = app.create_organisation(&supplier, "SCOP", "supplier").await;
    let form = [("organisation_id", scop.as_str()), ("siret", SIRET), ("category", "pme")];
    let not_buyer = app.call_ok(&supplier, "organisation-verification-request", &form).await;
    assert!(not_buyer["Refused"].as_str().is_some(), "{not_buyer}");
    app.stop().await;
}

#[tokio::test]
async fn animators_decide_with_a_reason_in_the_audit_log_and_by_mail() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let entreprise = app.signed_in_user("Acheteuse", "achats@alpes.fr").await;
    let id = app.create_organisation(&entreprise, "Alpes Bâtiment", "buyer_private").await;
    let form = [("organisation_id", id.as_str()), ("siret", SIRET), ("category", "eti")];
    let asked = app.call_ok(&entreprise, "organisation-verification-request", &form).await;
    assert!(asked["Done"].is_string(), "{asked}");

    // Neither the buyer nor another signed-in person decides.
    let verify = [("organisation_id", id.as_str()), ("decision", "verify"), ("reason", "SIRET vu")];
    let refused = app.call(&entreprise, "organisation-verification-decide", &verify).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(verification(&app, &id).await.as_deref(), Some("requested"));

    // A reason is required.
    let no_reason = app
        .call_ok(
            &animator,
            "organisation-verification-decide",
            &[("organisation_id", &id), ("decision", "verify"), ("reason", "  ")],
        )
        .await;
    assert!(no_reason["Invalid"].to_string().contains("Dites sur quoi"), "{no_reason}");
    assert_eq!(verification(&app, &id).await.as_deref(), Some("requested"));

    // Verified: audit entry, mail to the owner, the state and the reason on the page.
    let done = app.call_ok(&animator, "organisation-verification-decide", &verify).await;
    assert!(done["Done"].is_string(), "{done}");
    assert_eq!(verification(&app, &id).await.as_deref(), Some("verified"));
    assert_eq!(audit_actions(&app, &id).await, ["verification_requested", "verification_verified"]);
    let mail = app.mail("achats@alpes.fr", "Votre organisation est vérifiée : Alpes Bâtiment");
    assert!(mail.await.expect("mail").contains("Motif : SIRET vu"));
    let page = app.organisation(&entreprise, &id).await;
    assert_eq!(page["verification"]["state"], "verified");
    assert_eq!(page["verification"]["reason"], "SIRET vu");
    let again = app.call_ok(&animator, "organisation-verification-decide", &verify).await;
    assert!(again["Refused"].as_str().is_some(), "{again}");

    // A new category with the same SIRET keeps the verification.
    let form =
        [("organisation_id", id.as_str()), ("siret", SIRET), ("category", "grande_entreprise")];
    app.call_ok(&entreprise, "organisation-verification-request", &form).await;
    assert_eq!(verification(&app, &id).await.as_deref(), Some("verified"));

    // Withdrawn, with a reason; then asked again after the refusal, with a new SIRET.
    let withdraw = app
        .call_ok(
            &animator,
            "organisation-verification-decide",
            &[("organisation_id", &id), ("decision", "refuse"), ("reason", "Société radiée.")],
        )
        .await;
    assert!(withdraw["Done"].is_string(), "{withdraw}");
    assert_eq!(verification(&app, &id).await.as_deref(), Some("refused"));
    assert!(
        app.mail("achats@alpes.fr", "Votre organisation n'est pas vérifiée : Alpes Bâtiment")
            .await
            .is_some()
    );
    let page = app.organisation(&entreprise, &id).await;
    assert_eq!(page["verification"]["reason"], "Société radiée.");
    let new_siret = "21380169000016";
    let form = [("organisation_id", id.as_str()), ("siret", new_siret), ("category", "eti")];
    let asked = app.call_ok(&entreprise, "organisation-verification-request", &form).await;
    assert!(asked["Done"].is_string(), "{asked}");
    assert_eq!(verification(&app, &id).await.as_deref(), Some("requested"));
    assert_eq!(
        audit_actions(&app, &id).await,
        [
            "verification_requested",
            "verification_verified",
            "verification_requested",
            "verification_withdrawn",
            "verification_requested"
        ]
    );

    // A verified buyer that changes its SIRET goes back to the pôle.
    app.call_ok(&animator, "organisation-verification-decide", &verify).await;
    assert_eq!(verification(&app, &id).await.as_deref(), Some("verified"));
    let form = [("organisation_id", id.as_str()), ("siret", SIRET), ("category", "eti")];
    app.call_ok(&entreprise, "organisation-verification-request", &form).await;
    assert_eq!(verification(&app, &id).await.as_deref(), Some("requested"));
    assert!(matches!(
        app::services::audit::verify(&app.state.db).await.expect("verify"),
        app::services::audit::Verification::Intact { .. }
    ));
    app.stop().await;
}
