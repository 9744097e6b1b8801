//! Group purchases: a lead pools its need, invites a second company by its SIRET or opens it
//! to every verified buyer; members state their share before the consultation; the award is
//! split into one purchase per member.

use serde_json::Value;
use tests::{TestApp, spawn_app};

const SECOND_SIRET: &str = "44306184100047";

async fn pairs(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    pairs: &[(&str, &str)],
) -> Value {
    let owned: Vec<(String, String)> =
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    app.call_pairs_ok(client, endpoint, &owned).await
}

/// The French error of a field in an `Invalid` answer.
fn error(answer: &Value, field: &str) -> String {
    answer["Invalid"]
        .as_array()
        .and_then(|pairs| pairs.iter().find(|p| p[0] == field))
        .and_then(|p| p[1].as_str())
        .unwrap_or_default()
        .to_owned()
}

async fn member_rows(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("SELECT organisation_id, state FROM need_members ORDER BY organisation_id")
        .fetch_all(&tests::pool(&app.database_url).await)
        .await
        .expect("members")
}

#[tokio::test]
async fn two_companies_pool_a_need_and_the_award_is_split_into_one_purchase_each() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let lead = app.verified_buyer("Papeteries du Drac", "achats@drac.example").await;
    let second = app.verified_buyer("Coop Imprimerie", "achats@coop.example").await;
    app.set_siret(&second.organisation_id, SECOND_SIRET).await;
    let drafted = app.draft_need(&lead, tests::need_fields(&app, "Entretien mutualisé")).await;
    let id = drafted["Done"].as_str().expect("draft").to_owned();

    // The lead pools it: a joining day is required and must come.
    let yesterday = app.today().plus_days(-1).iso();
    let bad = pairs(
        &app,
        &lead.client,
        "need-pool",
        &[("need_id", &id), ("form[join_until]", &yesterday)],
    )
    .await;
    assert!(error(&bad, "join_until").contains("passé"), "{bad}");
    assert_eq!(tests::count(&app.database_url, "need_pools").await, 0, "nothing stored");
    let until = app.today().plus_days(10).iso();
    let pooled =
        pairs(&app, &lead.client, "need-pool", &[("need_id", &id), ("form[join_until]", &until)])
            .await;
    assert_eq!(pooled["Done"], id.as_str(), "{pooled}");
    // Not open to all: the second company does not see the draft until invited.
    assert!(app.need(&second.client, &id).await.is_null());
    let response = app
        .call(
            &second.client,
            "need-pool-join",
            &[
                ("need_id", &id),
                ("organisation_id", &second.organisation_id),
                ("form[sites]", "Grenoble"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403, "not invited, not open");

    // Invitations by SIRET: French errors next to the field, then the mail.
    for (siret, why) in [("123", "14 chiffres"), ("35600000049837", "Aucun acheteur vérifié")] {
        let refused = pairs(
            &app,
            &lead.client,
            "need-pool-invite",
            &[("need_id", &id), ("form[siret]", siret)],
        )
        .await;
        assert!(error(&refused, "siret").contains(why), "{siret}: {refused}");
    }
    let invited = pairs(
        &app,
        &lead.client,
        "need-pool-invite",
        &[("need_id", &id), ("form[siret]", SECOND_SIRET)],
    )
    .await;
    assert_eq!(invited["Done"], id.as_str(), "{invited}");
    let again = pairs(
        &app,
        &lead.client,
        "need-pool-invite",
        &[("need_id", &id), ("form[siret]", SECOND_SIRET)],
    )
    .await;
    assert!(error(&again, "siret").contains("déjà"), "{again}");
    let mails = app.mails_to("achats@coop.example").await;
    assert!(
        mails.iter().any(|(s, b)| s.contains("Invitation à un achat groupé") && b.contains(&id)),
        "{mails:?}"
    );

    // The invited company reads the draft and states its share.
    let page = app.need(&second.client, &id).await;
    assert_eq!(page["group"]["own"]["state"], "invited", "{page}");
    let join = |fields: Vec<(&'static str, &'static str)>| {
        let mut all =
            vec![("need_id", id.as_str()), ("organisation_id", second.organisation_id.as_str())];
        all.extend(fields);
        let owned: Vec<(String, String)> =
            all.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let (app, client) = (&app, second.client.clone());
        async move { app.call_pairs_ok(&client, "need-pool-join", &owned).await }
    };
    let empty =
        join(vec![("form[quantity][]", ""), ("form[quantity][]", "0"), ("form[sites]", "")]).await;
    assert!(
        !error(&empty, "quantities").is_empty() && !error(&empty, "sites").is_empty(),
        "{empty}"
    );
    assert_eq!(member_rows(&app).await[0].1, "invited", "nothing stored on error");
    let joined = join(vec![
        ("form[quantity][]", "6"),
        ("form[quantity][]", ""),
        ("form[sites]", "Siège, 38130 Échirolles"),
        ("form[budget_share]", "10 000"),
    ])
    .await;
    assert_eq!(joined["Done"], id.as_str(), "{joined}");
    assert!(
        app.mails_to("achats@drac.example").await.iter().any(|(s, _)| s.contains("a rejoint")),
        "the lead is told"
    );

    // The lead sees the pooled volume: 12 + 6 passages, 30 000 + 10 000 €.
    let page = app.need(&lead.client, &id).await;
    assert_eq!(page["group"]["totals"], serde_json::json!([18.0, 2.0]), "{}", page["group"]);
    assert_eq!(page["group"]["pooled_budget_cents"], 4_000_000);
    assert_eq!(page["lots"][0]["quantity"], 18.0, "the consultation asks for the total");
    assert!(
        page["group"]["unlocks"].to_string().contains("2 acheteurs"),
        "{}",
        page["group"]["unlocks"]
    );

    // Published: the consultation has started, nobody leaves any more.
    assert!(app.need_step(&lead.client, &id, "submit", "").await["Done"].is_string());
    assert!(app.need_step(&animator, &id, "validate", "").await["Done"].is_string());
    let leave = pairs(
        &app,
        &second.client,
        "need-pool-leave",
        &[("need_id", &id), ("organisation_id", &second.organisation_id)],
    )
    .await;
    assert!(
        leave["Refused"].as_str().is_some_and(|r| r.contains("consultation a commencé")),
        "{leave}"
    );

    // The supplier quotes once for the total; the member reads the comparison, decides nothing.
    let quote = pairs(
        &app,
        &supplier.client,
        "quote-submit",
        &[
            ("need_id", &id),
            ("structure_id", &supplier.structure_id),
            ("form[price][]", "12 000"),
            ("form[price][]", "3 000"),
            ("form[answer][]", "Trois salariés en insertion"),
            ("form[lead_time]", "2 semaines"),
        ],
    )
    .await;
    assert_eq!(quote["Done"], id.as_str(), "{quote}");
    let seen = app.need(&second.client, &id).await;
    assert_eq!(seen["comparison"]["quotes"].as_array().map(Vec::len), Some(1), "{seen}");
    let response = app
        .call(
            &second.client,
            "need-award",
            &[
                ("need_id", &id),
                ("lot", "1"),
                ("structure_id", &supplier.structure_id),
                ("reason", "Moi"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    for lot in ["1", "2"] {
        let awarded = pairs(
            &app,
            &lead.client,
            "need-award",
            &[
                ("need_id", &id),
                ("lot", lot),
                ("structure_id", &supplier.structure_id),
                ("reason", "Seule offre, complète"),
            ],
        )
        .await;
        assert_eq!(awarded["Done"], id.as_str(), "{awarded}");
    }

    // One purchase per member: lot 1 (12 000 €) shared 12/18 and 6/18, lot 2 all the lead's.
    let today = app.today().iso();
    let confirm = [
        ("need_id", id.as_str()),
        ("structure_id", supplier.structure_id.as_str()),
        ("form[amount]", "15 000"),
        ("form[purchased_on]", today.as_str()),
        ("form[consideration]", "clause"),
        ("form[insertion_hours]", "150"),
    ];
    let recorded = pairs(&app, &lead.client, "need-purchase", &confirm).await;
    assert_eq!(recorded["Done"], id.as_str(), "{recorded}");
    let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT buyer_organisation_id, amount_cents, insertion_hours FROM purchases ORDER BY amount_cents DESC",
    )
    .fetch_all(&tests::pool(&app.database_url).await)
    .await
    .expect("purchases");
    assert_eq!(
        rows,
        vec![
            (lead.organisation_id.clone(), 1_100_000, Some(110)),
            (second.organisation_id.clone(), 400_000, Some(40)),
        ]
    );
    let twice = pairs(&app, &lead.client, "need-purchase", &confirm).await;
    assert!(twice["Refused"].is_string(), "{twice}");
    assert_eq!(tests::count(&app.database_url, "purchases").await, 2);
}

#[tokio::test]
async fn an_open_group_purchase_takes_any_verified_buyer_until_its_day() {
    let app = spawn_app().await;
    let lead = app.verified_buyer("Papeteries du Drac", "achats@drac.example").await;
    let other = app.verified_buyer("Coop Imprimerie", "achats@coop.example").await;
    let unverified = app.buyer("Société Inconnue", "achats@inconnue.example").await;
    let drafted = app.draft_need(&lead, tests::need_fields(&app, "Fournitures de bureau")).await;
    let id = drafted["Done"].as_str().expect("draft").to_owned();
    let until = app.today().plus_days(5).iso();
    let pooled = pairs(
        &app,
        &lead.client,
        "need-pool",
        &[("need_id", &id), ("form[join_until]", &until), ("form[open_to_all]", "on")],
    )
    .await;
    assert_eq!(pooled["Done"], id.as_str(), "{pooled}");

    // Listed for verified buyers, open to join.
    let mine = app.call_ok(&other.client, "needs-mine", &[]).await;
    let listed = mine["pooled"].as_array().expect("pooled").clone();
    assert_eq!(listed.len(), 1, "{mine}");
    assert!(listed[0]["state"].is_null());
    assert!(
        app.call_ok(&unverified.client, "needs-mine", &[]).await["pooled"]
            .as_array()
            .expect("list")
            .is_empty()
    );
    assert!(
        app.need(&unverified.client, &id).await.is_null(),
        "an unverified buyer does not read it"
    );

    let share = |org: &str| {
        vec![
            ("need_id".to_owned(), id.clone()),
            ("organisation_id".to_owned(), org.to_owned()),
            ("form[quantity][]".to_owned(), "4".to_owned()),
            ("form[sites]".to_owned(), "Grenoble".to_owned()),
        ]
    };
    let refused = app
        .call_pairs_ok(&unverified.client, "need-pool-join", &share(&unverified.organisation_id))
        .await;
    assert!(refused["Refused"].as_str().is_some_and(|r| r.contains("vérifiée")), "{refused}");
    let response =
        app.call_pairs(&other.client, "need-pool-join", &share(&unverified.organisation_id)).await;
    assert_eq!(response.status(), 403, "one joins for its own organisation only");
    let joined =
        app.call_pairs_ok(&other.client, "need-pool-join", &share(&other.organisation_id)).await;
    assert_eq!(joined["Done"], id.as_str(), "{joined}");
    assert_eq!(app.need(&lead.client, &id).await["group"]["totals"][0], 16.0);

    // Before the consultation a member may leave; its quantities no longer count.
    let left = pairs(
        &app,
        &other.client,
        "need-pool-leave",
        &[("need_id", &id), ("organisation_id", &other.organisation_id)],
    )
    .await;
    assert_eq!(left["Done"], id.as_str(), "{left}");
    assert_eq!(app.need(&lead.client, &id).await["group"]["totals"][0], 12.0);
    assert_eq!(member_rows(&app).await[0].1, "left");

    // After the joining day, nobody joins.
    app.advance_days(6);
    let late_client = app.sign_in_again("achats@coop.example").await;
    let late =
        app.call_pairs_ok(&late_client, "need-pool-join", &share(&other.organisation_id)).await;
    assert!(late["Refused"].as_str().is_some_and(|r| r.contains("jour limite")), "{late}");
}
