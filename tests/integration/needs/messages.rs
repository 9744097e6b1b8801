//! A need's thread between its buyer and each structure it reached: who may write, the
//! mails to the other side, anonymity, the form's errors and the bound on messages.

use serde_json::Value;
use tests::{TestApp, count, need_fields, spawn_app};

const TITLE: &str = "Entretien des espaces verts";

/// Posts a message as `client`; the raw response.
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    need_id: &str,
    structure_id: &str,
    body: &str,
) -> reqwest::Response {
    app.call(
        client,
        "need-message",
        &[("need_id", need_id), ("structure_id", structure_id), ("form[body]", body)],
    )
    .await
}

/// Posts a message as `client`, expecting an answer (HTTP 200).
async fn post_ok(
    app: &TestApp,
    client: &reqwest::Client,
    need_id: &str,
    structure_id: &str,
    body: &str,
) -> Value {
    let response = post(app, client, need_id, structure_id, body).await;
    let status = response.status();
    let text = response.text().await.expect("body");
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).expect("JSON")
}

/// The subjects and bodies of the thread's mails to `to`.
async fn message_mails(app: &TestApp, to: &str) -> Vec<(String, String)> {
    app.mails_to(to).await.into_iter().filter(|(s, _)| s.starts_with("Nouveau message")).collect()
}

/// The buyer's thread with a structure, from the need's page.
fn buyer_thread(page: &Value, structure_id: &str) -> Vec<Value> {
    page["comparison"]["threads"]
        .as_array()
        .expect("threads")
        .iter()
        .find(|t| t["structure_id"] == structure_id)
        .unwrap_or_else(|| panic!("a thread with {structure_id}: {page}"))["messages"]
        .as_array()
        .expect("messages")
        .clone()
}

#[tokio::test]
async fn the_buyer_and_a_structure_write_to_each_other_and_each_side_is_mailed() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let jardins =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let parc = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, TITLE).await;

    let asked = post_ok(
        &app,
        &buyer.client,
        &id,
        &jardins.structure_id,
        "Bonjour,\r\nPouvez-vous visiter le site lundi ?",
    )
    .await;
    assert_eq!(asked["Done"], jardins.structure_id.as_str(), "{asked}");

    // The structure's editors and its contact address are mailed the text; nobody else.
    let mails = message_mails(&app, &jardins.email).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].0, format!("Nouveau message de Ville de Fontaine : {TITLE}"));
    assert!(mails[0].1.contains("Bonjour,\nPouvez-vous visiter le site lundi ?"), "{}", mails[0].1);
    assert!(mails[0].1.contains(&format!("/besoins/{id}")), "a link to the need");
    assert_eq!(message_mails(&app, "contact@regie.example").await.len(), 1);
    assert!(message_mails(&app, &parc.email).await.is_empty(), "another structure is not told");
    assert!(message_mails(&app, "achats@fontaine.example").await.is_empty(), "nor the author");

    // The structure reads it on the need's page; the other structure does not.
    app.clock.advance_ms(60_000);
    let side = app.need(&jardins.client, &id).await;
    let thread = side["supplier"]["thread"].as_array().expect("thread").clone();
    assert_eq!(thread.len(), 1, "{side}");
    assert_eq!(thread[0]["side"], "buyer");
    assert_eq!(thread[0]["author_label"], "Ville de Fontaine");
    assert_eq!(thread[0]["body"], "Bonjour,\nPouvez-vous visiter le site lundi ?");
    assert_eq!(side["supplier"]["writes_messages"], true);
    let other = app.need(&parc.client, &id).await;
    assert_eq!(other["supplier"]["thread"], serde_json::json!([]), "{other}");

    // It answers; the buyer's writers are mailed.
    let answered =
        post_ok(&app, &jardins.client, &id, &jardins.structure_id, "Oui, lundi à 9 h.").await;
    assert_eq!(answered["Done"], jardins.structure_id.as_str(), "{answered}");
    let mails = message_mails(&app, "achats@fontaine.example").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].0, format!("Nouveau message de Régie des Jardins : {TITLE}"));
    assert!(mails[0].1.contains("Oui, lundi à 9 h."));
    assert_eq!(message_mails(&app, &jardins.email).await.len(), 1, "the author is not mailed");

    // The buyer sees a thread per structure told, kept with the need, oldest first.
    let page = app.need(&buyer.client, &id).await;
    let thread = buyer_thread(&page, &jardins.structure_id);
    let said: Vec<(&str, &str)> = thread
        .iter()
        .map(|m| (m["author_label"].as_str().unwrap_or(""), m["body"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        said,
        [
            ("Ville de Fontaine", "Bonjour,\nPouvez-vous visiter le site lundi ?"),
            ("Régie des Jardins", "Oui, lundi à 9 h.")
        ]
    );
    assert!(buyer_thread(&page, &parc.structure_id).is_empty());
    assert_eq!(count(&app.database_url, "need_messages").await, 2);

    // Each message is audited, with its length and not its text.
    let db = tests::pool(&app.database_url).await;
    let details: Vec<String> =
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'message' ORDER BY seq")
            .fetch_all(&db)
            .await
            .expect("audit");
    assert_eq!(details.len(), 2, "{details:?}");
    assert!(details[0].contains("\"length\":44") && details[0].contains("\"side\":\"buyer\""));
    assert!(details.iter().all(|d| !d.contains("lundi")), "{details:?}");
    app.stop().await;
}

#[tokio::test]
async fn an_anonymous_need_does_not_name_its_buyer_in_the_supplier_mail_or_view() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let jardins =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let mut fields = need_fields(&app, TITLE);
    fields.push(("form[anonymous]".into(), "on".into()));
    let drafted = app.draft_need(&buyer, fields).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    app.need_step(&buyer.client, &id, "submit", "").await;
    app.need_step(&animator, &id, "validate", "").await;

    let asked =
        post_ok(&app, &buyer.client, &id, &jardins.structure_id, "Pouvez-vous venir lundi ?").await;
    assert!(asked["Done"].is_string(), "{asked}");
    for to in [jardins.email.as_str(), "contact@regie.example"] {
        let mails = message_mails(&app, to).await;
        assert_eq!(mails.len(), 1, "{to}: {mails:?}");
        assert_eq!(mails[0].0, format!("Nouveau message de l'acheteur : {TITLE}"));
        assert!(mails[0].1.contains("L'acheteur écrit à « Régie des Jardins »"), "{}", mails[0].1);
        assert!(!format!("{mails:?}").contains("Fontaine"), "{mails:?}");
    }
    let side = app.need(&jardins.client, &id).await;
    assert_eq!(side["supplier"]["thread"][0]["author_label"], "Acheteur", "{side}");
    assert!(!side.to_string().contains("Fontaine"), "{side}");
    // The buyer still sees its own name.
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(buyer_thread(&page, &jardins.structure_id)[0]["author_label"], "Ville de Fontaine");
    app.stop().await;
}

#[tokio::test]
async fn only_the_buyer_writers_and_the_told_structure_editors_write() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let jardins =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let parc = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    // A draft structure in the same trade is not matched.
    let marais = app.supplier("Régie du Marais", "marais@example.org").await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, TITLE).await;
    let outsider = app.signed_in_user("Curieux", "curieux@example.org").await;

    let anonymous = app.new_client();
    assert_eq!(post(&app, &anonymous, &id, &jardins.structure_id, "Bonjour").await.status(), 401);
    assert_eq!(post(&app, &outsider, &id, &jardins.structure_id, "Bonjour").await.status(), 403);
    // An editor writes for its own structure only.
    assert_eq!(post(&app, &parc.client, &id, &jardins.structure_id, "Bonjour").await.status(), 403);
    assert_eq!(
        post(&app, &marais.client, &id, &jardins.structure_id, "Bonjour").await.status(),
        403
    );
    let unmatched = post_ok(&app, &marais.client, &id, &marais.structure_id, "Bonjour").await;
    assert!(
        unmatched["Refused"].as_str().is_some_and(|r| r.contains("pas été identifiée")),
        "{unmatched}"
    );
    let to_unmatched = post_ok(&app, &buyer.client, &id, &marais.structure_id, "Bonjour").await;
    assert!(to_unmatched["Refused"].is_string(), "{to_unmatched}");
    assert!(app.need(&marais.client, &id).await["supplier"].is_null());

    // A matched structure not told yet: neither side writes.
    let db = tests::pool(&app.database_url).await;
    sqlx::query("UPDATE need_matches SET notified_at = NULL WHERE structure_id = $1")
        .bind(&parc.structure_id)
        .execute(&db)
        .await
        .expect("untold");
    for client in [&buyer.client, &parc.client] {
        let untold = post_ok(&app, client, &id, &parc.structure_id, "Bonjour").await;
        assert!(
            untold["Refused"].as_str().is_some_and(|r| r.contains("pas encore été informée")),
            "{untold}"
        );
    }
    assert_eq!(app.need(&parc.client, &id).await["supplier"]["writes_messages"], false);

    // A need not published has no thread yet.
    let draft = app.draft_need(&buyer, need_fields(&app, "Tonte")).await;
    let draft = draft["Done"].as_str().expect("drafted").to_owned();
    let unpublished = post_ok(&app, &buyer.client, &draft, &jardins.structure_id, "Bonjour").await;
    assert!(
        unpublished["Refused"].as_str().is_some_and(|r| r.contains("pas publié")),
        "{unpublished}"
    );
    assert_eq!(count(&app.database_url, "need_messages").await, 0);
    assert!(message_mails(&app, &jardins.email).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_empty_or_too_long_message_gets_its_field_error_and_stores_nothing() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let jardins =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, TITLE).await;

    let empty = post_ok(&app, &buyer.client, &id, &jardins.structure_id, " \r\n ").await;
    assert_eq!(
        empty["Invalid"][0],
        serde_json::json!(["body", "Écrivez votre message."]),
        "{empty}"
    );
    let long = "a".repeat(4001);
    let too_long = post_ok(&app, &jardins.client, &id, &jardins.structure_id, &long).await;
    let error = too_long["Invalid"][0][1].as_str().unwrap_or_default();
    assert!(error.contains("4 000 caractères"), "{too_long}");
    assert_eq!(count(&app.database_url, "need_messages").await, 0);
    assert!(message_mails(&app, &jardins.email).await.is_empty());
    assert!(message_mails(&app, "achats@fontaine.example").await.is_empty());

    // Without JavaScript the error comes back next to the thread's field, the text typed
    // kept; a message sent is shown as text, never as HTML.
    let plain = |body: &'static str| {
        buyer
            .client
            .post(app.url("/api/need-message"))
            .header("accept", "text/html")
            .form(&[
                ("need_id", id.as_str()),
                ("structure_id", jardins.structure_id.as_str()),
                ("form[body]", body),
            ])
            .send()
    };
    let refused = plain("").await.expect("POST");
    assert_eq!(refused.headers()["location"], format!("/besoins/{id}").as_str());
    let page = app.follow(&buyer.client, &refused).await;
    let shown = format!(
        r#"id="champ-message-{}-erreur" role="alert" class="field-error">Écrivez votre message."#,
        jardins.structure_id
    );
    assert!(page.contains(&shown), "next to the thread's field");
    assert_eq!(page.matches(r#"class="field-error">Écrivez"#).count(), 1, "in that thread only");
    let sent = plain("<b>Bonjour</b>\nà lundi").await.expect("POST");
    let location = sent.headers()["location"].to_str().expect("location").to_owned();
    assert_eq!(location, format!("/besoins/{id}?fil={}", jardins.structure_id));
    let page = app.follow(&buyer.client, &sent).await;
    assert!(page.contains("Message envoyé."), "the success shows");
    assert!(page.contains("&lt;b&gt;Bonjour&lt;/b&gt;"), "the text is escaped");
    assert!(!page.contains("<b>Bonjour</b>"), "never read as HTML");
    app.stop().await;
}

#[tokio::test]
async fn one_person_writes_at_most_30_messages_a_day_on_a_need() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let jardins =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, TITLE).await;

    for n in 1..=30 {
        let done =
            post_ok(&app, &buyer.client, &id, &jardins.structure_id, &format!("Message {n}")).await;
        assert!(done["Done"].is_string(), "{n}: {done}");
    }
    let bounded = post_ok(&app, &buyer.client, &id, &jardins.structure_id, "Encore un").await;
    assert!(
        bounded["Refused"]
            .as_str()
            .is_some_and(|r| r.contains("30 messages") && r.contains("24 heures")),
        "{bounded}"
    );
    assert_eq!(count(&app.database_url, "need_messages").await, 30);
    // The bound is the author's: the structure still answers.
    let answer = post_ok(&app, &jardins.client, &id, &jardins.structure_id, "Bien reçu").await;
    assert!(answer["Done"].is_string(), "{answer}");
    app.advance_days(1);
    // A day later the buyer's session has ended (idle): they sign in again.
    let buyer = app.sign_in_again("achats@fontaine.example").await;
    let next_day = post_ok(&app, &buyer, &id, &jardins.structure_id, "Encore un").await;
    assert!(next_day["Done"].is_string(), "{next_day}");
    app.stop().await;
}
