//! Helpers for the API tokens' tests: a token created through the real endpoint, a call of
//! `POST /api/v1/needs`, a complete need as the API takes it.

use serde_json::{Value, json};

use crate::{Buyer, TestApp, need_fields};

impl TestApp {
    /// Creates an API token for the buyer's organisation as its owner; returns its value.
    pub async fn api_token(&self, buyer: &Buyer, name: &str) -> String {
        let form = [("organisation_id", buyer.organisation_id.as_str()), ("name", name)];
        let outcome = self.call_ok(&buyer.client, "organisation-api-token-create", &form).await;
        outcome["Done"]["token"].as_str().unwrap_or_else(|| panic!("created: {outcome}")).to_owned()
    }

    /// Posts `body` to `/api/v1/needs` with `token` (if any) from a program (no browser
    /// headers, no cookies); returns the status and the JSON answer.
    pub async fn post_need_api(&self, token: Option<&str>, body: &Value) -> (u16, Value) {
        let mut request = reqwest::Client::new().post(self.url("/api/v1/needs")).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("POST");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }
}

/// A complete need as JSON (the fields of [`need_fields`], lists as arrays), with `submit`.
pub fn need_json(app: &TestApp, title: &str, submit: bool) -> Value {
    let mut body = json!({ "submit": submit });
    for (key, value) in need_fields(app, title) {
        let key = key.trim_start_matches("form[").trim_end_matches(']').to_owned();
        body[&key] = match key.as_str() {
            "lots" | "questions" => value.lines().collect::<Vec<_>>().into(),
            _ => value.into(),
        };
    }
    body
}
