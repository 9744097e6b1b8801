//! Helpers for the needs' tests: a verified buyer, a need's form, its steps.

use serde_json::Value;

use crate::{Buyer, TestApp};

/// The `form[…]` pairs of a complete quote request for green spaces in Grenoble, answered
/// within 30 days of the server's day.
pub fn need_fields(app: &TestApp, title: &str) -> Vec<(String, String)> {
    let deadline = app.today().plus_days(30).iso();
    let start = app.today().plus_days(60).iso();
    [
        ("kind", "quote"),
        ("title", title),
        ("description", "Tonte, taille des haies et ramassage des feuilles d'avril à octobre."),
        ("sector", "espaces-verts"),
        ("service_kind", "service"),
        ("lots", "Tonte ; 12 ; passages\nTaille des haies ; 2 ; passages"),
        ("place", "38185"),
        ("deadline_on", deadline.as_str()),
        ("start_on", start.as_str()),
        ("budget_kind", "range"),
        ("budget_min", "20 000"),
        ("budget_max", "30 000"),
        ("questions", "Combien de personnes en insertion sur le chantier ?"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_owned()))
    .collect()
}

impl TestApp {
    /// Drafts a need through the endpoint; returns the answer.
    pub async fn draft_need(&self, buyer: &Buyer, fields: Vec<(String, String)>) -> Value {
        let mut pairs = vec![("organisation_id".to_owned(), buyer.organisation_id.clone())];
        pairs.extend(fields);
        self.call_pairs_ok(&buyer.client, "need-create", &pairs).await
    }

    /// Takes a step on a need; returns the answer.
    pub async fn need_step(
        &self,
        client: &reqwest::Client,
        need_id: &str,
        step: &str,
        reason: &str,
    ) -> Value {
        self.call_ok(
            client,
            "need-step",
            &[("need_id", need_id), ("step", step), ("reason", reason)],
        )
        .await
    }

    /// A need drafted, submitted and validated: published.
    pub async fn published_need(
        &self,
        buyer: &Buyer,
        animator: &reqwest::Client,
        title: &str,
    ) -> String {
        let drafted = self.draft_need(buyer, need_fields(self, title)).await;
        let id =
            drafted["Done"].as_str().unwrap_or_else(|| panic!("drafted: {drafted}")).to_owned();
        let submitted = self.need_step(&buyer.client, &id, "submit", "").await;
        assert!(submitted["Done"].is_string(), "{submitted}");
        let validated = self.need_step(animator, &id, "validate", "").await;
        assert!(validated["Done"].is_string(), "{validated}");
        id
    }

    /// A need's page as `client` sees it (`Null` when not found).
    pub async fn need(&self, client: &reqwest::Client, id: &str) -> Value {
        crate::found_or_null(self.call(client, "need", &[("id", id)]).await).await
    }
}

impl TestApp {
    /// Gives a verified buyer the SIRET of its buying entity (the verification helper gives
    /// every buyer the same one).
    pub async fn set_siret(&self, organisation_id: &str, siret: &str) {
        sqlx::query("UPDATE organisations SET siret = $2 WHERE id = $1")
            .bind(organisation_id)
            .bind(siret)
            .execute(&crate::pool(&self.database_url).await)
            .await
            .expect("siret");
    }
}
