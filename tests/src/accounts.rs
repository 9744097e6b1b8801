//! Helpers to create people and sign them in through the real endpoints.

use serde_json::Value;
use sqlx::Row;

use crate::TestApp;

pub const PASSWORD: &str = "un mot de passe solide";

impl TestApp {
    /// A fresh client (its own cookie jar) that sends no browser headers.
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // A request that never completes fails its test in a minute instead of stalling
            // the whole run.
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .expect("HTTP client")
    }

    /// Calls a server function with form-encoded arguments, as the browser does.
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client.post(self.url(&format!("/api/{endpoint}"))).form(form).send().await.expect("POST")
    }

    /// Same, expecting a JSON answer with HTTP 200.
    pub async fn call_ok(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Value {
        let response = self.call(client, endpoint, form).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        assert_eq!(status, 200, "{endpoint}: {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    pub async fn sign_up(&self, name: &str, email: &str, password: &str) -> Value {
        let form = [
            ("name", name),
            ("email", email),
            ("password", password),
            ("password_confirm", password),
        ];
        self.call_ok(&self.new_client(), "signup", &form).await
    }

    /// Every message queued for `to`: (subject, body). The test clock stands still, so
    /// their order is not known.
    pub async fn mails_to(&self, to: &str) -> Vec<(String, String)> {
        let db = crate::pool(&self.database_url).await;
        let rows = sqlx::query("SELECT subject, body_text FROM email_outbox WHERE to_address = $1")
            .bind(to)
            .fetch_all(&db)
            .await
            .expect("outbox");
        rows.into_iter().map(|r| (r.get::<String, _>(0), r.get::<String, _>(1))).collect()
    }

    /// The message with `subject` queued for `to`.
    pub async fn mail(&self, to: &str, subject: &str) -> Option<String> {
        self.mails_to(to).await.into_iter().find(|(s, _)| s == subject).map(|(_, body)| body)
    }

    /// The token (`jeton=…`) of the link in the e-mail to `to` whose subject starts with
    /// `subject`.
    pub async fn link_token(&self, to: &str, subject: &str) -> String {
        let (_, body) = self
            .mails_to(to)
            .await
            .into_iter()
            .find(|(s, _)| s.starts_with(subject))
            .unwrap_or_else(|| panic!("an e-mail to {to} about {subject:?}"));
        let start = body.find("jeton=").expect("a link with a token") + "jeton=".len();
        body[start..].chars().take_while(char::is_ascii_alphanumeric).collect()
    }

    /// The token of the verification link e-mailed to `to`.
    pub async fn verification_token(&self, to: &str) -> String {
        self.link_token(to, "Confirmez votre adresse e-mail sur Ecossol").await
    }

    /// Signs up, confirms the address and returns a client signed in as that person.
    pub async fn signed_in_user(&self, name: &str, email: &str) -> reqwest::Client {
        self.sign_up(name, email, PASSWORD).await;
        let token = self.verification_token(email).await;
        let client = self.new_client();
        self.call_ok(&client, "verify-email", &[("token", &token)]).await;
        let outcome =
            self.call_ok(&client, "login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(outcome, "SignedIn");
        client
    }

    /// A signed-in administrator.
    pub async fn signed_in_admin(&self, email: &str) -> reqwest::Client {
        let client = self.signed_in_user("Admin", email).await;
        let db =
            app::db::connect(&self.database_url, &app::db::DbOptions::default()).await.expect("db");
        app::db::users::grant_admin(&db, email, 0).await.expect("grant");
        client
    }
}
