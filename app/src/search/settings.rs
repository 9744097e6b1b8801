//! The indexes' settings, versioned: the server applies them at start-up, and a change of
//! [`SETTINGS_VERSION`] rebuilds the indexes instead of letting them drift.

use meilisearch_sdk::settings::{
    FilterFeatureModes, FilterFeatures, FilterableAttribute, FilterableAttributesSettings,
    LocalizedAttributes, PaginationSetting, Settings, TypoToleranceSettings,
};

/// Raise with every change of the settings below, of the synonyms (`synonyms`) or of what the
/// documents hold (`documents`).
pub const SETTINGS_VERSION: &str = "directory-6";

/// Words too common in French to rank anything.
pub(crate) const STOP_WORDS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "à", "au", "aux",
    "en", "pour", "par", "sur", "avec", "dans", "nos", "notre", "vos", "votre", "ce", "cet",
    "cette", "ces", "qui", "que", "est",
];

/// Filters on values only (`=`, `IN`, `EXISTS`), without facet search, which the catalogue
/// does not use: Meilisearch then keeps fewer structures up to date on each write.
fn filters(attributes: &[&str]) -> Vec<FilterableAttribute> {
    vec![FilterableAttribute::Settings(FilterableAttributesSettings {
        attribute_patterns: attributes.iter().map(|a| (*a).to_owned()).collect(),
        features: FilterFeatures {
            facet_search: false,
            filter: FilterFeatureModes { equality: true, comparison: false },
        },
    })]
}

fn common() -> Settings {
    Settings::new()
        .with_synonyms(super::synonyms::synonyms())
        .with_stop_words(STOP_WORDS.iter().copied())
        .with_localized_attributes(vec![LocalizedAttributes {
            locales: vec!["fra".to_owned()],
            attribute_patterns: vec!["*".to_owned()],
        }])
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            // Codes are matched exactly: a SIRET one digit off is another company.
            disable_on_attributes: Some(["siret", "cpv", "postcode"].map(str::to_owned).to_vec()),
            disable_on_words: None,
            min_word_size_for_typos: None,
            disable_on_numbers: Some(true),
        })
        // Every value of a facet is counted: the panel's `tags` (a few hundred) and the
        // `place` of every structure a distance search reaches.
        .with_max_values_per_facet(MAX_STRUCTURES)
        // Words near each other within one field: precise enough for titles and short
        // descriptions, and much cheaper to keep up to date than word by word.
        .with_proximity_precision("byAttribute")
}

/// What both indexes filter on: the facet panel's `tags`, ESUS, the HQS profiles satisfied,
/// and the grid cells and place of distance searches. No `_geo`: Meilisearch rewrites a geo
/// index whole on every change, most of a second for 100,000 offers (see
/// `domain::search::cells`).
const FILTERABLE: &[&str] = &["tags", "esus", "hqs_profiles", "cells", "place"];

/// What an offer's words are searched in, the most telling first (Meilisearch's
/// `attributeRank` rule ranks a match in the title above one in the description, after the
/// number of words matched, typos and proximity):
/// - the title, then `trade` (the sector's label and its trade words, `synonyms`), then the
///   description: what the offer *is*;
/// - then what its structure is (kinds by label and code, labels), where (commune, postcode)
///   and its codes (CPV with their parent codes, the structure's SIRET).
///
/// Not the structure's name: a word of a name (« Les Jardins de Grenoble ») made every offer
/// of the structure a match for that word and its synonyms — home help found by « espaces
/// verts ». Names are searched among structures (`cible=structures`). Not the sector's group
/// either: « Impression et communication » made every video offer a match for « impression ».
pub fn offers() -> Settings {
    common()
        .with_searchable_attributes([
            "title",
            "trade",
            "description",
            "kind_labels",
            "kinds",
            "labels",
            "commune",
            "postcode",
            "cpv",
            "siret",
        ])
        .with_filterable_attributes_advanced(filters(FILTERABLE))
        .with_sortable_attributes(["title", "updated_at", "price_cents"])
        .with_pagination(PaginationSetting { max_total_hits: MAX_OFFERS })
}

/// The most offers a search counts.
pub const MAX_OFFERS: usize = 200_000;

/// What a structure's words are searched in: its name first (the structures target is where a
/// buyer looks a supplier up by name), then its trades (labels and trade words of its sectors),
/// kinds, description, labels, place and SIRET.
pub fn structures() -> Settings {
    common()
        .with_searchable_attributes([
            "name",
            "brand",
            "trades",
            "kind_labels",
            "description",
            "kinds",
            "labels",
            "commune",
            "postcode",
            "siret",
        ])
        .with_filterable_attributes_advanced(filters(FILTERABLE))
        .with_sortable_attributes(["name", "updated_at"])
        .with_pagination(PaginationSetting { max_total_hits: MAX_STRUCTURES })
}

/// The most structures a search counts, and so the most places.
pub const MAX_STRUCTURES: usize = 100_000;
