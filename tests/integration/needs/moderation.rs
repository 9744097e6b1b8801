use tests::spawn_app;

#[tokio::test]
async fn the_pole_validates_returns_or_refuses_with_a_message_audited_and_mailed() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let draft =
        app.draft_need(&buyer, tests::need_fields(&app, "Entretien des espaces verts")).await;
    let id = draft["Done"].as_str().expect("drafted").to_owned();

    // Only animators moderate, and only what was submitted.
    let early = app.need_step(&animator, &id, "validate", "").await;
    assert!(early["Refused"].is_string(), "{early}");
    let submitted = app.need_step(&buyer.client, &id, "submit", "").await;
    assert_eq!(submitted["Done"], id.as_str(), "{submitted}");
    let response =
        app.call(&buyer.client, "need-step", &[("need_id", &id), ("step", "validate")]).await;
    assert_eq!(response.status(), 403, "a buyer does not validate its own need");
    let queue = app.call_ok(&animator, "needs-queue", &[]).await;
    assert!(queue.to_string().contains(&id), "{queue}");

    // Returning needs a message; the buyer gets it by mail and on the page, and may edit.
    let silent = app.need_step(&animator, &id, "return", " ").await;
    assert!(silent["Invalid"].to_string().contains("reason"), "{silent}");
    let returned = app.need_step(&animator, &id, "return", "Précisez la surface à tondre.").await;
    assert_eq!(returned["Done"], id.as_str(), "{returned}");
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["summary"]["state"], "returned");
    assert_eq!(page["moderation_message"], "Précisez la surface à tondre.");
    assert!(page["form"].is_object(), "a returned need is editable");
    let mail = app.mails_to("achats@fontaine.example").await;
    assert!(
        mail.iter().any(|(s, b)| s.starts_with("Votre besoin est à compléter")
            && b.contains("Précisez la surface")),
        "{mail:?}"
    );

    // Resubmitted and validated: it is public, and both steps are in the audit log.
    app.need_step(&buyer.client, &id, "submit", "").await;
    let validated = app.need_step(&animator, &id, "validate", "").await;
    assert_eq!(validated["Done"], id.as_str(), "{validated}");
    let anonymous = app.new_client();
    assert_eq!(app.need(&anonymous, &id).await["summary"]["state"], "published");
    let open = app.call_ok(&anonymous, "needs-open", &[]).await;
    assert!(open.to_string().contains(&id), "{open}");
    let db = tests::pool(&app.database_url).await;
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject_type = 'need' AND subject_id = $1 ORDER BY seq",
    )
    .bind(&id)
    .fetch_all(&db)
    .await
    .expect("audit");
    assert_eq!(actions, ["submit", "return", "submit", "validate"]);

    // A second need is refused with its reason; it never becomes public.
    let other = app.draft_need(&buyer, tests::need_fields(&app, "Achat de stylos")).await;
    let other = other["Done"].as_str().expect("drafted").to_owned();
    app.need_step(&buyer.client, &other, "submit", "").await;
    let refused = app.need_step(&animator, &other, "refuse", "Hors du champ du pôle.").await;
    assert_eq!(refused["Done"], other.as_str(), "{refused}");
    let stranger = app.signed_in_user("Curieux", "curieux@example.org").await;
    assert!(app.need(&stranger, &other).await.is_null(), "a refused need stays private");
}

#[tokio::test]
async fn a_need_left_in_changes_lapses_after_ten_days() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let draft =
        app.draft_need(&buyer, tests::need_fields(&app, "Entretien des espaces verts")).await;
    let id = draft["Done"].as_str().expect("drafted").to_owned();
    app.need_step(&buyer.client, &id, "submit", "").await;
    app.need_step(&animator, &id, "return", "Précisez la surface.").await;

    app.advance_days(9);
    assert_eq!(app::services::needs::lapse_returned(&app.state).await.expect("sweep"), 0);
    app.advance_days(2);
    assert_eq!(app::services::needs::lapse_returned(&app.state).await.expect("sweep"), 1);
    assert_eq!(app::services::needs::lapse_returned(&app.state).await.expect("sweep"), 0, "once");
    // Eleven days later the buyer's session has ended (idle): they sign in again.
    let buyer = app.sign_in_again("achats@fontaine.example").await;
    assert_eq!(app.need(&buyer, &id).await["summary"]["state"], "lapsed");
    let resubmitted = app.need_step(&buyer, &id, "submit", "").await;
    assert!(resubmitted["Refused"].is_string(), "{resubmitted}");
}
