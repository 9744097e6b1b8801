//! Helpers to arrange structures and offers through the real endpoints.

use app::{clock::Clock, services::directory::import::import};
use serde_json::Value;

use crate::{TestApp, spawn_app};

/// A SIRET that passes the Luhn check.
pub const SIRET: &str = "73282932000074";

/// An organisation's owner and the draft structure they created.
pub struct Supplier {
    pub client: reqwest::Client,
    pub email: String,
    pub organisation_id: String,
    pub structure_id: String,
}

/// The profile fields a structure needs to be submitted, as `form[…]` pairs.
pub fn complete_profile(name: &str) -> Vec<(String, String)> {
    [
        ("name", name),
        ("siret", SIRET),
        ("description", "Entretien des espaces verts et nettoyage de locaux."),
        ("contact_email", "contact@regie.example"),
        ("commune", "38185"),
        ("latitude", "45,1667"),
        ("longitude", "5,7333"),
        ("permanent_staff", "12"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_owned()))
    .chain([
        ("form[kind][]".to_owned(), "RQ".to_owned()),
        ("form[kind][]".to_owned(), "ASSO".to_owned()),
    ])
    .collect()
}

impl TestApp {
    /// Signs up `email`, creates its supplier organisation and its draft structure.
    pub async fn supplier(&self, name: &str, email: &str) -> Supplier {
        let client = self.signed_in_user("Responsable", email).await;
        let organisation_id = self.create_organisation(&client, name, "supplier").await;
        let outcome = self
            .call_ok(
                &client,
                "structure-create",
                &[("organisation_id", &organisation_id), ("form[name]", name)],
            )
            .await;
        let structure_id =
            outcome["Done"].as_str().unwrap_or_else(|| panic!("created: {outcome}")).to_owned();
        Supplier { client, email: email.to_owned(), organisation_id, structure_id }
    }

    /// A signed-in animator of the pôle.
    pub async fn animator(&self, email: &str) -> reqwest::Client {
        let client = self.signed_in_user("Animatrice", email).await;
        let pole = self.insert_organisation("Pôle d'achats solidaires", "pole", None).await;
        self.add_member(&pole, email, "animator").await;
        client
    }

    /// Calls an endpoint with owned pairs (repeated keys allowed).
    pub async fn call_pairs(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        pairs: &[(String, String)],
    ) -> reqwest::Response {
        client.post(self.url(&format!("/api/{endpoint}"))).form(pairs).send().await.expect("POST")
    }

    pub async fn call_pairs_ok(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        pairs: &[(String, String)],
    ) -> Value {
        let response = self.call_pairs(client, endpoint, pairs).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        assert_eq!(status, 200, "{endpoint}: {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Saves a complete profile and one activity: the structure can be submitted.
    pub async fn complete_structure(&self, supplier: &Supplier, name: &str) {
        let mut pairs = complete_profile(name);
        pairs.push(("structure_id".into(), supplier.structure_id.clone()));
        let saved = self.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
        assert!(saved["Done"].is_string(), "{saved}");
        let activity = self
            .call_ok(
                &supplier.client,
                "activity-add",
                &[
                    ("structure_id", &supplier.structure_id),
                    ("form[sector]", "espaces-verts"),
                    ("form[service_kind]", "service"),
                    ("form[reach]", "metropole"),
                ],
            )
            .await;
        assert!(activity["Done"].is_string(), "{activity}");
    }

    /// Takes a lifecycle step as `client`; returns the outcome.
    pub async fn step(
        &self,
        client: &reqwest::Client,
        structure_id: &str,
        step: &str,
        reason: &str,
    ) -> Value {
        self.call_ok(
            client,
            "structure-step",
            &[("structure_id", structure_id), ("step", step), ("reason", reason)],
        )
        .await
    }

    /// A complete structure submitted by its owner and validated by an animator.
    pub async fn published_supplier(
        &self,
        name: &str,
        email: &str,
        animator: &reqwest::Client,
    ) -> Supplier {
        let supplier = self.supplier(name, email).await;
        self.complete_structure(&supplier, name).await;
        let submitted = self.step(&supplier.client, &supplier.structure_id, "submit", "").await;
        assert!(submitted["Done"].is_string(), "{submitted}");
        let validated = self.step(animator, &supplier.structure_id, "validate", "").await;
        assert!(validated["Done"].is_string(), "{validated}");
        supplier
    }

    /// Creates an offer as the supplier; returns its id.
    pub async fn create_offer(&self, supplier: &Supplier, title: &str) -> String {
        let outcome = self
            .call_ok(
                &supplier.client,
                "offer-create",
                &[
                    ("structure_id", &supplier.structure_id),
                    ("form[title]", title),
                    ("form[description]", "Tonte, taille de haies, débroussaillage."),
                    ("form[sector]", "espaces-verts"),
                    ("form[service_kind]", "service"),
                    ("form[price]", "35,50"),
                    ("form[unit]", "heure"),
                ],
            )
            .await;
        assert!(outcome["Done"].is_string(), "{outcome}");
        let db = crate::pool(&self.database_url).await;
        sqlx::query_scalar("SELECT id FROM offers WHERE structure_id = $1 AND title = $2")
            .bind(&supplier.structure_id)
            .bind(title)
            .fetch_one(&db)
            .await
            .expect("offer stored")
    }

    /// A structure's or an offer's column, read straight from the database.
    pub async fn column(&self, table: &str, column: &str, id: &str) -> Option<String> {
        let db = crate::pool(&self.database_url).await;
        let value: Option<Option<String>> =
            sqlx::query_scalar(&format!("SELECT {column} FROM {table} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&db)
                .await
                .expect("query");
        value.flatten()
    }
}

/// A server whose directory holds `structures` and `offers` (the import's CSV files), once
/// the search index has caught up.
pub async fn catalogue_of(structures: &str, offers: &str) -> TestApp {
    let app = spawn_app().await;
    let report =
        import(&app.state.db, app.clock.now_ms(), Some(structures), Some(offers), false, "test")
            .await
            .expect("import");
    assert!(report.stored, "{report}");
    assert!(app.search_caught_up().await);
    app
}

/// The great-circle distance in metres between two (latitude, longitude) points, computed
/// here rather than by the app.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) =
        (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().asin()
}
