//! Helpers for the label tests: the pôle's team, file steps, the sweep, time passing.

use serde_json::Value;

use crate::{PASSWORD, TestApp};

impl TestApp {
    /// Signed-in animators of one pôle.
    pub async fn pole_team(&self, emails: &[&str]) -> Vec<reqwest::Client> {
        let pole = self.insert_organisation("Pôle d'achats solidaires", "pole", None).await;
        let mut team = Vec::new();
        for email in emails {
            team.push(self.signed_in_user("Animateur", email).await);
            self.add_member(&pole, email, "animator").await;
        }
        team
    }

    /// A new session for someone who signed up earlier (sessions end as time passes).
    pub async fn sign_in_again(&self, email: &str) -> reqwest::Client {
        let client = self.new_client();
        let outcome =
            self.call_ok(&client, "login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(outcome, "SignedIn");
        client
    }

    /// A structure's editor applies for the label; returns the file's id.
    pub async fn apply_label(&self, client: &reqwest::Client, structure_id: &str) -> String {
        let outcome = self.call_ok(client, "label-apply", &[("structure_id", structure_id)]).await;
        outcome["Done"].as_str().unwrap_or_else(|| panic!("applied: {outcome}")).to_owned()
    }

    /// Takes a step of a label file; returns the outcome.
    pub async fn label_step(
        &self,
        client: &reqwest::Client,
        label_id: &str,
        step: &str,
        text: &str,
        decision: &str,
    ) -> Value {
        self.call_ok(
            client,
            "label-step",
            &[("label_id", label_id), ("step", step), ("text", text), ("decision", decision)],
        )
        .await
    }

    /// A published structure's label, granted on its declared facts: applied for, submitted,
    /// prepared by `preparer`, granted by `decider`. Returns the file's id.
    pub async fn granted_label(
        &self,
        supplier: &crate::Supplier,
        preparer: &reqwest::Client,
        decider: &reqwest::Client,
    ) -> String {
        let label = self.apply_label(&supplier.client, &supplier.structure_id).await;
        for (client, step, text) in [
            (&supplier.client, "submit", ""),
            (preparer, "prepare", "Instruit."),
            (decider, "decide", "Attribué."),
        ] {
            let done = self.label_step(client, &label, step, text, "grant").await;
            assert!(done["Done"].is_string(), "{step}: {done}");
        }
        label
    }

    /// A label file as `client` sees it (`null` when hidden).
    pub async fn label_file(&self, client: &reqwest::Client, id: &str) -> Value {
        let response = self.call(client, "label-file", &[("id", id)]).await;
        crate::found_or_null(response).await
    }

    /// One pass of the daily label sweep.
    pub async fn sweep_labels(&self) -> app::services::label::sweep::Swept {
        app::services::label::sweep::sweep(&self.state).await.expect("sweep")
    }

    /// Moves the server's clock `days` ahead, to the same time of day in Paris: 24-hour steps
    /// would land on another Paris day around midnight once daylight saving time changes.
    pub fn advance_days(&self, days: i64) {
        use app::{clock::Clock, domain::calendar::PARIS};
        let now = jiff::Timestamp::from_millisecond(self.clock.now_ms()).expect("a clock instant");
        let later = now.to_zoned_datetime(PARIS.clone()).checked_add(jiff::Span::new().days(days));
        let later = later.expect("a later day").timestamp();
        self.clock.advance_ms(later.as_millisecond() - now.as_millisecond());
    }

    /// The server's day.
    pub fn today(&self) -> app::domain::calendar::Day {
        use app::clock::Clock;
        app::domain::calendar::Day::of_instant(self.clock.now_ms())
    }
}
