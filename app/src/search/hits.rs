//! What a search reads back of the documents (`documents`): the fields a hit shows, typed as
//! they were written. A field renamed on one side no longer compiles with the other (the tests
//! read each hit back from its document), and one missing from an answer is an error rather
//! than an empty value.

use serde::{Deserialize, de::DeserializeOwned};

/// The fields a hit shows of its structure's facets (`documents::StructureFacets`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FacetsHit {
    pub kinds: Vec<String>,
    pub commune: Option<String>,
    pub labels: Vec<String>,
    pub esus: bool,
    /// Absent when no label is held.
    pub hqs_label: Option<String>,
    /// Absent when the structure has no coordinates.
    pub place: Option<String>,
}

/// The text of an offer's hit, which Meilisearch also answers highlighted and cropped
/// (`_formatted`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OfferText {
    pub title: String,
    pub description: String,
}

/// An offer, as a search reads it back (`documents::OfferDocument`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OfferHit {
    pub id: String,
    pub slug: String,
    #[serde(flatten)]
    pub text: OfferText,
    pub structure_name: String,
    pub price_cents: Option<i64>,
    pub on_quote: bool,
    #[serde(flatten)]
    pub facets: FacetsHit,
}

/// The text of a structure's hit, also answered highlighted and cropped.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StructureText {
    pub name: String,
    pub description: Option<String>,
}

/// A structure, as a search reads it back (`documents::StructureDocument`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StructureHit {
    pub id: String,
    pub slug: String,
    #[serde(flatten)]
    pub text: StructureText,
    #[serde(flatten)]
    pub facets: FacetsHit,
}

/// A document type as a search reads it back: which attributes to ask for, which to
/// highlight.
pub trait Retrieved: DeserializeOwned + Send + Sync + 'static {
    /// The part Meilisearch also answers highlighted.
    type Text: DeserializeOwned + Clone;
    /// The attributes to retrieve: the hit's fields.
    const RETRIEVE: &'static [&'static str];
    /// The attributes to highlight: the text's fields (`description` is also cropped).
    const HIGHLIGHT: &'static [&'static str];

    fn id(&self) -> &str;
    fn text(&self) -> &Self::Text;
    fn facets(&self) -> &FacetsHit;
}

const FACETS: [&str; 6] = ["kinds", "commune", "labels", "esus", "hqs_label", "place"];

impl Retrieved for OfferHit {
    type Text = OfferText;
    const RETRIEVE: &'static [&'static str] = &[
        "id",
        "slug",
        "title",
        "description",
        "structure_name",
        "price_cents",
        "on_quote",
        FACETS[0],
        FACETS[1],
        FACETS[2],
        FACETS[3],
        FACETS[4],
        FACETS[5],
    ];
    const HIGHLIGHT: &'static [&'static str] = &["title", "description"];

    fn id(&self) -> &str {
        &self.id
    }

    fn text(&self) -> &OfferText {
        &self.text
    }

    fn facets(&self) -> &FacetsHit {
        &self.facets
    }
}

impl Retrieved for StructureHit {
    type Text = StructureText;
    const RETRIEVE: &'static [&'static str] = &[
        "id",
        "slug",
        "name",
        "description",
        FACETS[0],
        FACETS[1],
        FACETS[2],
        FACETS[3],
        FACETS[4],
        FACETS[5],
    ];
    const HIGHLIGHT: &'static [&'static str] = &["name", "description"];

    fn id(&self) -> &str {
        &self.id
    }

    fn text(&self) -> &StructureText {
        &self.text
    }

    fn facets(&self) -> &FacetsHit {
        &self.facets
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde_json::{Map, Value};

    use super::*;
    use crate::search::documents::{OfferDocument, StructureDocument, StructureFacets};

    /// Every field set, so that a field the index would lack shows.
    fn facets() -> StructureFacets {
        StructureFacets {
            kinds: vec!["ESAT".to_owned()],
            kind_labels: vec!["Établissement et service d'aide par le travail".to_owned()],
            families: vec!["handicap".to_owned()],
            commune: Some("Grenoble".to_owned()),
            commune_insee: Some("38185".to_owned()),
            postcode: Some("38000".to_owned()),
            labels: vec!["Lucie".to_owned()],
            esus: true,
            hqs_label: Some("or".to_owned()),
            cells: vec!["5:1:2".to_owned()],
            place: Some("45.18800:5.72400".to_owned()),
        }
    }

    fn offer() -> OfferDocument {
        OfferDocument {
            id: "o1".to_owned(),
            slug: "tonte".to_owned(),
            title: "Tonte".to_owned(),
            description: "Tonte de pelouses".to_owned(),
            sector: "espaces-verts".to_owned(),
            sector_group: "Espaces verts et nature".to_owned(),
            trade: vec!["Création et entretien d'espaces verts".to_owned()],
            cpv: vec!["77310000".to_owned()],
            service_kind: "prestation".to_owned(),
            price_cents: Some(1200),
            on_quote: false,
            structure_name: "Les Jardins".to_owned(),
            siret: Some("73282932000074".to_owned()),
            facets: facets(),
            tags: vec!["type:ESAT".to_owned()],
            hqs_profiles: vec!["p1".to_owned()],
            updated_at: 7,
        }
    }

    fn structure() -> StructureDocument {
        StructureDocument {
            id: "s1".to_owned(),
            slug: "les-jardins".to_owned(),
            name: "Les Jardins".to_owned(),
            brand: Some("LJ".to_owned()),
            description: Some("Jardins d'insertion".to_owned()),
            siret: None,
            sectors: vec!["espaces-verts".to_owned()],
            trades: vec!["jardinage".to_owned()],
            service_kinds: vec!["prestation".to_owned()],
            facets: facets(),
            tags: Vec::new(),
            hqs_profiles: Vec::new(),
            updated_at: 7,
        }
    }

    /// What a hit must read of its document's facets, field by field.
    fn facets_of(facets: &StructureFacets) -> FacetsHit {
        FacetsHit {
            kinds: facets.kinds.clone(),
            commune: facets.commune.clone(),
            labels: facets.labels.clone(),
            esus: facets.esus,
            hqs_label: facets.hqs_label.clone(),
            place: facets.place.clone(),
        }
    }

    fn offer_hit(offer: &OfferDocument) -> OfferHit {
        OfferHit {
            id: offer.id.clone(),
            slug: offer.slug.clone(),
            text: OfferText { title: offer.title.clone(), description: offer.description.clone() },
            structure_name: offer.structure_name.clone(),
            price_cents: offer.price_cents,
            on_quote: offer.on_quote,
            facets: facets_of(&offer.facets),
        }
    }

    fn structure_hit(structure: &StructureDocument) -> StructureHit {
        StructureHit {
            id: structure.id.clone(),
            slug: structure.slug.clone(),
            text: StructureText {
                name: structure.name.clone(),
                description: structure.description.clone(),
            },
            facets: facets_of(&structure.facets),
        }
    }

    /// The document as written, with only `keys`: what Meilisearch answers when asked for them.
    fn written(document: &impl Serialize, keys: &[&str]) -> Value {
        let Value::Object(all) = serde_json::to_value(document).expect("serialised") else {
            panic!("a document is an object");
        };
        let kept: Map<String, Value> =
            all.into_iter().filter(|(key, _)| keys.contains(&key.as_str())).collect();
        assert_eq!(kept.len(), keys.len(), "every retrieved attribute is written: {kept:?}");
        Value::Object(kept)
    }

    fn read<T: DeserializeOwned>(value: Value) -> T {
        serde_json::from_value(value).expect("read back")
    }

    #[test]
    fn an_offer_reads_back_what_was_written_from_the_retrieved_attributes() {
        let offer = offer();
        let hit: OfferHit = read(written(&offer, OfferHit::RETRIEVE));
        assert_eq!(hit, offer_hit(&offer));
        let text: OfferText = read(written(&offer, OfferHit::HIGHLIGHT));
        assert_eq!(&text, hit.text());
    }

    #[test]
    fn a_structure_reads_back_what_was_written_from_the_retrieved_attributes() {
        let structure = structure();
        let hit: StructureHit = read(written(&structure, StructureHit::RETRIEVE));
        assert_eq!(hit, structure_hit(&structure));
        let text: StructureText = read(written(&structure, StructureHit::HIGHLIGHT));
        assert_eq!(&text, hit.text());
    }

    #[test]
    fn a_hit_without_label_or_place_still_reads_and_one_missing_a_field_does_not() {
        let mut structure = structure();
        structure.facets.hqs_label = None;
        structure.facets.place = None;
        let value = serde_json::to_value(&structure).expect("serialised");
        let hit: StructureHit = read(value.clone());
        assert_eq!(hit, structure_hit(&structure));
        let Value::Object(mut renamed) = value else { panic!("an object") };
        renamed.remove("esus");
        assert!(serde_json::from_value::<StructureHit>(Value::Object(renamed)).is_err());
    }
}
