//! What the search indexes hold: one document per public structure and per public offer, the
//! offer carrying the fields of its structure that buyers filter on. Built from the current
//! rows: anything not public has no document. Fields marked `serde(skip)` only make the facet
//! panel's `tags`.

use crate::domain::Code;
use serde::Serialize;

use crate::{
    db::{
        Db,
        hqs_labels::{self, LabelRow as LabelFile},
        offers::{self, OfferRow},
        structure_activities,
        structure_certifications::{self, LabelRow},
        structures::{self, StructureRow},
    },
    domain::{
        calendar::iso_date,
        directory::{OfferStatus, Sector, StructureStatus},
        hqs::{OfferFacts, Requirements, SupplierFacts, satisfies},
        label::{Level, holding},
        search::{cells::cells_of, places, query::Point, tags},
    },
    search::synonyms::trade_words,
};

/// The fields of a structure that its offers carry too.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureFacets {
    pub kinds: Vec<String>,
    /// The kinds' names, searched: « entreprise adaptée », « chantier d'insertion ».
    pub kind_labels: Vec<String>,
    #[serde(skip)]
    pub families: Vec<String>,
    pub commune: Option<String>,
    #[serde(skip)]
    pub commune_insee: Option<String>,
    pub postcode: Option<String>,
    pub labels: Vec<String>,
    pub esus: bool,
    /// The HQS label held now: its level, or `sans-niveau`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hqs_label: Option<String>,
    /// The keys of the grid cells holding the structure's place (which its offers share), one
    /// per level. No index has a Meilisearch geo index (it is rewritten whole on every
    /// change): distances go through `cells` and `place` (see `services::catalogue::nearby`).
    pub cells: Vec<String>,
    /// The place's coordinates as one facet value (`domain::search::places`), from which
    /// distances are measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl StructureFacets {
    /// The facet panel's values that come from the structure (`domain::search::tags`); each
    /// document adds its sectors and kinds of service.
    fn tags(&self) -> Vec<String> {
        let mut all = Vec::new();
        tags::extend(&mut all, tags::KIND, &self.kinds);
        tags::extend(&mut all, tags::FAMILY, &self.families);
        tags::extend(&mut all, tags::COMMUNE, &self.commune_insee);
        tags::extend(&mut all, tags::LABEL, &self.labels);
        tags::extend(&mut all, tags::HQS, &self.hqs_label);
        all
    }
}

/// The HQS profiles in use, against which each structure and offer is evaluated (declared
/// facts): the catalogue filters on the ids of those they satisfy.
#[derive(Debug, Clone, Default)]
pub struct Profiles(Vec<(String, Requirements)>);

impl Profiles {
    pub async fn load(db: &Db) -> Result<Self, sqlx::Error> {
        let rows = crate::db::hqs_profiles::active(db).await?;
        Ok(Self(
            rows.into_iter()
                .filter_map(|p| Some((p.id, serde_json::from_str(&p.requirements).ok()?)))
                .collect(),
        ))
    }

    fn satisfied(
        &self,
        supplier: &SupplierFacts,
        offer: Option<&OfferFacts>,
        today: &str,
    ) -> Vec<String> {
        self.0
            .iter()
            .filter(|(_, requirements)| satisfies(requirements, supplier, offer, today))
            .map(|(id, _)| id.clone())
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StructureDocument {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub brand: Option<String>,
    pub description: Option<String>,
    pub siret: Option<String>,
    #[serde(skip)]
    pub sectors: Vec<String>,
    /// The labels and trade words of its sectors (`search::synonyms`), searched.
    pub trades: Vec<String>,
    #[serde(skip)]
    pub service_kinds: Vec<String>,
    #[serde(flatten)]
    pub facets: StructureFacets,
    /// The facet panel's values.
    pub tags: Vec<String>,
    /// Ids of the HQS profiles the structure satisfies.
    pub hqs_profiles: Vec<String>,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfferDocument {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    #[serde(skip)]
    pub sector: String,
    pub sector_group: String,
    /// The sector's label and trade words (`search::synonyms`), searched: a typo of any of
    /// them reaches every offer of the sector.
    pub trade: Vec<String>,
    /// The offer's CPV codes and their parents in the CPV tree (trailing zeros: division,
    /// group, class), so that a buyer's broader code finds the narrower ones.
    pub cpv: Vec<String>,
    #[serde(skip)]
    pub service_kind: String,
    pub price_cents: Option<i64>,
    pub on_quote: bool,
    /// Shown, not searched (`settings::offers`).
    pub structure_name: String,
    /// The structure's, searched: a buyer pasting a SIRET finds its offers.
    pub siret: Option<String>,
    #[serde(flatten)]
    pub facets: StructureFacets,
    /// The facet panel's values.
    pub tags: Vec<String>,
    /// Ids of the HQS profiles the offer satisfies.
    pub hqs_profiles: Vec<String>,
    pub updated_at: i64,
}

/// What the index must now hold for some ids: documents to put, ids to remove.
#[derive(Debug, Default)]
pub struct Changes {
    pub structures: Vec<StructureDocument>,
    pub structures_gone: Vec<String>,
    pub offers: Vec<OfferDocument>,
    pub offers_gone: Vec<String>,
}

/// The structure's HQS label, as the index holds it.
async fn hqs_label(db: &Db, structure_id: &str) -> Result<Option<String>, sqlx::Error> {
    let files = hqs_labels::of_structure(db, structure_id).await?;
    Ok(holding(files.iter().map(LabelFile::summary))
        .map(|held| Level::index_value(held.level).to_owned()))
}

fn facets(
    row: &StructureRow,
    labels: &[LabelRow],
    hqs_label: Option<String>,
    today: &str,
) -> StructureFacets {
    let kinds = row.kinds();
    let mut families: Vec<String> =
        kinds.iter().flat_map(|k| k.families().iter().map(|f| f.code().to_owned())).collect();
    families.sort();
    families.dedup();
    let labels = labels.iter().filter(|l| l.is_valid_on(today)).map(|l| l.name.clone()).collect();
    let at = row.latitude.zip(row.longitude).map(|(lat, lng)| Point { lat, lng });
    StructureFacets {
        kinds: kinds.iter().map(|k| k.code().to_owned()).collect(),
        kind_labels: kinds.iter().map(|k| k.label().to_owned()).collect(),
        families,
        commune: row.commune_name.clone(),
        commune_insee: row.commune_insee.clone(),
        postcode: row.postcode.clone(),
        labels,
        esus: row.esus_agreed_on.is_some(),
        hqs_label,
        cells: at.map(cells_of).unwrap_or_default(),
        place: at.map(places::key),
    }
}

fn offer_document(
    offer: &OfferRow,
    structure: &StructureRow,
    facets: &StructureFacets,
    hqs_profiles: Vec<String>,
) -> OfferDocument {
    let sector = Sector::find(&offer.sector);
    let mut tags = facets.tags();
    tags::extend(&mut tags, tags::SECTOR, [&offer.sector]);
    tags::extend(&mut tags, tags::SERVICE, [&offer.service_kind]);
    OfferDocument {
        id: offer.id.clone(),
        slug: offer.slug.clone(),
        title: offer.title.clone(),
        description: offer.description.clone(),
        sector: offer.sector.clone(),
        sector_group: sector.map(|s| s.group.to_owned()).unwrap_or_default(),
        trade: trade_of(&offer.sector),
        cpv: with_parents(offer.cpv.split_whitespace()),
        service_kind: offer.service_kind.clone(),
        price_cents: offer.price_cents,
        on_quote: offer.on_quote != 0,
        structure_name: structure.name.clone(),
        siret: structure.siret.clone(),
        facets: facets.clone(),
        tags,
        hqs_profiles,
        updated_at: offer.updated_at.max(structure.updated_at),
    }
}

/// A sector's label and trade words.
fn trade_of(sector: &str) -> Vec<String> {
    let label = Sector::find(sector).map(|s| s.label);
    label.into_iter().chain(trade_words(sector).iter().copied()).map(str::to_owned).collect()
}

/// Codes with their parents in the CPV tree: `90911200` gives `90000000`, `90900000`,
/// `90910000`, `90911000` and itself (a check digit, `-5`, is dropped from the parents).
fn with_parents<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for code in codes {
        let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 8 {
            for kept in 2..=8 {
                let parent = format!("{:0<8}", &digits[..kept]);
                if parent != code && !all.contains(&parent) {
                    all.push(parent);
                }
            }
        }
        if !all.iter().any(|c| c == code) {
            all.push(code.to_owned());
        }
    }
    all
}

fn is_public(structure: &StructureRow) -> bool {
    structure.status == StructureStatus::Published
}

/// The documents of a structure and of all its offers, as they must now be.
pub async fn for_structure(
    db: &Db,
    id: &str,
    now: i64,
    profiles: &Profiles,
    changes: &mut Changes,
) -> Result<(), sqlx::Error> {
    let Some(row) = structures::find(db, id).await? else {
        changes.structures_gone.push(id.to_owned());
        return Ok(());
    };
    let all_offers = offers::of_structure(db, id).await?;
    if !is_public(&row) {
        changes.structures_gone.push(id.to_owned());
        changes.offers_gone.extend(all_offers.into_iter().map(|o| o.id));
        return Ok(());
    }
    let today = iso_date(now);
    let labels = structure_certifications::of_structure(db, id).await?;
    let facets = facets(&row, &labels, hqs_label(db, id).await?, &today);
    let activities = structure_activities::of_structure(db, id).await?;
    let supplier = row.supplier_facts(&labels, &activities);
    let mut sectors: Vec<String> = activities.iter().map(|a| a.sector.clone()).collect();
    sectors.extend(
        all_offers.iter().filter(|o| o.status == OfferStatus::Published).map(|o| o.sector.clone()),
    );
    sectors.sort();
    sectors.dedup();
    let trades: Vec<String> = sectors.iter().flat_map(|s| trade_of(s)).collect();
    let mut service_kinds: Vec<String> =
        activities.iter().map(|a| a.service_kind.clone()).collect();
    service_kinds.sort();
    service_kinds.dedup();
    for offer in &all_offers {
        if offer.status == OfferStatus::Published {
            let satisfied = profiles.satisfied(&supplier, Some(&offer.facts()), &today);
            changes.offers.push(offer_document(offer, &row, &facets, satisfied));
        } else {
            changes.offers_gone.push(offer.id.clone());
        }
    }
    let mut tags = facets.tags();
    tags::extend(&mut tags, tags::SECTOR, &sectors);
    tags::extend(&mut tags, tags::SERVICE, &service_kinds);
    changes.structures.push(StructureDocument {
        id: row.id.clone(),
        slug: row.slug.clone(),
        name: row.name.clone(),
        brand: row.brand.clone(),
        description: row.description.clone(),
        siret: row.siret.clone(),
        sectors,
        trades,
        service_kinds,
        hqs_profiles: profiles.satisfied(&supplier, None, &today),
        facets,
        tags,
        updated_at: row.updated_at,
    });
    Ok(())
}

/// The document of one offer, as it must now be.
pub async fn for_offer(
    db: &Db,
    id: &str,
    now: i64,
    profiles: &Profiles,
    changes: &mut Changes,
) -> Result<(), sqlx::Error> {
    let Some(offer) = offers::find(db, id).await? else {
        changes.offers_gone.push(id.to_owned());
        return Ok(());
    };
    let structure = structures::find(db, &offer.structure_id).await?;
    match structure {
        Some(structure) if is_public(&structure) && offer.status == OfferStatus::Published => {
            let today = iso_date(now);
            let labels = structure_certifications::of_structure(db, &structure.id).await?;
            let activities = structure_activities::of_structure(db, &structure.id).await?;
            let supplier = structure.supplier_facts(&labels, &activities);
            let satisfied = profiles.satisfied(&supplier, Some(&offer.facts()), &today);
            let held = hqs_label(db, &structure.id).await?;
            let facets = facets(&structure, &labels, held, &today);
            changes.offers.push(offer_document(&offer, &structure, &facets, satisfied));
        }
        _ => changes.offers_gone.push(id.to_owned()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cpv_code_carries_its_parents_once() {
        let codes = with_parents(["90911200", "90910000-9"].into_iter());
        assert_eq!(
            codes,
            ["90000000", "90900000", "90910000", "90911000", "90911200", "90910000-9"]
        );
        assert_eq!(with_parents(["77310000"].into_iter()), ["77000000", "77300000", "77310000"]);
    }

    #[test]
    fn an_offer_carries_its_sector_label_and_trade_words() {
        let trade = trade_of("blanchisserie");
        assert_eq!(trade[0], "Blanchisserie et pressing");
        assert!(trade.iter().any(|w| w == "linge"));
        assert!(trade_of("inconnu").is_empty());
    }
}
