//! Unique slugs for new structures and offers.

use sqlx::{Any, Transaction};

use crate::{
    db::{offers, structures},
    domain::directory::slug::slugify,
};

pub enum Table {
    Structures,
    Offers,
}

/// `text` as a slug; when another row has it, a short random suffix makes it unique
/// (`regie-de-quartier-3fa9c1`). Each try is one lookup on the unique index, whatever the
/// number of rows with the same name.
pub async fn unique_slug(
    tx: &mut Transaction<'_, Any>,
    table: Table,
    text: &str,
) -> Result<String, sqlx::Error> {
    let base = slugify(text);
    let mut candidate = base.clone();
    loop {
        let taken = match table {
            Table::Structures => structures::slug_taken(tx, &candidate).await?,
            Table::Offers => offers::slug_taken(tx, &candidate).await?,
        };
        if !taken {
            return Ok(candidate);
        }
        let suffix = uuid::Uuid::new_v4().simple().to_string();
        candidate = format!("{base}-{}", &suffix[..6]);
    }
}
