//! The trade words of the search, reviewed word by word, in two lists:
//!
//! - [`TRADE_WORDS`]: for each sector of the taxonomy, the words buyers and suppliers use for
//!   it. They are written *into the documents* (an offer carries its sector's words, a
//!   structure those of its sectors: `documents`), not expanded in the query. Meilisearch
//!   applies synonyms to the words typed only, never to a word it corrected: « jardinnage »
//!   reached the 2 offers whose text says « jardinage » and none of the 14 its synonyms found.
//!   A word in the document is reached through typo tolerance and prefix search like any
//!   other, so a typo of a trade word finds the whole trade.
//! - [`SYNONYMS`]: the few query-side equivalences left, for words of *other* sectors' texts
//!   (a home-help offer titled « Jardinage à domicile » is found by « espaces verts ») and for
//!   short plurals that neither the tokenizer folds nor typo tolerance reaches (words under
//!   five letters take no typo). Each group is mutual unless written as one-way.
//!
//! Rules of the review:
//! - a word that names places or structures as often as a trade (« jardins », « atelier »,
//!   « relais ») is in no list: « espaces verts » ↔ « jardins » made every offer of « Les
//!   Jardins de Grenoble » (home help, childcare…) a green-space result;
//! - a word of two meanings is in no list, or one-way (« ménage » → « nettoyage »: cleaning, but
//!   home help also does « ménage »; « linge » → « blanchisserie »);
//! - « travail » ↔ « travaux » is gone: « travaux » (building works) found every ESAT
//!   (« … aide par le travail ») and every temporary-work offer;
//! - « restauration » is not « traiteur »: it is also canteens (their own sector) and the
//!   restoration of buildings and furniture;
//! - a word shared by two sectors belongs to sectors of one group (the cleaning of offices and
//!   of windows), or is listed in [`SHARED`] with the reason (tested below).

use std::collections::HashMap;

/// The words of each sector (by code), beyond its label, which documents carry too.
pub const TRADE_WORDS: &[(&str, &[&str])] = &[
    (
        "espaces-verts",
        &[
            "espaces verts",
            "jardinage",
            "jardinier",
            "paysagiste",
            "paysager",
            "tonte",
            "taille de haies",
            "haies",
            "débroussaillage",
            "fleurissement",
        ],
    ),
    (
        "elagage",
        &["élagage", "espaces verts", "abattage", "arboriste", "taille des arbres", "arbres"],
    ),
    ("maraichage", &["maraîchage", "maraîcher", "légumes", "paniers de légumes", "potager"]),
    (
        "nettoyage-locaux",
        &[
            "nettoyage",
            "propreté",
            "ménage",
            "entretien des locaux",
            "nettoyage de bureaux",
            "bureaux",
            "sanitaires",
            "désinfection",
        ],
    ),
    (
        "nettoyage-urbain",
        &["nettoyage", "propreté", "propreté urbaine", "voirie", "balayage", "graffitis"],
    ),
    ("vitrerie", &["nettoyage", "propreté", "vitrerie", "vitres", "laveur de vitres"]),
    (
        "second-oeuvre",
        &[
            "second œuvre",
            "bâtiment",
            "peinture",
            "plâtrerie",
            "carrelage",
            "revêtements de sols",
            "plomberie",
            "électricité",
            "finitions",
            "rénovation",
        ],
    ),
    ("gros-oeuvre", &["gros œuvre", "bâtiment", "maçonnerie", "béton", "murets"]),
    ("demolition", &["démolition", "désamiantage", "curage"]),
    (
        "renovation-energetique",
        &["rénovation énergétique", "rénovation", "isolation", "efficacité énergétique"],
    ),
    (
        "traiteur",
        &[
            "traiteur",
            "plateaux repas",
            "buffet",
            "buffets",
            "cocktail",
            "cocktails",
            "repas",
            "pauses café",
        ],
    ),
    (
        "restauration-collective",
        &["restauration collective", "cantine", "repas", "restaurant d'entreprise"],
    ),
    ("epicerie", &["épicerie", "produits alimentaires", "alimentation", "café", "thé"]),
    (
        "reprographie",
        &[
            "reprographie",
            "impression",
            "imprimerie",
            "imprimeur",
            "photocopie",
            "photocopies",
            "reliure",
            "tirages",
            "affiches",
            "flyers",
        ],
    ),
    (
        "graphisme",
        &["graphisme", "graphiste", "mise en page", "création graphique", "affiches", "logo"],
    ),
    ("audiovisuel", &["vidéo", "audiovisuel", "film", "reportage", "captation"]),
    (
        "mise-sous-pli",
        &["mise sous pli", "routage", "publipostage", "affranchissement", "courrier", "mailing"],
    ),
    ("coursiers", &["coursier", "coursiers", "livraison", "livraisons", "courrier", "triporteur"]),
    (
        "reconditionnement-informatique",
        &[
            "recyclage informatique",
            "reconditionnement",
            "informatique",
            "ordinateurs",
            "matériel informatique",
            "DEEE",
        ],
    ),
    (
        "services-numeriques",
        &["numérique", "informatique", "développement web", "site internet", "logiciel"],
    ),
    ("saisie-donnees", &["saisie", "numérisation", "dématérialisation", "archivage"]),
    ("collecte-dechets", &["collecte", "déchets", "tri sélectif", "biodéchets", "compostage"]),
    ("recyclage", &["recyclage", "valorisation", "réemploi", "économie circulaire"]),
    ("ressourcerie", &["ressourcerie", "recyclerie", "réemploi", "seconde main", "occasion"]),
    ("destruction-archives", &["destruction d'archives", "archives", "broyage", "confidentiel"]),
    ("logistique", &["logistique", "stockage", "entreposage", "préparation de commandes"]),
    ("demenagement", &["déménagement", "déménagements", "déménageur", "manutention", "transfert"]),
    ("transport-personnes", &["transport adapté", "navette", "minibus", "chauffeur"]),
    (
        "blanchisserie",
        &["blanchisserie", "pressing", "laverie", "linge", "lavage", "repassage", "draps"],
    ),
    ("couture", &["couture", "retouches", "confection", "textile", "broderie"]),
    (
        "vetements-travail",
        &["vêtements professionnels", "tenues professionnelles", "textile", "EPI"],
    ),
    ("conditionnement", &["conditionnement", "emballage", "ensachage", "étiquetage", "façonnage"]),
    ("assemblage", &["assemblage", "montage", "câblage", "kitting"]),
    ("menuiserie", &["menuiserie", "menuisier", "bois", "ébénisterie", "charpente"]),
    ("aide-domicile", &["aide à domicile", "auxiliaire de vie", "services à la personne"]),
    ("garde-enfants", &["garde d'enfants", "crèche", "périscolaire", "petite enfance"]),
    (
        "interim-insertion",
        &[
            "intérim",
            "interim",
            "travail temporaire",
            "intérimaires",
            "mise à disposition de personnel",
            "personnel",
        ],
    ),
    (
        "mise-a-disposition",
        &["mise à disposition", "mise à disposition de personnel", "personnel", "temps partagé"],
    ),
    ("accueil", &["accueil", "standard téléphonique", "hôtesse", "réception", "conciergerie"]),
    ("gardiennage", &["gardiennage", "sécurité", "surveillance", "rondes"]),
    ("mobilier", &["mobilier", "meubles", "agencement"]),
    ("cycles", &["vélo", "vélos", "cycles", "bicyclette", "réparation de vélos"]),
    ("evenementiel", &["événementiel", "événements", "séminaires", "congrès"]),
    ("spectacle", &["spectacle", "spectacles", "animation", "concert", "théâtre"]),
    ("formation", &["formation", "formations", "formateur"]),
    ("conseil", &["conseil", "études", "audit", "diagnostic"]),
    ("energie", &["énergie", "photovoltaïque", "solaire", "énergies renouvelables"]),
    ("sensibilisation", &["sensibilisation", "éducation à l'environnement", "environnement"]),
    ("sante-travail", &["prévention", "santé", "bien-être", "ergonomie"]),
    ("sport", &["sport", "activités sportives", "loisirs"]),
    ("tourisme", &["tourisme", "hébergement", "séjours", "gîte"]),
];

/// Words of two sectors of different groups, and why that is right.
pub const SHARED: &[(&str, &str)] = &[
    ("mise", "« mise sous pli » and « mise à disposition »: a full match needs their other words"),
    ("recyclage", "« recyclage informatique » is recycling too"),
];

/// Query-side synonyms: mutual groups, then one-way ones (the word, then what it also finds).
pub const SYNONYMS: &[&[&str]] = &[
    &["jardinage", "espaces verts"],
    &["nettoyage", "propreté"],
    &["reprographie", "impression", "imprimerie", "photocopie"],
    &["blanchisserie", "pressing", "laverie"],
    &["traiteur", "plateaux repas", "buffet"],
    &["mise sous pli", "routage", "publipostage"],
    &["déménagement", "déménageur"],
    &["intérim", "travail temporaire"],
    &["vélo", "vélos", "bicyclette", "cycles"],
    // Plurals of words under five letters (no typo) or two letters off (« locaux »).
    &["haie", "haies"],
    &["vitre", "vitres"],
    &["local", "locaux"],
];

/// One-way synonyms: a query of the first word also finds the others, not the reverse.
pub const ONE_WAY: &[(&str, &[&str])] = &[
    ("ménage", &["nettoyage"]),
    ("linge", &["blanchisserie"]),
    ("paysagiste", &["espaces verts"]),
];

/// The words of a sector (empty for an unknown code).
pub fn trade_words(sector: &str) -> &'static [&'static str] {
    TRADE_WORDS.iter().find(|(code, _)| *code == sector).map(|(_, words)| *words).unwrap_or(&[])
}

/// The synonyms as Meilisearch's setting takes them: each word and what it also finds.
pub fn synonyms() -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for group in SYNONYMS {
        for word in *group {
            let others = group.iter().filter(|w| *w != word).map(|w| (*w).to_owned());
            map.entry((*word).to_owned()).or_default().extend(others);
        }
    }
    for (word, also) in ONE_WAY {
        map.entry((*word).to_owned()).or_default().extend(also.iter().map(|w| (*w).to_owned()));
    }
    map
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::{domain::directory::SECTORS, search::settings::STOP_WORDS};

    /// The words Meilisearch indexes of a phrase: lower case, split on spaces, apostrophes and
    /// hyphens, stop words left out.
    fn tokens(phrase: &str) -> Vec<String> {
        phrase
            .to_lowercase()
            .split([' ', '\'', '-'])
            .filter(|t| !t.is_empty() && !STOP_WORDS.contains(t))
            .map(str::to_owned)
            .collect()
    }

    fn group_of(sector: &str) -> &'static str {
        SECTORS.iter().find(|s| s.code == sector).map(|s| s.group).expect("a known sector")
    }

    #[test]
    fn every_sector_has_its_words_and_every_listed_sector_exists() {
        for sector in SECTORS {
            assert!(!trade_words(sector.code).is_empty(), "{} has no trade words", sector.code);
        }
        for (code, _) in TRADE_WORDS {
            group_of(code);
        }
        let codes: HashSet<&str> = TRADE_WORDS.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes.len(), TRADE_WORDS.len(), "each sector once");
    }

    #[test]
    fn no_word_is_in_two_unrelated_sectors() {
        let mut sectors_of: HashMap<String, HashSet<&str>> = HashMap::new();
        for (code, words) in TRADE_WORDS {
            for word in *words {
                for token in tokens(word) {
                    sectors_of.entry(token).or_default().insert(*code);
                }
            }
        }
        for (token, sectors) in &sectors_of {
            let groups: HashSet<&str> = sectors.iter().map(|s| group_of(s)).collect();
            if groups.len() > 1 {
                assert!(
                    SHARED.iter().any(|(word, _)| word == token),
                    "« {token} » is a word of unrelated sectors {sectors:?}"
                );
            }
        }
    }

    #[test]
    fn synonyms_are_trade_words_and_in_one_group_each() {
        let all: HashSet<String> = TRADE_WORDS
            .iter()
            .flat_map(|(_, words)| words.iter().map(|w| w.to_lowercase()))
            .collect();
        let mut seen = HashSet::new();
        for group in SYNONYMS {
            for word in *group {
                assert!(seen.insert(*word), "« {word} » is in two synonym groups");
            }
        }
        // A typo of a synonym still finds the trade: the word is in the documents.
        let plurals = ["haie", "vitre", "local", "locaux"];
        for word in SYNONYMS.iter().flat_map(|g| g.iter()).chain(ONE_WAY.iter().map(|(w, _)| w)) {
            assert!(
                all.contains(&word.to_lowercase()) || plurals.contains(word),
                "« {word} » is a synonym but no sector's word"
            );
        }
    }

    #[test]
    fn one_way_synonyms_stay_one_way_and_names_are_no_synonyms() {
        let map = synonyms();
        assert_eq!(map["linge"], ["blanchisserie"]);
        assert!(!map["blanchisserie"].contains(&"linge".to_owned()));
        assert!(map["espaces verts"].contains(&"jardinage".to_owned()));
        for word in
            ["jardin", "jardins", "atelier", "ateliers", "relais", "restauration", "travaux"]
        {
            assert!(!map.contains_key(word), "« {word} » names structures or two trades");
            assert!(map.values().all(|v| !v.iter().any(|w| w == word)), "« {word} »");
        }
    }
}
