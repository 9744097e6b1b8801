//! The `structures` table: supplier profiles of the directory.

use crate::domain::Code;
use sqlx::{Any, FromRow, Transaction};

use super::Db;
use super::{structure_activities::ActivityRow, structure_certifications::LabelRow};
use crate::domain::{
    directory::{StructureKind, StructureProfile, StructureStatus},
    hqs::{SupplierFacts, declared::cpv_of_sectors},
};

#[derive(Debug, Clone, FromRow)]
pub struct StructureRow {
    pub id: String,
    pub slug: String,
    pub organisation_id: Option<String>,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub status: StructureStatus,
    pub brand: Option<String>,
    pub siret: Option<String>,
    pub rna: Option<String>,
    pub naf: Option<String>,
    pub legal_form: Option<String>,
    pub kinds: String,
    pub esus_agreed_on: Option<String>,
    pub networks: Option<String>,
    pub year_founded: Option<i64>,
    pub description: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub commune_insee: Option<String>,
    pub commune_name: Option<String>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub permanent_staff: Option<i64>,
    pub insertion_staff: Option<i64>,
    pub disabled_share: Option<f64>,
    pub detainee_share: Option<f64>,
    pub insertion_hours_capacity: Option<i64>,
    pub turnover_band: Option<String>,
    pub client_references: Option<String>,
    pub facts_updated_at: Option<i64>,
    pub submitted_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, slug, organisation_id, name, status, brand, siret, rna, naf, legal_form, \
    kinds, esus_agreed_on, networks, year_founded, description, contact_name, contact_email, \
    contact_phone, website, address, commune_insee, commune_name, postcode, latitude, longitude, \
    permanent_staff, insertion_staff, disabled_share, detainee_share, insertion_hours_capacity, turnover_band, client_references, \
    facts_updated_at, submitted_at, created_at, updated_at";

impl StructureRow {
    pub fn kinds(&self) -> Vec<StructureKind> {
        self.kinds.split_whitespace().filter_map(|k| StructureKind::parse(k).ok()).collect()
    }

    /// The facts an HQS evaluation reads, with the structure's labels and activities.
    pub fn supplier_facts(&self, labels: &[LabelRow], activities: &[ActivityRow]) -> SupplierFacts {
        SupplierFacts {
            name: self.name.clone(),
            kinds: self.kinds(),
            legal_form: self.legal_form.clone(),
            permanent_staff: self.permanent_staff,
            insertion_staff: self.insertion_staff,
            disabled_share: self.disabled_share,
            detainee_share: self.detainee_share,
            insertion_hours_capacity: self
                .insertion_hours_capacity
                .and_then(|h| u32::try_from(h).ok()),
            esus_agreed_on: self.esus_agreed_on.clone(),
            labels: labels.iter().map(LabelRow::fact).collect(),
            commune_insee: self.commune_insee.clone(),
            commune_name: self.commune_name.clone(),
            coordinates: self.latitude.zip(self.longitude),
            cpv: cpv_of_sectors(activities.iter().map(|a| a.sector.as_str())),
        }
    }
}

/// Kinds as stored: codes between spaces, so that `LIKE '% ACI %'` finds one.
pub fn kinds_text(kinds: &[StructureKind]) -> String {
    let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    format!(" {} ", codes.join(" "))
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    slug: &str,
    organisation_id: Option<&str>,
    profile: &StructureProfile,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO structures (id, slug, organisation_id, name, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 'draft', $5, $5)",
    )
    .bind(id)
    .bind(slug)
    .bind(organisation_id)
    .bind(&profile.name)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    update_profile(tx, id, profile, true, now).await
}

/// A float as a text parameter that SQL casts back. sqlx 0.8's `Any` driver declares a NULL
/// `f64` parameter as `float4` to PostgreSQL, which then rejects the statement; text cast in
/// SQL behaves alike on both databases, and Rust's shortest representation loses nothing.
fn float_param(value: Option<f64>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// Writes every field of the profile; `facts_changed` moves the social facts' date.
pub async fn update_profile(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    profile: &StructureProfile,
    facts_changed: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    let place = profile.place.as_ref();
    let facts = &profile.facts;
    sqlx::query(
        "UPDATE structures SET name = $2, brand = $3, siret = $4, rna = $5, naf = $6, \
         legal_form = $7, kinds = $8, esus_agreed_on = $9, networks = $10, year_founded = $11, \
         description = $12, contact_name = $13, contact_email = $14, contact_phone = $15, \
         website = $16, address = $17, commune_insee = $18, commune_name = $19, postcode = $20, \
         latitude = CAST($21 AS DOUBLE PRECISION), longitude = CAST($22 AS DOUBLE PRECISION), permanent_staff = $23, insertion_staff = $24, \
         disabled_share = CAST($25 AS DOUBLE PRECISION), turnover_band = $26, client_references = $27, \
         facts_updated_at = CASE WHEN $28 = 1 THEN $29 ELSE facts_updated_at END, \
         detainee_share = CAST($30 AS DOUBLE PRECISION), insertion_hours_capacity = $31, \
         updated_at = $29 WHERE id = $1",
    )
    .bind(id)
    .bind(&profile.name)
    .bind(&profile.brand)
    .bind(profile.siret.as_ref().map(|s| s.as_str().to_owned()))
    .bind(profile.rna.as_ref().map(|s| s.as_str().to_owned()))
    .bind(profile.naf.as_ref().map(|s| s.as_str().to_owned()))
    .bind(&profile.legal_form)
    .bind(kinds_text(&profile.kinds))
    .bind(&profile.esus_agreed_on)
    .bind(&profile.networks)
    .bind(profile.year_founded)
    .bind(&profile.description)
    .bind(&profile.contact_name)
    .bind(&profile.contact_email)
    .bind(&profile.contact_phone)
    .bind(&profile.website)
    .bind(place.and_then(|p| p.address.clone()))
    .bind(place.map(|p| p.insee.as_str().to_owned()))
    .bind(place.map(|p| p.commune_name.clone()))
    .bind(place.map(|p| p.postcode.as_str().to_owned()))
    .bind(float_param(place.and_then(|p| p.coordinates).map(|c| c.0)))
    .bind(float_param(place.and_then(|p| p.coordinates).map(|c| c.1)))
    .bind(facts.permanent_staff)
    .bind(facts.insertion_staff)
    .bind(float_param(facts.disabled_share))
    .bind(&facts.turnover_band)
    .bind(&facts.client_references)
    .bind(i64::from(facts_changed))
    .bind(now)
    .bind(float_param(facts.detainee_share))
    .bind(facts.insertion_hours_capacity)
    .execute(&mut **tx)
    .await?;
    reindex(tx, id, now).await
}

/// Every change of a structure goes to the search outbox in its own transaction.
async fn reindex(tx: &mut Transaction<'_, Any>, id: &str, now: i64) -> Result<(), sqlx::Error> {
    super::search_outbox::enqueue(tx, super::search_outbox::Entity::Structure, id, now).await
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM structures WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_slug(db: &Db, slug: &str) -> Result<Option<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM structures WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
}

pub async fn slug_taken(tx: &mut Transaction<'_, Any>, slug: &str) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM structures WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
}

pub async fn of_organisations(
    db: &Db,
    organisation_ids: &[String],
) -> Result<Vec<StructureRow>, sqlx::Error> {
    let mut rows = Vec::new();
    for id in organisation_ids {
        let mut found: Vec<StructureRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM structures WHERE organisation_id = $1 ORDER BY name"
        ))
        .bind(id)
        .fetch_all(db)
        .await?;
        rows.append(&mut found);
    }
    Ok(rows)
}

/// Structures waiting for validation, oldest first.
pub async fn submitted(db: &Db) -> Result<Vec<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM structures WHERE status = 'submitted' ORDER BY submitted_at, id"
    ))
    .fetch_all(db)
    .await
}

/// Published structures by name, a page at a time.
pub async fn published(db: &Db, limit: i64, offset: i64) -> Result<Vec<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM structures WHERE status = 'published' ORDER BY name, id \
         LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// Published structures by id, `limit` at a time after `after` (keyset paging: a change
/// elsewhere in the table never shifts a page).
pub async fn published_after(
    db: &Db,
    after: &str,
    limit: i64,
) -> Result<Vec<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM structures WHERE status = 'published' AND id > $1 \
         ORDER BY id LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}

pub async fn set_status(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    status: StructureStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE structures SET status = $2, updated_at = $3, \
         submitted_at = CASE WHEN $2 = 'submitted' THEN $3 ELSE submitted_at END WHERE id = $1",
    )
    .bind(id)
    .bind(status.code())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    reindex(tx, id, now).await
}

/// Locks the structure's row for the rest of the transaction (PostgreSQL; SQLite's write
/// transactions are already exclusive) and returns it.
pub async fn lock(
    tx: &mut Transaction<'_, Any>,
    id: &str,
) -> Result<Option<StructureRow>, sqlx::Error> {
    let backend_is_pg = tx.backend_name() == "PostgreSQL";
    let sql = if backend_is_pg {
        format!("SELECT {COLUMNS} FROM structures WHERE id = $1 FOR UPDATE")
    } else {
        format!("SELECT {COLUMNS} FROM structures WHERE id = $1")
    };
    sqlx::query_as(&sql).bind(id).fetch_optional(&mut **tx).await
}

pub async fn organisation_has_one(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM structures WHERE organisation_id = $1")
            .bind(organisation_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// Marks the structure as changed (its activities or offers changed).
pub async fn touch(tx: &mut Transaction<'_, Any>, id: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE structures SET updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    reindex(tx, id, now).await
}

/// Gives a structure to an organisation (the demo accounts' supplier).
pub async fn set_organisation(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    organisation_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE structures SET organisation_id = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(organisation_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    reindex(tx, id, now).await
}

pub async fn siret_exists(db: &Db, siret: &str) -> Result<bool, sqlx::Error> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM structures WHERE siret = $1 LIMIT 1")
            .bind(siret)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

pub async fn published_by_siret(db: &Db, siret: &str) -> Result<Option<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM structures WHERE siret = $1 AND status = 'published' LIMIT 1"
    ))
    .bind(siret)
    .fetch_optional(db)
    .await
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM structures").fetch_one(db).await
}

/// What the purchase ledger matches suppliers against: every structure's id, name, kinds,
/// SIRET (when known) and whether it is published.
#[derive(Debug, Clone, FromRow)]
pub struct IdentityRow {
    pub id: String,
    pub name: String,
    pub kinds: String,
    pub siret: Option<String>,
    pub published: i64,
}

pub async fn identities(db: &Db) -> Result<Vec<IdentityRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, kinds, siret, \
         CAST(CASE WHEN status = 'published' THEN 1 ELSE 0 END AS BIGINT) AS published \
         FROM structures ORDER BY created_at, id",
    )
    .fetch_all(db)
    .await
}

/// A structure by its SIRET, published ones first.
pub async fn find_by_siret(db: &Db, siret: &str) -> Result<Option<StructureRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM structures WHERE siret = $1 \
         ORDER BY CASE WHEN status = 'published' THEN 0 ELSE 1 END, created_at LIMIT 1"
    ))
    .bind(siret)
    .fetch_optional(db)
    .await
}
