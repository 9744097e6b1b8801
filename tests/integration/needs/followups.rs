//! The mails around a need's consultation: the order structures are told in, the one
//! reminder, the buyer's news at the 1st, 2nd and 5th interested structure, the follow-up
//! after the start date, and the retained structure's « l'achat a eu lieu ».

use serde_json::Value;
use tests::{Buyer, Supplier, TestApp, complete_profile, need_fields, spawn_app};

const NEW_NEED: &str = "Un acheteur cherche une structure comme la vôtre";
const REMINDER: &str = "Rappel : un acheteur attend votre réponse";
const FOLLOW_UP: &str = "L'achat a-t-il eu lieu ?";

/// Moves the clock ahead, a day at a time, to the next day that is `weekday` in Paris
/// (1 Monday … 7 Sunday); stays when it already is.
fn advance_to_weekday(app: &TestApp, weekday: i8) {
    while app.today().iso_weekday() != weekday {
        app.advance_days(1);
    }
}

/// One pass of the worker's reminders.
async fn remind(app: &TestApp) -> usize {
    app::services::needs::send_due_reminders(&app.state).await.expect("reminders")
}

/// One pass of the worker's follow-ups.
async fn follow_up(app: &TestApp) -> usize {
    app::services::needs::ask_due_follow_ups(&app.state).await.expect("follow-ups")
}

/// The subjects of the mails to `to` that start with `start`.
async fn subjects(app: &TestApp, to: &str, start: &str) -> Vec<String> {
    app.mails_to(to).await.into_iter().map(|(s, _)| s).filter(|s| s.starts_with(start)).collect()
}

/// A need drafted with `fields`' values replaced by `changes`, submitted and validated.
async fn published_with(
    app: &TestApp,
    buyer: &Buyer,
    animator: &reqwest::Client,
    title: &str,
    changes: &[(&str, String)],
) -> String {
    let mut fields = need_fields(app, title);
    for (key, value) in changes {
        let key = format!("form[{key}]");
        fields.iter_mut().filter(|(k, _)| *k == key).for_each(|(_, v)| v.clone_from(value));
    }
    let drafted = app.draft_need(buyer, fields).await;
    let id = drafted["Done"].as_str().unwrap_or_else(|| panic!("drafted: {drafted}")).to_owned();
    assert!(app.need_step(&buyer.client, &id, "submit", "").await["Done"].is_string());
    assert!(app.need_step(animator, &id, "validate", "").await["Done"].is_string());
    id
}

/// A published structure whose profile has `changes` (`form[…]` keys without the prefix)
/// and, with `offer`, a published offer.
async fn supplier_with(
    app: &TestApp,
    animator: &reqwest::Client,
    name: &str,
    email: &str,
    changes: &[(&str, &str)],
    offer: bool,
) -> Supplier {
    let supplier = app.supplier(name, email).await;
    app.complete_structure(&supplier, name).await;
    let mut pairs = complete_profile(name);
    for (key, value) in changes {
        let key = format!("form[{key}]");
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = (*value).to_owned(),
            None => pairs.push((key, (*value).to_owned())),
        }
    }
    pairs.push(("structure_id".into(), supplier.structure_id.clone()));
    let saved = app.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
    assert!(saved["Done"].is_string(), "{saved}");
    if offer {
        let offer_id = app.create_offer(&supplier, &format!("Tonte — {name}")).await;
        let published = app
            .call_ok(
                &supplier.client,
                "offer-status",
                &[("offer_id", &offer_id), ("status", "published")],
            )
            .await;
        assert!(published["Done"].is_string(), "{published}");
    }
    assert!(
        app.step(&supplier.client, &supplier.structure_id, "submit", "").await["Done"].is_string()
    );
    assert!(app.step(animator, &supplier.structure_id, "validate", "").await["Done"].is_string());
    supplier
}

#[tokio::test]
async fn the_labelled_then_the_most_complete_profiles_are_told_first_the_nearest_last() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    // At the centre of Grenoble, where the need is: the nearest, with the usual profile.
    let near = supplier_with(&app, anne, "Régie Proche", "proche@example.org", &[], false).await;
    // 9 km north, but with a long description, a website and a published offer.
    let description = "Entretien des espaces verts, taille, tonte et fleurissement par des \
                       équipes en insertion encadrées, pour les communes et les bailleurs.";
    let complete = supplier_with(
        &app,
        anne,
        "Régie Complète",
        "complete@example.org",
        &[
            ("description", description),
            ("website", "https://complete.example.org"),
            ("latitude", "45,2500"),
        ],
        true,
    )
    .await;
    // The farthest, 15 km north, holding the HQS label.
    let labelled = supplier_with(
        &app,
        anne,
        "Régie Labellisée",
        "label@example.org",
        &[("latitude", "45,3000")],
        false,
    )
    .await;
    app.granted_label(&labelled, anne, bruno).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, anne, "Entretien des espaces verts").await;

    let page = app.need(&buyer.client, &id).await;
    let matches = page["matches"].as_array().expect("matches").clone();
    let order: Vec<&str> = matches.iter().filter_map(|m| m["structure_id"].as_str()).collect();
    assert_eq!(
        order,
        [&labelled.structure_id, &complete.structure_id, &near.structure_id],
        "labelled first, then the most complete, then by distance: {matches:#?}"
    );
    let reasons = |i: usize| matches[i]["reasons"].to_string();
    assert!(reasons(0).contains("Label HQS détenu"), "{}", reasons(0));
    assert!(reasons(1).contains("Profil complété à 90 %"), "{}", reasons(1));
    assert!(reasons(2).contains("Profil complété à 50 %"), "{}", reasons(2));
    assert!(!reasons(2).contains("Label HQS"), "{}", reasons(2));
}

#[tokio::test]
async fn one_reminder_after_three_days_on_a_working_day_never_to_one_who_opened() {
    let app = spawn_app().await;
    advance_to_weekday(&app, 3);
    let animator = app.animator("animatrice@pole.example").await;
    let silent =
        app.published_supplier("Régie Silencieuse", "silence@example.org", &animator).await;
    let opener = app.published_supplier("Régie Curieuse", "curieuse@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    // Published on a Wednesday: the reminder falls due on Saturday, and waits until Monday.
    app.published_need(&buyer, &animator, "Entretien des espaces verts").await;
    let first = app.link_token(&silent.email, NEW_NEED).await;
    let opened = app.link_token(&opener.email, NEW_NEED).await;
    assert!(
        app.call_ok(&app.new_client(), "need-link", &[("token", &opened)]).await["refusal"]
            .is_null()
    );

    for (day, weekday) in [(0, 3), (1, 4), (1, 5), (1, 6), (1, 7)] {
        app.advance_days(day);
        assert_eq!(app.today().iso_weekday(), weekday);
        assert_eq!(remind(&app).await, 0, "no reminder on day {weekday}");
    }
    assert!(subjects(&app, &silent.email, REMINDER).await.is_empty());
    app.advance_days(1);
    assert_eq!(app.today().iso_weekday(), 1, "Monday");
    // Two servers sweeping at once remind once.
    let (a, b) = tokio::join!(remind(&app), remind(&app));
    assert_eq!(a + b, 1, "only the one that did not open it");
    assert_eq!(subjects(&app, &silent.email, REMINDER).await.len(), 1);
    assert!(subjects(&app, &opener.email, REMINDER).await.is_empty(), "it opened the link");
    app.advance_days(1);
    assert_eq!(remind(&app).await, 0, "one reminder only");

    // The reminder carries a fresh single-use link; the first one still serves too.
    let fresh = app.link_token(&silent.email, REMINDER).await;
    assert_ne!(fresh, first);
    let said = app
        .call_ok(
            &app.new_client(),
            "need-link-answer",
            &[("token", &fresh), ("interested", "true")],
        )
        .await;
    assert_eq!(said["Done"], true, "{said}");
}

#[tokio::test]
async fn no_reminder_once_the_deadline_is_over_nor_for_a_withdrawn_need() {
    let app = spawn_app().await;
    advance_to_weekday(&app, 1);
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    // Published on Monday; the reminders fall due on Thursday.
    let soon = (app.today().plus_days(2).iso(), app.today().plus_days(10).iso());
    published_with(
        &app,
        &buyer,
        &animator,
        "Besoin pressé",
        &[("deadline_on", soon.0), ("start_on", soon.1)],
    )
    .await;
    let withdrawn = app.published_need(&buyer, &animator, "Besoin retiré").await;
    app.published_need(&buyer, &animator, "Besoin ordinaire").await;
    assert_eq!(
        app.need_step(&buyer.client, &withdrawn, "cancel", "").await["Done"],
        withdrawn.as_str()
    );

    for _ in 0..4 {
        app.advance_days(1);
        remind(&app).await;
    }
    let reminded = subjects(&app, &supplier.email, REMINDER).await;
    assert_eq!(reminded.len(), 1, "{reminded:?}");
    assert!(reminded[0].ends_with("Besoin ordinaire"), "{reminded:?}");
}

#[tokio::test]
async fn the_buyer_hears_of_the_first_second_and_fifth_interested_structures_once_each() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let mut suppliers = Vec::new();
    for n in 1..=6 {
        let email = format!("regie{n}@example.org");
        suppliers.push(app.published_supplier(&format!("Régie {n}"), &email, &animator).await);
    }
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    app.signed_in_user("Acheteur", "marches@fontaine.example").await;
    app.add_member(&buyer.organisation_id, "marches@fontaine.example", "procurement_officer").await;
    app.signed_in_user("Comptable", "compta@fontaine.example").await;
    app.add_member(&buyer.organisation_id, "compta@fontaine.example", "member").await;
    let id = app.published_need(&buyer, &animator, "Entretien des espaces verts").await;
    let news = || async {
        let mut all = subjects(&app, "achats@fontaine.example", "").await;
        all.retain(|s| s.contains("intéressé"));
        all.sort();
        all
    };
    let by_link = |n: usize| {
        let app = &app;
        let email = suppliers[n].email.clone();
        async move {
            let token = app.link_token(&email, NEW_NEED).await;
            let said = app
                .call_ok(
                    &app.new_client(),
                    "need-link-answer",
                    &[("token", &token), ("interested", "true")],
                )
                .await;
            assert_eq!(said["Done"], true, "{said}");
        }
    };

    by_link(0).await;
    assert_eq!(news().await, ["1 fournisseur intéressé par « Entretien des espaces verts »"]);
    let officer = subjects(&app, "marches@fontaine.example", "1 fournisseur").await;
    assert_eq!(officer.len(), 1, "the procurement officers write the needs: told too");
    assert!(subjects(&app, "compta@fontaine.example", "1 fournisseur").await.is_empty());
    // From the need's page, by the structure's editor.
    let said = app
        .call_ok(
            &suppliers[1].client,
            "need-answer",
            &[
                ("need_id", &id),
                ("structure_id", &suppliers[1].structure_id),
                ("interested", "true"),
            ],
        )
        .await;
    assert_eq!(said["Done"], id.as_str(), "{said}");
    assert_eq!(news().await.len(), 2);
    assert!(news().await.iter().any(|s| s.starts_with("2 fournisseurs intéressés")));
    by_link(2).await;
    assert_eq!(news().await.len(), 2, "not at the 3rd");
    // The 4th and 5th at once: the 5th is announced once.
    tokio::join!(by_link(3), by_link(4));
    let told = news().await;
    assert_eq!(told.len(), 3, "{told:?}");
    assert_eq!(told.iter().filter(|s| s.starts_with("5 fournisseurs intéressés")).count(), 1);
    by_link(5).await;
    assert_eq!(news().await.len(), 3, "not at the 6th");
}

/// A need whose two lots the first structure won against the second; returns its id.
async fn awarded_need(
    app: &TestApp,
    buyer: &Buyer,
    animator: &reqwest::Client,
    won: &Supplier,
    lost: &Supplier,
) -> String {
    let id = app.published_need(buyer, animator, "Entretien des espaces verts").await;
    for (supplier, price) in [(won, "12 000"), (lost, "20 000")] {
        let pairs: Vec<(String, String)> = vec![
            ("need_id".into(), id.clone()),
            ("structure_id".into(), supplier.structure_id.clone()),
            ("form[price][]".into(), price.into()),
            ("form[price][]".into(), "1 500".into()),
            ("form[answer][]".into(), "Quatre salariés en insertion".into()),
            ("form[lead_time]".into(), "2 semaines".into()),
        ];
        let sent = app.call_pairs_ok(&supplier.client, "quote-submit", &pairs).await;
        assert_eq!(sent["Done"], id.as_str(), "{sent}");
    }
    for lot in ["1", "2"] {
        let form = [
            ("need_id", id.as_str()),
            ("lot", lot),
            ("structure_id", &won.structure_id),
            ("reason", "Meilleur prix"),
        ];
        assert_eq!(app.call_ok(&buyer.client, "need-award", &form).await["Done"], id.as_str());
    }
    assert_eq!(app.need(&buyer.client, &id).await["summary"]["state"], "awarded");
    id
}

#[tokio::test]
async fn after_the_start_date_both_sides_are_asked_once_whether_the_purchase_took_place() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let won = app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let lost = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    app.signed_in_user("Acheteur", "marches@fontaine.example").await;
    app.add_member(&buyer.organisation_id, "marches@fontaine.example", "procurement_officer").await;
    app.signed_in_user("Jardinier", "equipe@jardins.example").await;
    app.add_member(&won.organisation_id, "equipe@jardins.example", "member").await;
    let id = awarded_need(&app, &buyer, &animator, &won, &lost).await;

    // The work starts 60 days after publication: nothing before its day is over.
    assert_eq!(follow_up(&app).await, 0);
    app.advance_days(60);
    assert_eq!(follow_up(&app).await, 0, "the start day itself");
    app.advance_days(1);
    let (a, b) = tokio::join!(follow_up(&app), follow_up(&app));
    assert_eq!(a + b, 1, "two servers ask once");
    assert_eq!(follow_up(&app).await, 0);
    app.advance_days(1);
    assert_eq!(follow_up(&app).await, 0, "once");
    for to in ["achats@fontaine.example", "marches@fontaine.example"] {
        assert_eq!(subjects(&app, to, FOLLOW_UP).await.len(), 1, "the buyer's writer {to}");
    }
    for to in [won.email.as_str(), "equipe@jardins.example"] {
        assert_eq!(
            subjects(&app, to, FOLLOW_UP).await.len(),
            1,
            "the retained structure's editor {to}"
        );
    }
    assert!(subjects(&app, &lost.email, FOLLOW_UP).await.is_empty(), "not the one not retained");
    let body = app.mail(&won.email, &format!("{FOLLOW_UP} Entretien des espaces verts")).await;
    assert!(body.is_some_and(|b| b.contains(&format!("/besoins/{id}"))), "a link to the need");
}

#[tokio::test]
async fn the_retained_structure_declares_the_purchase_and_the_buyer_confirms_it() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let won = app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let lost = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = awarded_need(&app, &buyer, &animator, &won, &lost).await;
    let declare = |client: &reqwest::Client, structure: &str, amount: &str, day: &str| {
        let form = vec![
            ("need_id".to_owned(), id.clone()),
            ("structure_id".to_owned(), structure.to_owned()),
            ("form[amount]".to_owned(), amount.to_owned()),
            ("form[purchased_on]".to_owned(), day.to_owned()),
        ];
        let (app, client) = (&app, client.clone());
        async move { app.call_pairs(&client, "need-purchase-declare", &form).await }
    };
    let today = app.today().french();
    let json = |response: reqwest::Response| async move {
        assert_eq!(response.status(), 200);
        response.json::<Value>().await.expect("json")
    };

    let bad = json(declare(&won.client, &won.structure_id, "beaucoup", &today).await).await;
    assert!(bad["Invalid"].to_string().contains("amount"), "{bad}");
    let future = app.today().plus_days(2).french();
    let early = json(declare(&won.client, &won.structure_id, "13 500", &future).await).await;
    assert!(early["Invalid"].to_string().contains("purchased_on"), "{early}");
    assert_eq!(tests::count(&app.database_url, "purchase_declarations").await, 0, "nothing stored");
    // Outsiders: another structure's editor, the buyer; a structure not retained.
    assert_eq!(declare(&lost.client, &won.structure_id, "13 500", &today).await.status(), 403);
    assert_eq!(declare(&buyer.client, &won.structure_id, "13 500", &today).await.status(), 403);
    let not_retained =
        json(declare(&lost.client, &lost.structure_id, "13 500", &today).await).await;
    assert!(
        not_retained["Refused"].as_str().is_some_and(|r| r.contains("retenue")),
        "{not_retained}"
    );
    assert_eq!(tests::count(&app.database_url, "purchase_declarations").await, 0);

    let done = json(declare(&won.client, &won.structure_id, "13 500", &today).await).await;
    assert_eq!(done["Done"], id.as_str(), "{done}");
    let db = tests::pool(&app.database_url).await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE subject_id = $1 AND action = 'purchase_declared'",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("audit");
    assert_eq!(audited, 1);
    let side = app.need(&won.client, &id).await;
    assert_eq!(side["supplier"]["declared"], true, "{side}");
    assert_eq!(side["supplier"]["declaration"]["amount"], "13500");

    // The buyer sees the declaration beside its form, which it fills.
    let page = app.need(&buyer.client, &id).await;
    assert_eq!(page["comparison"]["declarations"][0][1], 1_350_000, "{page}");
    let html = buyer.client.get(app.url(&format!("/besoins/{id}"))).send().await.expect("GET");
    let html = html.text().await.expect("body");
    assert!(html.contains("La structure déclare un achat de 13"), "the declaration is shown");
    assert!(html.contains("value=\"13500\""), "the amount is filled in");

    // Once the buyer confirmed, the structure sees the purchase recorded and declares no more.
    let confirm: Vec<(String, String)> = vec![
        ("need_id".into(), id.clone()),
        ("structure_id".into(), won.structure_id.clone()),
        ("form[amount]".into(), "13 500".into()),
        ("form[purchased_on]".into(), today.clone()),
        ("form[consideration]".into(), "clause".into()),
    ];
    assert_eq!(
        app.call_pairs_ok(&buyer.client, "need-purchase", &confirm).await["Done"],
        id.as_str()
    );
    let side = app.need(&won.client, &id).await;
    assert_eq!(side["supplier"]["purchase"][0], 1_350_000, "{side}");
    let html = won.client.get(app.url(&format!("/besoins/{id}"))).send().await.expect("GET");
    assert!(html.text().await.expect("body").contains("id=\"purchase-recorded\""));
    let late = json(declare(&won.client, &won.structure_id, "14 000", &today).await).await;
    assert!(late["Refused"].as_str().is_some_and(|r| r.contains("déjà enregistré")), "{late}");
}
