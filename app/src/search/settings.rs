//! The indexes' settings, versioned: the server applies them at start-up, and a change of
//! [`SETTINGS_VERSION`] rebuilds the indexes instead of letting them drift.

use std::collections::HashMap;

use meilisearch_sdk::settings::{
    FilterFeatureModes, FilterFeatures, FilterableAttribute, FilterableAttributesSettings,
    LocalizedAttributes, PaginationSetting, Settings, TypoToleranceSettings,
};

/// Raise with every change of the settings below.
pub const SETTINGS_VERSION: &str = "directory-5";

/// Trade words buyers and suppliers use for the same thing. Each group is mutual.
const SYNONYMS: &[&[&str]] = &[
    &["jardinage", "espaces verts", "paysagiste", "entretien de jardins"],
    &["nettoyage", "propreté", "ménage", "entretien des locaux"],
    &["traiteur", "restauration", "plateaux repas", "buffet"],
    &["reprographie", "impression", "imprimerie", "photocopie"],
    &["mise sous pli", "routage", "publipostage"],
    &["recyclage", "valorisation", "réemploi"],
    &["déménagement", "manutention"],
    &["informatique", "numérique"],
    &["blanchisserie", "pressing", "laverie"],
    &["intérim", "travail temporaire", "mise à disposition"],
    &["vélo", "vélos", "cycles", "bicyclette"],
    &["espaces verts", "jardins", "jardin"],
    // Plurals the tokenizer does not fold and typo tolerance does not reach (words under five
    // letters take no typo; « locaux » is two letters from « local »).
    &["haie", "haies"],
    &["vitre", "vitres"],
    &["local", "locaux"],
    &["travail", "travaux"],
];

/// Words too common in French to rank anything.
const STOP_WORDS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "à", "au", "aux",
    "en", "pour", "par", "sur", "avec", "dans", "nos", "notre", "vos", "votre", "ce", "cet",
    "cette", "ces", "qui", "que", "est",
];

fn synonyms() -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for group in SYNONYMS {
        for word in *group {
            let others = group.iter().filter(|w| *w != word).map(|w| (*w).to_owned());
            map.entry((*word).to_owned()).or_default().extend(others);
        }
    }
    map
}

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
        .with_synonyms(synonyms())
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

pub fn offers() -> Settings {
    common()
        .with_searchable_attributes([
            "title",
            "sector_group",
            "description",
            "structure_name",
            "commune",
            "postcode",
            "kinds",
            "labels",
            "cpv",
        ])
        .with_filterable_attributes_advanced(filters(FILTERABLE))
        .with_sortable_attributes(["title", "updated_at", "price_cents"])
        .with_pagination(PaginationSetting { max_total_hits: MAX_OFFERS })
}

/// The most offers a search counts.
pub const MAX_OFFERS: usize = 200_000;

pub fn structures() -> Settings {
    common()
        .with_searchable_attributes([
            "name",
            "brand",
            "sector_groups",
            "description",
            "commune",
            "postcode",
            "kinds",
            "labels",
            "siret",
        ])
        .with_filterable_attributes_advanced(filters(FILTERABLE))
        .with_sortable_attributes(["name", "updated_at"])
        .with_pagination(PaginationSetting { max_total_hits: MAX_STRUCTURES })
}

/// The most structures a search counts, and so the most places.
pub const MAX_STRUCTURES: usize = 100_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonym_groups_are_mutual() {
        let map = synonyms();
        assert!(map["jardinage"].contains(&"espaces verts".to_owned()));
        assert!(map["espaces verts"].contains(&"jardinage".to_owned()));
        assert!(
            map["espaces verts"].contains(&"jardins".to_owned()),
            "a word in two groups has the words of both"
        );
        assert!(!map["traiteur"].contains(&"traiteur".to_owned()));
    }
}
