//! Helpers for the HQS tests: buyers and their profiles.

use serde_json::Value;

use crate::{Supplier, TestApp, complete_profile};

/// A signed-in buyer (owner of a buyer organisation).
pub struct Buyer {
    pub client: reqwest::Client,
    pub organisation_id: String,
}

/// The fields of a profile form, as `form[…]` pairs: `criteria` are
/// (`<criterion>.<field>`, value) pairs of the `values` map.
pub fn profile_fields(
    name: &str,
    shared: bool,
    criteria: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut pairs = vec![("form[name]".to_owned(), name.to_owned())];
    if shared {
        pairs.push(("form[shared]".to_owned(), "1".to_owned()));
    }
    pairs.extend(criteria.iter().map(|(k, v)| (format!("form[values][{k}]"), (*v).to_owned())));
    pairs
}

impl TestApp {
    /// A person who signs up, creates a buyer organisation and owns it.
    pub async fn buyer(&self, organisation: &str, email: &str) -> Buyer {
        let client = self.signed_in_user("Acheteuse", email).await;
        let organisation_id = self.create_organisation(&client, organisation, "buyer_public").await;
        Buyer { client, organisation_id }
    }

    /// A buyer whose organisation the pôle verified: it may open checks and see evidence.
    pub async fn verified_buyer(&self, organisation: &str, email: &str) -> Buyer {
        let buyer = self.buyer(organisation, email).await;
        self.verify_organisation(&buyer.organisation_id).await;
        buyer
    }

    /// Creates a profile through the endpoint; returns its id.
    pub async fn create_profile(&self, buyer: &Buyer, fields: Vec<(String, String)>) -> String {
        let mut pairs = vec![("organisation_id".to_owned(), buyer.organisation_id.clone())];
        pairs.extend(fields);
        let outcome = self.call_pairs_ok(&buyer.client, "hqs-profile-create", &pairs).await;
        outcome["Done"].as_str().unwrap_or_else(|| panic!("created: {outcome}")).to_owned()
    }

    /// Declares new kinds and extra facts for a published structure (`form[…]` keys without
    /// the prefix); the change of kind sends it back to validation, and `animator` validates.
    pub async fn redeclare(
        &self,
        supplier: &Supplier,
        animator: &reqwest::Client,
        name: &str,
        kinds: &[&str],
        extra: &[(&str, &str)],
    ) {
        let mut pairs = complete_profile(name);
        pairs.retain(|(k, _)| k != "form[kind][]");
        pairs.extend(kinds.iter().map(|k| ("form[kind][]".to_owned(), (*k).to_owned())));
        pairs.extend(extra.iter().map(|(k, v)| (format!("form[{k}]"), (*v).to_owned())));
        pairs.push(("structure_id".into(), supplier.structure_id.clone()));
        let saved = self.call_pairs_ok(&supplier.client, "structure-update", &pairs).await;
        assert!(saved["Done"].is_string(), "{saved}");
        let status = self.column("structures", "status", &supplier.structure_id).await;
        assert_eq!(status.as_deref(), Some("submitted"), "a change of kind asks for validation");
        let validated = self.step(animator, &supplier.structure_id, "validate", "").await;
        assert!(validated["Done"].is_string(), "{validated}");
    }

    /// A profile as `client` reads it (`null` when hidden).
    pub async fn profile(&self, client: &reqwest::Client, id: &str) -> Value {
        let response = self.call(client, "hqs-profile", &[("id", id)]).await;
        crate::found_or_null(response).await
    }
}
