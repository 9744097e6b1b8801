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

/// `text` as a slug, with `-2`, `-3`… appended until no other row has it.
pub async fn unique_slug(
    tx: &mut Transaction<'_, Any>,
    table: Table,
    text: &str,
) -> Result<String, sqlx::Error> {
    let base = slugify(text);
    let mut candidate = base.clone();
    let mut n = 1;
    loop {
        let taken = match table {
            Table::Structures => structures::slug_taken(tx, &candidate).await?,
            Table::Offers => offers::slug_taken(tx, &candidate).await?,
        };
        if !taken {
            return Ok(candidate);
        }
        n += 1;
        candidate = format!("{base}-{n}");
    }
}
