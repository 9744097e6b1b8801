//! `POST /api/v1/needs` with an organisation's API token: drafts, submission (refused to an
//! unverified buyer, the draft kept), French errors per field, authentication, the daily cap.

use serde_json::json;
use tests::{Buyer, TestApp, need_json, spawn_app};

async fn scalar(app: &TestApp, sql: &str, id: &str) -> Option<String> {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar(sql).bind(id).fetch_optional(&db).await.expect("query")
}

async fn buyer_with_token(app: &TestApp, email: &str) -> (Buyer, String) {
    let buyer = app.buyer("Ville de Fontaine", email).await;
    let token = app.api_token(&buyer, "Logiciel de marchés").await;
    (buyer, token)
}

#[tokio::test]
async fn a_token_drafts_a_need_as_its_creator_and_its_use_is_recorded() {
    let app = spawn_app().await;
    let (buyer, token) = buyer_with_token(&app, "achats@fontaine.example").await;
    let body = json!({ "title": "Traiteur pour un séminaire", "lots": ["Buffet ; 80 ; couverts"] });
    let (status, answer) = app.post_need_api(Some(&token), &body).await;
    assert_eq!(status, 201, "{answer}");
    let id = answer["id"].as_str().expect("id");
    assert_eq!(answer["state"], "draft");
    assert_eq!(answer["url"], format!("{}/besoins/{id}", app.state.public_url).as_str());

    let creator = scalar(&app, "SELECT created_by FROM needs WHERE id = $1", id).await;
    assert_eq!(creator, Some(app.user_id("achats@fontaine.example").await));
    let page = app.need(&buyer.client, id).await;
    assert_eq!(page["form"]["title"], "Traiteur pour un séminaire");
    let listed = app
        .call_ok(
            &buyer.client,
            "organisation-api-tokens",
            &[("organisation_id", &buyer.organisation_id)],
        )
        .await;
    assert!(listed[0]["last_used_at"].is_i64(), "last use recorded: {listed}");
}

#[tokio::test]
async fn submitting_needs_a_verified_organisation_and_the_draft_is_kept_otherwise() {
    let app = spawn_app().await;
    let (buyer, token) = buyer_with_token(&app, "achats@fontaine.example").await;
    let (status, answer) = app
        .post_need_api(Some(&token), &need_json(&app, "Entretien des espaces verts", true))
        .await;
    assert_eq!(status, 409, "{answer}");
    assert_eq!(answer["code"], "submission_refused");
    assert!(answer["error"].as_str().expect("why").contains("vérifiée"), "{answer}");
    assert_eq!(answer["draft"]["state"], "draft");
    let kept = answer["draft"]["id"].as_str().expect("the draft kept");
    assert_eq!(
        scalar(&app, "SELECT state FROM needs WHERE id = $1", kept).await.as_deref(),
        Some("draft")
    );

    app.verify_organisation(&buyer.organisation_id).await;
    let (status, answer) =
        app.post_need_api(Some(&token), &need_json(&app, "Entretien des haies", true)).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["state"], "submitted");
    let id = answer["id"].as_str().expect("id");
    assert_eq!(
        scalar(&app, "SELECT state FROM needs WHERE id = $1", id).await.as_deref(),
        Some("submitted")
    );

    // Incomplete for submission: the draft is kept and the missing fields are named.
    let (status, answer) = app
        .post_need_api(Some(&token), &json!({ "title": "Nettoyage des locaux", "submit": true }))
        .await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["draft"]["state"], "draft");
    let fields: Vec<&str> = answer["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(fields.contains(&"deadline_on") && fields.contains(&"place"), "{answer}");
}

#[tokio::test]
async fn bad_fields_and_bad_bodies_are_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (_, token) = buyer_with_token(&app, "achats@fontaine.example").await;
    let mut body = need_json(&app, "abc", false);
    body["place"] = "75056".into();
    body["family"] = json!(["lointaine"]);
    let (status, answer) = app.post_need_api(Some(&token), &body).await;
    assert_eq!(status, 422, "{answer}");
    let errors = answer["errors"].as_array().expect("errors");
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .and_then(|e| e["message"].as_str())
            .map(str::to_owned)
    };
    assert_eq!(message("title").as_deref(), Some("Le titre compte au moins 5 caractères."));
    assert!(message("place").is_some() && message("family").is_some(), "{answer}");
    assert!(answer.get("draft").is_none(), "nothing stored: {answer}");

    let (status, answer) =
        app.post_need_api(Some(&token), &json!({ "titel": "Faute de frappe" })).await;
    assert_eq!((status, answer["code"].as_str()), (400, Some("invalid_json")), "{answer}");
    let (status, answer) =
        app.post_need_api(Some(&token), &json!({ "title": "x".repeat(70 * 1024) })).await;
    assert_eq!((status, answer["code"].as_str()), (413, Some("body_too_large")), "{answer}");
    assert_eq!(tests::count(&app.database_url, "needs").await, 0);
}

#[tokio::test]
async fn without_a_live_token_of_an_owner_the_api_refuses() {
    let app = spawn_app().await;
    let (buyer, token) = buyer_with_token(&app, "achats@fontaine.example").await;
    let body = json!({ "title": "Traiteur pour un séminaire" });

    let (status, answer) = app.post_need_api(None, &body).await;
    assert_eq!((status, answer["code"].as_str()), (401, Some("missing_token")), "{answer}");
    assert!(answer["error"].as_str().expect("French").contains("Authentification requise"));
    let (status, answer) = app.post_need_api(Some("ecossol_inconnu"), &body).await;
    assert_eq!((status, answer["code"].as_str()), (401, Some("invalid_token")), "{answer}");

    // A signed-in owner's session, from an Ecossol page, opens nothing here.
    let response = buyer
        .client
        .post(app.url("/api/v1/needs"))
        .header("Origin", app.address.clone())
        .json(&body)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");

    // Its creator steps down: the token stops acting (another owner keeps the organisation).
    app.signed_in_user("Directrice", "direction@fontaine.example").await;
    app.add_member(&buyer.organisation_id, "direction@fontaine.example", "owner").await;
    let db = tests::pool(&app.database_url).await;
    sqlx::query("UPDATE memberships SET role = 'member' WHERE user_id = $1")
        .bind(app.user_id("achats@fontaine.example").await)
        .execute(&db)
        .await
        .expect("stepped down");
    let (status, answer) = app.post_need_api(Some(&token), &body).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (403, Some("token_creator_not_owner")),
        "{answer}"
    );
    sqlx::query("UPDATE memberships SET role = 'owner' WHERE user_id = $1")
        .bind(app.user_id("achats@fontaine.example").await)
        .execute(&db)
        .await
        .expect("owner again");
    assert_eq!(app.post_need_api(Some(&token), &body).await.0, 201);

    // Revoked, it is refused as an unknown one.
    let id: String =
        sqlx::query_scalar("SELECT id FROM api_tokens").fetch_one(&db).await.expect("id");
    let revoke = [("organisation_id", buyer.organisation_id.as_str()), ("token_id", id.as_str())];
    app.call_ok(&buyer.client, "organisation-api-token-revoke", &revoke).await;
    let (status, answer) = app.post_need_api(Some(&token), &body).await;
    assert_eq!((status, answer["code"].as_str()), (401, Some("invalid_token")), "{answer}");
}

#[tokio::test]
async fn an_organisation_posts_at_most_a_hundred_needs_a_day() {
    let app = spawn_app().await;
    let (buyer, token) = buyer_with_token(&app, "achats@fontaine.example").await;
    let db = tests::pool(&app.database_url).await;
    let now = app.state.clock.now_ms();
    let insert = async |count: i64, at: i64| {
        for n in 0..count {
            sqlx::query(
                "INSERT INTO needs (id, organisation_id, state, title, created_at, updated_at) \
                 VALUES ($1, $2, 'draft', 'Besoin', $3, $3)",
            )
            .bind(format!("besoin-{at}-{n}"))
            .bind(&buyer.organisation_id)
            .bind(at)
            .execute(&db)
            .await
            .expect("need");
        }
    };
    let body = json!({ "title": "Traiteur pour un séminaire" });
    // Yesterday's needs do not count.
    insert(app::services::api_access::DAILY_NEEDS_CAP, now - 25 * 3_600_000).await;
    insert(app::services::api_access::DAILY_NEEDS_CAP - 1, now - 3_600_000).await;
    assert_eq!(app.post_need_api(Some(&token), &body).await.0, 201, "the hundredth");
    let (status, answer) = app.post_need_api(Some(&token), &body).await;
    assert_eq!((status, answer["code"].as_str()), (429, Some("daily_cap_reached")), "{answer}");
    assert!(answer["error"].as_str().expect("French").contains("100 besoins"));
}
