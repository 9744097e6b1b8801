//! Suppliers of the ledger matched to the directory: by SIRET, then an animator's link by
//! SIRET, then by SIREN (published structures first), then a link by SIREN, then a link by
//! name for lines without a number. Read once into memory before an import, so that a file
//! of a million lines matches without a query per line.

use std::collections::HashMap;

use crate::{
    db::{Db, structures, supplier_links},
    domain::{
        directory::{Family, StructureKind},
        watch::{LedgerLine, text::supplier_key},
    },
};

/// A structure as the ledger shows it.
#[derive(Debug, Clone)]
pub struct Known {
    pub id: String,
    pub name: String,
    pub kinds: Vec<StructureKind>,
}

impl Known {
    /// `Régie de quartier Villeneuve (RQ · Insertion, ESS)`.
    pub fn label(&self) -> String {
        if self.kinds.is_empty() {
            return self.name.clone();
        }
        let kinds: Vec<&str> = self.kinds.iter().map(|k| <&str>::from(*k)).collect();
        let mut families: Vec<Family> = Vec::new();
        for family in self.kinds.iter().flat_map(|k| k.families()) {
            if !families.contains(family) {
                families.push(*family);
            }
        }
        let families: Vec<&str> = families.iter().map(|f| short(*f)).collect();
        format!("{} ({} · {})", self.name, kinds.join(", "), families.join(", "))
    }
}

fn short(family: Family) -> &'static str {
    match family {
        Family::Insertion => "Insertion",
        Family::Handicap => "Handicap",
        Family::Ess => "ESS",
    }
}

#[derive(Debug, Default)]
pub struct Directory {
    structures: Vec<Known>,
    by_siret: HashMap<String, usize>,
    by_siren: HashMap<String, usize>,
    links: HashMap<(String, String), usize>,
}

impl Directory {
    pub async fn load(db: &Db) -> Result<Self, sqlx::Error> {
        let rows = structures::identities(db).await?;
        let mut directory = Self::default();
        let mut index: HashMap<String, usize> = HashMap::new();
        // Published structures first, so that a SIREN shared by several establishments goes
        // to a published one.
        let (published, others): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| r.published == 1);
        for row in published.into_iter().chain(others) {
            let at = directory.structures.len();
            index.insert(row.id.clone(), at);
            if let Some(siret) = row.siret.as_deref().filter(|s| s.len() == 14) {
                directory.by_siret.entry(siret.to_owned()).or_insert(at);
                directory.by_siren.entry(siret[..9].to_owned()).or_insert(at);
            }
            let kinds =
                row.kinds.split_whitespace().filter_map(|k| StructureKind::parse(k).ok()).collect();
            directory.structures.push(Known { id: row.id, name: row.name, kinds });
        }
        for link in supplier_links::all(db).await? {
            if let Some(at) = index.get(&link.structure_id) {
                directory.links.insert((link.key_kind, link.key), *at);
            }
        }
        Ok(directory)
    }

    /// The structure of a supplier and how it was found.
    pub fn find(
        &self,
        siret: Option<&str>,
        siren: Option<&str>,
        name: &str,
    ) -> Option<(&Known, &'static str)> {
        let link = |kind: &str, key: &str| self.links.get(&(kind.to_owned(), key.to_owned()));
        let found = siret
            .and_then(|s| self.by_siret.get(s).map(|at| (*at, "siret")))
            .or_else(|| siret.and_then(|s| link("siret", s)).map(|at| (*at, "manual")))
            .or_else(|| siren.and_then(|s| self.by_siren.get(s)).map(|at| (*at, "siren")))
            .or_else(|| siren.and_then(|s| link("siren", s)).map(|at| (*at, "manual")))
            .or_else(|| {
                (siret.is_none() && siren.is_none())
                    .then(|| link("name", &supplier_key(name)))
                    .flatten()
                    .map(|at| (*at, "manual"))
            });
        found.map(|(at, kind)| (&self.structures[at], kind))
    }

    pub fn find_line(&self, line: &LedgerLine) -> Option<(&Known, &'static str)> {
        let siret = line.supplier_id.as_ref().and_then(|id| id.siret());
        let siren = line.supplier_id.as_ref().map(|id| id.siren());
        self.find(siret, siren, &line.supplier_name)
    }
}
