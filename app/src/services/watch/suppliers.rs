//! The ledger's suppliers that no structure of the directory matches, with their spend, and
//! the links the pôle's animators make by hand (applied to the lines already there and, by
//! the matching, to every later import).

use serde_json::json;

use super::access;
use crate::{
    db::{self, purchase_imports, purchase_ledger, structures, supplier_links},
    domain::{
        Outcome,
        accounts::Acting,
        directory::{Siren, Siret},
        needs::budget::euros,
        watch::{
            LinkForm,
            text::supplier_key,
            views::{UnmatchedPage, UnmatchedSupplier},
        },
    },
    error::AppError,
    state::AppState,
};

/// The suppliers a page lists.
const LISTED: i64 = 500;

/// `/veille/fournisseurs-non-rapproches`: every buyer's unmatched suppliers for the pôle,
/// a buyer's own for its members, nothing for the others.
pub async fn unmatched(state: &AppState, user: &Acting) -> Result<UnmatchedPage, AppError> {
    let readable = access::readable_buyers(user);
    let rows = purchase_ledger::unmatched(&state.db, readable.as_deref(), LISTED).await?;
    let total: i64 = rows.iter().map(|r| r.spend_cents).fold(0, i64::saturating_add);
    let suppliers = rows
        .into_iter()
        .map(|r| UnmatchedSupplier {
            identifier: match r.key_kind.as_str() {
                "siret" => format!("SIRET {}", r.key),
                "siren" => format!("SIREN {}", r.key),
                _ => "sans numéro".to_owned(),
            },
            spend: euros(r.spend_cents),
            key_kind: r.key_kind,
            key: r.key,
            name: r.name,
            line_count: r.line_count,
            spend_cents: r.spend_cents,
        })
        .collect();
    Ok(UnmatchedPage {
        suppliers,
        may_link: user.moderates(),
        everyone: readable.is_none(),
        total: euros(total),
    })
}

/// The key a link is made on, checked.
fn key_of(form: &LinkForm) -> Result<(&'static str, String), AppError> {
    let key = form.key.trim();
    match form.key_kind.as_str() {
        "siret" => {
            Siret::parse(key).map(|s| ("siret", s.to_string())).map_err(|_| AppError::BadRequest)
        }
        "siren" => {
            Siren::parse(key).map(|s| ("siren", s.to_string())).map_err(|_| AppError::BadRequest)
        }
        "name" => {
            let folded = supplier_key(key);
            if folded.is_empty() || folded.chars().count() > 200 {
                Err(AppError::BadRequest)
            } else {
                Ok(("name", folded))
            }
        }
        _ => Err(AppError::BadRequest),
    }
}

/// The structure an animator names: its SIRET, or its page's address or slug.
async fn structure_named(
    state: &AppState,
    text: &str,
) -> Result<Option<structures::StructureRow>, AppError> {
    let text = text.trim();
    if let Ok(siret) = Siret::parse(text) {
        return Ok(structures::find_by_siret(&state.db, siret.as_str()).await?);
    }
    let slug = text.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    let slug = slug.split(['?', '#']).next().unwrap_or_default();
    if slug.is_empty() || slug.len() > 200 {
        return Ok(None);
    }
    Ok(structures::find_by_slug(&state.db, slug).await?)
}

/// Links an unmatched supplier to a structure; returns the structure's name.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn link(
    state: &AppState,
    user: &Acting,
    form: LinkForm,
) -> Result<Outcome<String>, AppError> {
    if !user.moderates() {
        return Err(AppError::Forbidden);
    }
    let (key_kind, key) = key_of(&form)?;
    if form.structure.trim().is_empty() {
        return Ok(Outcome::invalid(
            "structure",
            "Indiquez la structure : son SIRET ou l'adresse de sa fiche dans l'annuaire.",
        ));
    }
    let Some(structure) = structure_named(state, &form.structure).await? else {
        return Ok(Outcome::invalid(
            "structure",
            "Aucune structure de l'annuaire n'a ce SIRET ou cette adresse.",
        ));
    };
    let Some(name) = purchase_ledger::unmatched_name(&state.db, key_kind, &key).await? else {
        return Ok(Outcome::refused("Ce fournisseur est déjà rapproché d'une structure."));
    };
    let now = state.clock.now_ms();
    let mut tx = db::begin(&state.db).await?;
    supplier_links::upsert(
        &mut tx,
        &supplier_links::NewLink {
            key_kind,
            key: &key,
            structure_id: &structure.id,
            supplier_name: &name,
            linked_by: &user.id,
            now,
        },
    )
    .await?;
    let lines = purchase_ledger::link(&mut tx, key_kind, &key, &structure.id).await?;
    purchase_imports::recount_matched(&mut tx).await?;
    let details = json!({
        "key_kind": key_kind,
        "supplier_name": name,
        "structure_id": structure.id,
        "lines": lines,
    });
    let subject = format!("{key_kind}:{key}");
    crate::services::audit::record(
        &mut tx,
        Some(&user.id),
        ("supplier_link", &subject),
        "linked",
        &details,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure.name))
}
