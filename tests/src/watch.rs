//! Helpers for the watch's tests: purchases files sent as the browser sends them, their
//! imports, structures of the directory with chosen SIRETs.

use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::{Buyer, TestApp};

/// `text` in Windows-1252, as Excel writes a CSV on a French Windows (the characters it
/// needs: Latin-1, the euro sign, the typographic apostrophe and œ).
pub fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            'œ' => 0x9C,
            c => u8::try_from(u32::from(c)).expect("a Windows-1252 character"),
        })
        .collect()
}

/// The import's id in a redirection to its page.
pub fn import_id_of(response: &reqwest::Response) -> Option<String> {
    let location = response.headers().get("location")?.to_str().ok()?;
    let id = location.strip_prefix("/veille/imports/")?;
    (!id.is_empty() && !id.contains('?')).then(|| id.to_owned())
}

impl TestApp {
    /// Sends a purchases file as the upload form does.
    pub async fn upload_purchases(
        &self,
        client: &reqwest::Client,
        organisation_id: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> reqwest::Response {
        let form = Form::new()
            .text("organisation_id", organisation_id.to_owned())
            .part("file", Part::bytes(bytes).file_name(file_name.to_owned()));
        client.post(self.url("/veille/imports/envoi")).multipart(form).send().await.expect("POST")
    }

    /// Sends a file that is kept pending; returns the import's id.
    pub async fn pending_import(&self, buyer: &Buyer, file_name: &str, bytes: Vec<u8>) -> String {
        let sent =
            self.upload_purchases(&buyer.client, &buyer.organisation_id, file_name, bytes).await;
        let location =
            sent.headers().get("location").map(|l| l.to_str().unwrap_or_default().to_owned());
        import_id_of(&sent)
            .unwrap_or_else(|| panic!("kept pending: {} {location:?}", sent.status()))
    }

    /// An import's page data as `client` sees it (`Null` when not found).
    pub async fn purchase_import(&self, client: &reqwest::Client, id: &str) -> Value {
        crate::found_or_null(self.call(client, "purchase-import", &[("id", id)]).await).await
    }

    pub async fn confirm_import(&self, client: &reqwest::Client, id: &str) -> Value {
        self.call_ok(client, "purchase-import-confirm", &[("import_id", id)]).await
    }

    /// Sends a file and confirms it; returns the import's id.
    pub async fn imported(&self, buyer: &Buyer, file_name: &str, bytes: Vec<u8>) -> String {
        let id = self.pending_import(buyer, file_name, bytes).await;
        let confirmed = self.confirm_import(&buyer.client, &id).await;
        assert_eq!(confirmed["Done"], id.as_str(), "{confirmed}");
        id
    }

    /// A published structure with this SIRET and these kinds, straight in the database.
    pub async fn directory_structure(&self, name: &str, siret: &str, kinds: &str) -> String {
        let db = crate::pool(&self.database_url).await;
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO structures (id, slug, name, status, siret, kinds, created_at, updated_at) \
             VALUES ($1, $2, $3, 'published', $4, $5, 0, 0)",
        )
        .bind(&id)
        .bind(format!("s-{id}"))
        .bind(name)
        .bind(siret)
        .bind(kinds)
        .execute(&db)
        .await
        .expect("structure");
        id
    }

    /// The ledger's lines of an import: (line, supplier, amount in cents, structure id, how
    /// it was matched), in the file's order.
    pub async fn ledger_lines(
        &self,
        import_id: &str,
    ) -> Vec<(i64, String, i64, Option<String>, Option<String>)> {
        let db = crate::pool(&self.database_url).await;
        sqlx::query_as(
            "SELECT line_number, supplier_name, amount_cents, structure_id, match_kind \
             FROM purchases WHERE import_id = $1 ORDER BY line_number",
        )
        .bind(import_id)
        .fetch_all(&db)
        .await
        .expect("lines")
    }
}
