//! The catalogue's "satisfies my profile" filter: kept in the index from declared facts,
//! right after facts change, private profiles for their organisation only.

use serde_json::Value;
use tests::{TestApp, profile_fields, spawn_app};

async fn structures_satisfying(app: &TestApp, client: &reqwest::Client, profile: &str) -> Value {
    app.call_ok(
        client,
        "catalogue-search",
        &[("query", &format!("cible=structures&profil={profile}"))],
    )
    .await
}

/// The hits' addresses.
fn urls(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .map(|hits| hits.iter().filter_map(|h| h["url"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalogue_filters_on_a_profile_and_follows_the_facts() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let association = app
        .published_supplier("Association Solidarité Services", "asso@exemple.fr", &animator)
        .await;
    let company =
        app.published_supplier("Entreprise Insertion Services", "ei@exemple.fr", &animator).await;
    // The second one is a commercial company: no democratic governance by statute.
    app.redeclare(
        &company,
        &animator,
        "Entreprise Insertion Services",
        &["EI"],
        &[("legal_form", "SAS")],
    )
    .await;

    let ville = app.buyer("Ville de Saint-Égrève", "achats@st-egreve.fr").await;
    let profile = app
        .create_profile(
            &ville,
            profile_fields("Gouvernance", false, &[("gouvernance-democratique.use", "1")]),
        )
        .await;
    let found = tests::eventually(60, async || {
        urls(&structures_satisfying(&app, &ville.client, &profile).await)
            == ["/structures/association-solidarite-services"]
    })
    .await;
    assert!(found, "{}", structures_satisfying(&app, &ville.client, &profile).await);

    // Private: a visitor (the public API) and another buyer do not filter with it.
    let public: Value = app
        .get(&format!("/api/v1/search?cible=structures&profil={profile}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(public["total"], 0);
    assert!(public["suggestions"].to_string().contains("pas accessible"));
    let other = app.buyer("Autre", "achats@autre.fr").await;
    assert_eq!(structures_satisfying(&app, &other.client, &profile).await["total"], 0);

    // The association's facts change: it leaves the results within the outbox's lag.
    app.redeclare(
        &association,
        &animator,
        "Association Solidarité Services",
        &["EI"],
        &[("legal_form", "SAS")],
    )
    .await;
    let gone = tests::eventually(30, async || {
        structures_satisfying(&app, &ville.client, &profile).await["total"] == 0
    })
    .await;
    assert!(gone, "the structure no longer satisfies the profile");

    // Shared, the profile filters the public API too (the company's legal form changes
    // back to a cooperative first).
    app.redeclare(
        &company,
        &animator,
        "Entreprise Insertion Services",
        &["SCOP"],
        &[("legal_form", "SCOP SARL")],
    )
    .await;
    let mut share = vec![("profile_id".to_owned(), profile.clone())];
    share.extend(profile_fields("Gouvernance", true, &[("gouvernance-democratique.use", "1")]));
    app.call_pairs_ok(&ville.client, "hqs-profile-update", &share).await;
    let shared = tests::eventually(60, async || {
        let public: Value = app
            .get(&format!("/api/v1/search?cible=structures&profil={profile}"))
            .await
            .json()
            .await
            .unwrap_or_default();
        public["total"] == 1
    })
    .await;
    assert!(shared, "the shared profile filters the public API");
    app.stop().await;
}
