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

impl TestApp {
    /// A ledger line of a public buyer, straight in the database: supplied by `structure_id`,
    /// with these social considerations (codes) and insertion hours asked; returns its id.
    pub async fn ledger_line(
        &self,
        structure_id: Option<&str>,
        social: &str,
        hours_asked: Option<i64>,
    ) -> String {
        let db = crate::pool(&self.database_url).await;
        let id = uuid::Uuid::new_v4().to_string();
        let strongest = social.split(' ').next().unwrap_or("none");
        sqlx::query(
            "INSERT INTO purchases (id, source, buyer_name, buyer_kind, structure_id, \
             supplier_name, amount_cents, purchased_on, purchased_year, social_consideration, \
             social_considerations, insertion_hours, object, created_at) \
             VALUES ($1, 'file', 'Ville de Fontaine', 'public', $2, 'Régie de quartier', \
             4200000, '2025-03-01', 2025, $3, $4, $5, 'Entretien des espaces verts', 0)",
        )
        .bind(&id)
        .bind(structure_id)
        .bind(strongest)
        .bind(social)
        .bind(hours_asked)
        .execute(&db)
        .await
        .expect("ledger line");
        app::db::ledger_changes::record(&db, "test").await.expect("ledger change");
        id
    }
}

/// A generated purchases file of `lines` lines, as a buyer's spreadsheet exports it
/// (semicolon CSV, French amounts): the demo ledger's buyers, trades and suppliers, seeded.
pub fn purchases_csv(lines: u64, seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(usize::try_from(lines).unwrap_or(0) * 110);
    write_purchases_csv(&mut out, lines, seed).expect("in memory");
    out
}

/// [`purchases_csv`] written to `out` a line at a time (a file of a million lines on disk,
/// never in memory); returns the bytes written.
pub fn write_purchases_csv(
    out: &mut impl std::io::Write,
    lines: u64,
    seed: u64,
) -> std::io::Result<u64> {
    use app::services::watch::demo_ledger::generator::{Generator, LineBuyer, siret_of};
    let mut generator = Generator::new(seed, Vec::new(), 1_767_225_600_000);
    let buyer = LineBuyer { index: 0, siret: siret_of("20004067"), organisation_id: None };
    let header =
        "Fournisseur;SIRET;Montant HT;Date;Code CPV;Clause sociale;Heures d'insertion réalisées\n";
    out.write_all(header.as_bytes())?;
    let mut written = header.len() as u64;
    let social = |codes: &str| match codes.split(' ').next() {
        Some("reserved") => "Marché réservé",
        Some("clause") => "Clause sociale",
        Some("criterion") => "Critère social",
        _ => "Aucune",
    };
    for n in 0..lines {
        let year = 2022 + i64::try_from(n % 4).unwrap_or(0);
        let l = generator.line(&buyer, year, i64::try_from(n).unwrap_or(0));
        let (y, rest) = l.purchased_on.split_at(4);
        let (m, d) = (&rest[1..3], &rest[4..6]);
        let line = format!(
            "{};{};{},{:02};{d}/{m}/{y};{};{};{}\n",
            l.supplier_name,
            l.supplier_siret.unwrap_or_default(),
            l.amount_cents / 100,
            l.amount_cents % 100,
            l.cpv.unwrap_or_default(),
            social(&l.social_considerations),
            l.insertion_hours_done.map(|h| h.to_string()).unwrap_or_default(),
        );
        out.write_all(line.as_bytes())?;
        written += line.len() as u64;
    }
    Ok(written)
}

/// Adds `lines` generated ledger lines (the demo ledger's buyers, years 2022 to now, seeded)
/// straight in the database, in bulk: the dataset of the ledger's benchmarks, for any
/// query that wants a large ledger. Returns the lines added.
pub async fn generated_ledger(db: &app::db::Db, lines: u64, seed: u64) -> u64 {
    let now = 1_767_225_600_000 + 300 * 86_400_000;
    app::services::watch::demo_ledger::generate(db, lines, seed, now).await.expect("generated")
}
