//! API tokens of a buyer organisation: created by its owners with French errors, shown once
//! (hydrated and after a plain form post), kept hashed, listed, revoked, audited.

use app::services::accounts::hash_token;
use tests::{TestApp, spawn_app};

async fn create(
    app: &TestApp,
    client: &reqwest::Client,
    org: &str,
    name: &str,
) -> serde_json::Value {
    app.call_ok(
        client,
        "organisation-api-token-create",
        &[("organisation_id", org), ("name", name)],
    )
    .await
}

async fn column_values(app: &TestApp, sql: &str) -> Vec<String> {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar(sql).fetch_all(&db).await.expect("query")
}

#[tokio::test]
async fn an_owner_creates_a_token_shown_once_and_kept_hashed() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let org = buyer.organisation_id.as_str();

    let empty = create(&app, &buyer.client, org, "  ").await;
    assert!(empty["Invalid"][0][1].as_str().expect("message").contains("Donnez un nom"), "{empty}");
    assert_eq!(empty["Invalid"][0][0], "name");
    let long = create(&app, &buyer.client, org, &"x".repeat(101)).await;
    assert!(long["Invalid"].to_string().contains("100 caractères"), "{long}");
    assert_eq!(tests::count(&app.database_url, "api_tokens").await, 0, "nothing stored");

    let created = create(&app, &buyer.client, org, "Logiciel de marchés").await;
    let token = created["Done"]["token"].as_str().expect("the token, once").to_owned();
    assert!(token.starts_with("ecossol_") && token.len() > 64, "{token}");

    // Only its SHA-256 is stored; the clear token is in no column of the table.
    let hashes = column_values(&app, "SELECT token_hash FROM api_tokens").await;
    assert_eq!(hashes, vec![hash_token(&token)]);
    let db = tests::pool(&app.database_url).await;
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, token_hash FROM api_tokens")
            .fetch_all(&db)
            .await
            .expect("rows");
    assert!(!format!("{rows:?}").contains(&token[8..]), "{rows:?}");

    // The list and the page show its name and dates, never the token.
    let listed =
        app.call_ok(&buyer.client, "organisation-api-tokens", &[("organisation_id", org)]).await;
    assert_eq!(listed[0]["name"], "Logiciel de marchés");
    assert!(listed[0]["last_used_at"].is_null());
    assert!(!listed.to_string().contains(&token[8..]));
    let page =
        buyer.client.get(app.url(&format!("/organisations/{org}"))).send().await.expect("GET");
    let page = page.text().await.expect("page");
    assert!(page.contains("Logiciel de marchés") && page.contains("jamais"), "listed on the page");
    assert!(!page.contains(&token[8..]), "the token is not shown again");

    // Audited on the organisation, without the token.
    let audit = column_values(
        &app,
        "SELECT action || ' ' || details FROM audit_log WHERE subject_type = 'organisation'",
    )
    .await;
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert!(audit[0].starts_with("api_token_created") && audit[0].contains("Logiciel de marchés"));
    assert!(!audit[0].contains(&token[8..]) && !audit[0].contains(&hash_token(&token)));
}

#[tokio::test]
async fn a_plain_form_post_shows_the_new_token_once_and_the_database_never_holds_it() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville d'Échirolles", "achats@echirolles.example").await;
    let org = buyer.organisation_id.as_str();
    let plain = |name: &'static str| {
        buyer
            .client
            .post(app.url("/api/organisation-api-token-create"))
            .header("accept", "text/html")
            .form(&[("organisation_id", org), ("name", name)])
            .send()
    };

    let refused = plain("").await.expect("POST");
    let page = app.follow(&buyer.client, &refused).await;
    assert!(page.contains("Donnez un nom au jeton"), "the French error next to the field");

    let created = plain("Intégration ERP").await.expect("POST");
    assert_eq!(created.headers()["location"], format!("/organisations/{org}").as_str());
    // The flash waiting for the page holds the token sealed, not in clear.
    let payloads = column_values(&app, "SELECT payload FROM form_flashes").await;
    assert_eq!(payloads.len(), 1, "{payloads:?}");
    assert!(!payloads[0].contains("ecossol_"), "{payloads:?}");
    let page = app.follow(&buyer.client, &created).await;
    assert!(page.contains("Copiez-le maintenant, il ne sera plus affiché"), "shown once");
    let marker = r#"id="api-token-value">"#;
    let start = page.find(marker).expect("the token on the page") + marker.len();
    let token = &page[start..start + 8 + 64];
    assert!(token.starts_with("ecossol_"), "{token}");
    assert_eq!(
        column_values(&app, "SELECT token_hash FROM api_tokens").await,
        vec![hash_token(token)]
    );

    let again =
        buyer.client.get(app.url(&format!("/organisations/{org}"))).send().await.expect("GET");
    let again = again.text().await.expect("page");
    assert!(!again.contains(token) && !again.contains("Copiez-le"), "and never again");
    assert!(again.contains("Intégration ERP"));
}

#[tokio::test]
async fn only_owners_of_a_buyer_manage_tokens_and_at_most_ten_are_active() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville de Meylan", "achats@meylan.example").await;
    let org = buyer.organisation_id.as_str();
    let member = app.signed_in_user("Membre", "membre@meylan.example").await;
    app.add_member(org, "membre@meylan.example", "member").await;
    let officer = app.signed_in_user("Acheteur", "acheteur@meylan.example").await;
    app.add_member(org, "acheteur@meylan.example", "procurement_officer").await;
    let form = [("organisation_id", org), ("name", "Jeton")];
    for client in [&member, &officer] {
        let response = app.call(client, "organisation-api-token-create", &form).await;
        assert_eq!(response.status(), 403);
        let response =
            app.call(client, "organisation-api-tokens", &[("organisation_id", org)]).await;
        assert_eq!(response.status(), 403);
    }

    let supplier = app.signed_in_user("Coopérative", "scop@jardins.example").await;
    let scop = app.create_organisation(&supplier, "SCOP Les Jardins", "supplier").await;
    let refused = create(&app, &supplier, &scop, "Jeton").await;
    assert!(refused["Refused"].as_str().expect("refused").contains("organisations acheteuses"));

    let mut ids = Vec::new();
    for n in 0..10 {
        let created = create(&app, &buyer.client, org, &format!("Jeton {n}")).await;
        ids.push(created["Done"]["id"].as_str().expect("created").to_owned());
    }
    let eleventh = create(&app, &buyer.client, org, "Jeton de trop").await;
    assert!(
        eleventh["Refused"].as_str().expect("refused").contains("10 jetons actifs"),
        "{eleventh}"
    );

    let revoke = [("organisation_id", org), ("token_id", ids[0].as_str())];
    assert_eq!(app.call(&member, "organisation-api-token-revoke", &revoke).await.status(), 403);
    let revoked = app.call_ok(&buyer.client, "organisation-api-token-revoke", &revoke).await;
    assert_eq!(revoked["Done"], ids[0].as_str());
    let twice = app.call_ok(&buyer.client, "organisation-api-token-revoke", &revoke).await;
    assert!(twice["Refused"].as_str().expect("refused").contains("déjà été révoqué"));
    assert!(create(&app, &buyer.client, org, "Jeton 10").await["Done"].is_object(), "room again");
    let actions = column_values(
        &app,
        "SELECT action FROM audit_log WHERE subject_type = 'organisation' AND action = 'api_token_revoked'",
    )
    .await;
    assert_eq!(actions.len(), 1);
}
