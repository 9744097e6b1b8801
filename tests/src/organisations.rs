//! Helpers to arrange organisations and memberships.

use serde_json::Value;

use crate::TestApp;

impl TestApp {
    /// Creates an organisation through the real endpoint as `client`; returns its id.
    pub async fn create_organisation(
        &self,
        client: &reqwest::Client,
        name: &str,
        kind: &str,
    ) -> String {
        let outcome = self
            .call_ok(
                client,
                "organisation-create",
                &[("name", name), ("kind", kind), ("buyer_detail", "")],
            )
            .await;
        outcome["Done"].as_str().unwrap_or_else(|| panic!("created: {outcome}")).to_owned()
    }

    /// Puts a person into an organisation with a role, straight in the database.
    pub async fn add_member(&self, organisation_id: &str, email: &str, role: &str) {
        let db = crate::pool(&self.database_url).await;
        let user_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&db)
            .await
            .expect("user exists");
        sqlx::query("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, 0)")
            .bind(organisation_id)
            .bind(user_id)
            .bind(role)
            .execute(&db)
            .await
            .expect("membership");
    }

    /// Makes an organisation straight in the database (e.g. the pôle); returns its id.
    pub async fn insert_organisation(
        &self,
        name: &str,
        kind: &str,
        buyer_kind: Option<&str>,
    ) -> String {
        let db = crate::pool(&self.database_url).await;
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO organisations (id, name, name_key, kind, buyer_kind, created_at, updated_at) \
             VALUES ($1, $2, $5, $3, $4, 0, 0)",
        )
        .bind(&id)
        .bind(name)
        .bind(kind)
        .bind(buyer_kind)
        .bind(name.to_lowercase())
        .execute(&db)
        .await
        .expect("organisation");
        id
    }

    /// Marks a buyer organisation as verified by the pôle, straight in the database (the
    /// verification's own tests go through the animators' endpoint).
    pub async fn verify_organisation(&self, organisation_id: &str) {
        let db = crate::pool(&self.database_url).await;
        sqlx::query(
            "UPDATE organisations SET verification = 'verified', siret = $2, \
             buyer_category = CASE buyer_kind WHEN 'public' THEN 'collectivite' ELSE 'pme' END \
             WHERE id = $1 AND kind = 'buyer'",
        )
        .bind(organisation_id)
        .bind(crate::SIRET)
        .execute(&db)
        .await
        .expect("verified");
    }

    pub async fn user_id(&self, email: &str) -> String {
        let db = crate::pool(&self.database_url).await;
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&db)
            .await
            .expect("user")
    }

    /// The organisation's page data as `client` sees it.
    pub async fn organisation(&self, client: &reqwest::Client, id: &str) -> Value {
        self.call_ok(client, "organisation", &[("id", id)]).await
    }

    /// The token of the invitation link e-mailed to `to`.
    pub async fn invitation_token(&self, to: &str) -> String {
        self.link_token(to, "Invitation à rejoindre").await
    }
}
