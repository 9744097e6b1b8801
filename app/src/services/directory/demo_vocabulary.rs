//! The words of the demo directory: what each kind of structure sells, names that fit its
//! kind and trade, missions, labels, and valid SIRETs. The offers' texts are in
//! `demo_offers`.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use crate::domain::directory::{
    HeldCertification, KnownCertification, Sector, StructureKind, siret::passes_luhn,
};

/// What a kind of structure sells, each sector with a weight (how often a structure of the
/// kind has it). ESAT and EA: the Gesat network's figures for the sheltered sector
/// (reseau-gesat.com: conditionnement/logistique 65 % of structures, espaces verts 63 %,
/// nettoyage 51 %), then print, mailing, laundry, catering and IT. SIAE: the trades of
/// insertion (green spaces, cleaning, building, removals, waste, reuse). Associations: the
/// trades associations do sell to companies and communes (catering, events, training, reuse,
/// bikes, home help…), not sport clubs and leisure.
pub(super) fn sectors_for(kind: StructureKind) -> &'static [(&'static str, u32)] {
    use StructureKind as K;
    match kind {
        K::Aci => &[
            ("espaces-verts", 5),
            ("second-oeuvre", 3),
            ("maraichage", 2),
            ("ressourcerie", 2),
            ("nettoyage-locaux", 2),
            ("menuiserie", 2),
            ("elagage", 1),
            ("couture", 1),
            ("recyclage", 1),
            ("cycles", 1),
        ],
        K::Ei => &[
            ("nettoyage-locaux", 4),
            ("second-oeuvre", 3),
            ("demenagement", 3),
            ("collecte-dechets", 2),
            ("traiteur", 2),
            ("blanchisserie", 2),
            ("espaces-verts", 2),
            ("vitrerie", 2),
            ("restauration-collective", 1),
            ("reconditionnement-informatique", 1),
            ("logistique", 1),
            ("mise-sous-pli", 1),
        ],
        K::Etti | K::Eatt => &[("interim-insertion", 1)],
        K::Ai => &[
            ("mise-a-disposition", 3),
            ("nettoyage-locaux", 1),
            ("espaces-verts", 1),
            ("demenagement", 1),
        ],
        K::Eiti => {
            &[("services-numeriques", 1), ("graphisme", 1), ("coursiers", 1), ("second-oeuvre", 1)]
        }
        K::Geiq | K::Ge => &[("mise-a-disposition", 1)],
        K::Ea => &[
            ("conditionnement", 3),
            ("nettoyage-locaux", 3),
            ("espaces-verts", 3),
            ("reconditionnement-informatique", 2),
            ("reprographie", 2),
            ("assemblage", 2),
            ("saisie-donnees", 1),
            ("vitrerie", 1),
            ("accueil", 1),
            ("mise-sous-pli", 2),
            ("blanchisserie", 1),
            ("logistique", 1),
        ],
        K::Esat => &[
            ("espaces-verts", 4),
            ("conditionnement", 4),
            ("nettoyage-locaux", 3),
            ("blanchisserie", 2),
            ("traiteur", 2),
            ("mise-sous-pli", 3),
            ("reprographie", 2),
            ("assemblage", 2),
            ("menuiserie", 1),
            ("restauration-collective", 1),
        ],
        K::Rq => &[
            ("nettoyage-urbain", 2),
            ("espaces-verts", 2),
            ("vitrerie", 2),
            ("nettoyage-locaux", 1),
            ("second-oeuvre", 1),
        ],
        K::Scop => &[
            ("services-numeriques", 2),
            ("second-oeuvre", 2),
            ("renovation-energetique", 2),
            ("menuiserie", 2),
            ("graphisme", 1),
            ("conseil", 1),
            ("formation", 1),
            ("gros-oeuvre", 1),
            ("audiovisuel", 1),
            ("reprographie", 1),
            ("traiteur", 1),
            ("transport-personnes", 1),
        ],
        K::Scic => &[
            ("energie", 1),
            ("ressourcerie", 1),
            ("coursiers", 1),
            ("epicerie", 1),
            ("reconditionnement-informatique", 1),
            ("restauration-collective", 1),
        ],
        K::Asso => &[
            ("traiteur", 2),
            ("evenementiel", 2),
            ("formation", 2),
            ("sensibilisation", 2),
            ("ressourcerie", 2),
            ("cycles", 2),
            ("aide-domicile", 2),
            ("garde-enfants", 1),
            ("audiovisuel", 1),
            ("spectacle", 1),
            ("tourisme", 1),
            ("epicerie", 1),
            ("couture", 1),
            ("recyclage", 1),
            ("transport-personnes", 1),
            ("maraichage", 1),
        ],
        K::Mutuelle => &[("sante-travail", 1)],
        K::Fondation => &[("formation", 1), ("conseil", 1)],
        K::Sel => &[("sensibilisation", 1), ("formation", 1)],
    }
}

const PLACES: &[&str] = &[
    "du Drac",
    "de l'Isère",
    "de Belledonne",
    "du Vercors",
    "de Chartreuse",
    "de la Bastille",
    "du Grésivaudan",
    "des Alpes",
    "de la Romanche",
    "du Néron",
    "du Moucherotte",
    "de l'Y grenoblois",
];
/// Names that say nothing of a trade (« Les Jardins » is kept for green trades: a home-help
/// association called « Les Jardins de Grenoble » misled the search).
const NATURE: &[&str] = &[
    "L'Atelier",
    "La Fabrique",
    "Le Relais",
    "La Passerelle",
    "La Ruche",
    "Les Compagnons",
    "L'Envol",
    "Le Tremplin",
    "La Boussole",
];
const CAUSES: &[&str] = &[
    "Solidarité",
    "Partage",
    "Entraide",
    "Horizons",
    "Initiatives",
    "Avenir",
    "Lien",
    "Savoirs",
    "Quartiers",
    "Mobilité",
];
const FIRST: &[&str] = &[
    "Claire", "Karim", "Sophie", "Mathieu", "Nadia", "Julien", "Élodie", "Samir", "Anne", "Thomas",
    "Inès", "Pierre",
];
const LAST: &[&str] = &[
    "Martin",
    "Bernard",
    "Benali",
    "Durand",
    "Moreau",
    "Garcia",
    "Roux",
    "Fontaine",
    "Girard",
    "Mercier",
    "Chevalier",
    "Blanc",
];
const STREETS: &[&str] = &["rue", "avenue", "boulevard", "chemin", "place", "allée"];
const STREET_NAMES: &[&str] = &[
    "Jean Jaurès",
    "de la République",
    "Victor Hugo",
    "des Alpes",
    "du Vercors",
    "Paul Cocat",
    "Marcel Cachin",
    "de la Liberté",
    "Aristide Briand",
    "des Écoles",
    "du Stade",
    "Général de Gaulle",
];

/// "de Grenoble", "du Pont-de-Claix", "de La Tronche" (the article of La Tronche stays).
pub(super) fn of_commune(commune: &str) -> String {
    if let Some(rest) = commune.strip_prefix("Le ") {
        format!("du {rest}")
    } else if let Some(rest) = commune.strip_prefix("Les ") {
        format!("des {rest}")
    } else {
        format!("de {commune}")
    }
}

/// Words a structure of the trade takes for its name.
fn trade_names(sector: &str) -> &'static [&'static str] {
    match sector {
        "espaces-verts" | "elagage" | "maraichage" => {
            &["Les Jardins", "Verdure", "Terre et Saisons", "Les Haies Vives"]
        }
        "nettoyage-locaux" | "nettoyage-urbain" | "vitrerie" => {
            &["Propreté Solidaire", "Net Services", "Clair et Net"]
        }
        "second-oeuvre" | "gros-oeuvre" | "renovation-energetique" | "demolition" => {
            &["Bâtir Ensemble", "Les Bâtisseurs", "Rénov' Solidaire"]
        }
        "traiteur" | "restauration-collective" | "epicerie" => {
            &["Saveurs Partagées", "La Table", "Cuisine et Partage"]
        }
        "reprographie" | "graphisme" | "audiovisuel" => {
            &["Encre et Papier", "L'Atelier Graphique", "Imprim' Solidaire"]
        }
        "mise-sous-pli" | "coursiers" => &["Les Messagers", "Pli et Courrier"],
        "reconditionnement-informatique" | "services-numeriques" | "saisie-donnees" => {
            &["Numérique Solidaire", "Octets Solidaires", "Recycl'Info"]
        }
        "collecte-dechets" | "recyclage" | "ressourcerie" => {
            &["La Ressourcerie", "Récup' et Compagnie", "Seconde Vie"]
        }
        "demenagement" | "logistique" | "transport-personnes" => {
            &["Cartons et Compagnie", "Les Déménageurs Solidaires", "Logistique Solidaire"]
        }
        "blanchisserie" | "couture" | "vetements-travail" => {
            &["Le Fil d'Argent", "Blanchisserie Solidaire", "Fil et Aiguille"]
        }
        "menuiserie" => &["L'Atelier Bois", "Copeaux et Compagnie"],
        "conditionnement" | "assemblage" => &["Les Ateliers", "L'Atelier", "La Fabrique"],
        "interim-insertion" | "mise-a-disposition" => {
            &["Tremplin Emploi", "Intérim Solidaire", "Passerelle Emploi"]
        }
        _ => NATURE,
    }
}

/// A name that fits the kind and, for trading kinds, the main trade.
pub(super) fn name_for(
    rng: &mut ChaCha8Rng,
    kind: StructureKind,
    main_sector: &str,
    commune: &str,
) -> String {
    use StructureKind as K;
    let place = *PLACES.choose(rng).expect("non-empty");
    let trade = *trade_names(main_sector).choose(rng).expect("non-empty");
    let nature = *NATURE.choose(rng).expect("non-empty");
    let cause = *CAUSES.choose(rng).expect("non-empty");
    match kind {
        K::Aci => format!("Chantier d'insertion {trade} {place}"),
        K::Ei => format!("{trade} {place}"),
        K::Etti => format!("{trade} Intérim {place}"),
        K::Ai => format!("Association intermédiaire {cause} {place}"),
        K::Eiti => format!("Coopérative d'indépendants {trade} {}", of_commune(commune)),
        K::Geiq => format!(
            "GEIQ {} {place}",
            ["BTP", "Propreté", "Industrie"].choose(rng).expect("non-empty")
        ),
        K::Ea => format!("{trade} {place} Entreprise adaptée"),
        K::Eatt => format!("Handi'Intérim {place}"),
        K::Esat => format!("ESAT {nature} {place}"),
        K::Scop => format!("SCOP {trade} {place}"),
        K::Scic => format!("SCIC {cause} {place}"),
        K::Mutuelle => format!("Mutuelle {cause} {place}"),
        K::Fondation => format!("Fondation {cause} {place}"),
        K::Ge => format!("Groupement d'employeurs {place}"),
        K::Sel => format!("SEL {}", of_commune(commune)),
        K::Rq => format!("Régie de quartier {}", of_commune(commune)),
        K::Asso => match rng.random_range(0..3) {
            0 => format!("Association {cause} {place}"),
            1 => format!("{trade} {}", of_commune(commune)),
            _ => format!(
                "{cause} et {} à {commune}",
                CAUSES.choose(rng).expect("non-empty").to_lowercase()
            ),
        },
    }
}

pub(super) fn mission(kind: StructureKind) -> &'static str {
    use StructureKind as K;
    match kind {
        K::Aci => {
            "Nous accompagnons des personnes éloignées de l'emploi vers un retour durable au travail, par des chantiers encadrés et une formation sur le terrain."
        }
        K::Ei => {
            "Entreprise d'insertion, nous salarions et formons des personnes en parcours d'insertion tout en assurant des prestations de qualité professionnelle."
        }
        K::Etti => {
            "Entreprise de travail temporaire d'insertion, nous déléguons des intérimaires en parcours d'insertion et les accompagnons de mission en mission."
        }
        K::Ai => {
            "Association intermédiaire, nous mettons des salariés en parcours d'insertion à disposition des particuliers, des entreprises et des collectivités."
        }
        K::Eiti => {
            "Entreprise d'insertion par le travail indépendant, nous accompagnons des personnes qui créent leur activité et vendent leurs services."
        }
        K::Geiq => {
            "Groupement d'employeurs pour l'insertion et la qualification, nous recrutons, formons en alternance et mettons à disposition de nos entreprises adhérentes."
        }
        K::Esat => {
            "Établissement médico-social, nous offrons à des travailleurs en situation de handicap une activité professionnelle adaptée et un accompagnement personnalisé."
        }
        K::Ea => {
            "Entreprise adaptée, plus de la moitié de nos salariés sont reconnus travailleurs handicapés ; nous travaillons pour des clients publics et privés."
        }
        K::Eatt => {
            "Entreprise adaptée de travail temporaire, nous déléguons des intérimaires reconnus travailleurs handicapés."
        }
        K::Scop => {
            "Coopérative détenue par ses salariés, nous partageons le pouvoir et les bénéfices, et réinvestissons dans le projet collectif."
        }
        K::Scic => {
            "Société coopérative d'intérêt collectif, nous associons salariés, usagers, collectivités et partenaires autour d'un projet de territoire."
        }
        K::Mutuelle => {
            "Mutuelle de proximité, nous menons des actions de prévention santé auprès des entreprises et des collectivités."
        }
        K::Fondation => {
            "Notre fondation soutient les initiatives locales d'insertion et de solidarité."
        }
        K::Ge => {
            "Nous mettons des salariés qualifiés à disposition de nos entreprises adhérentes, en temps partagé."
        }
        K::Sel => {
            "Réseau d'échanges de savoirs, nous organisons des ateliers ouverts à tous les habitants."
        }
        K::Rq => {
            "Régie de quartier, nous entretenons les parties communes avec les habitants et créons des emplois de proximité."
        }
        K::Asso => {
            "Association loi 1901, nous vendons nos prestations aux entreprises et aux collectivités et réinvestissons nos recettes dans notre projet d'utilité sociale."
        }
    }
}

/// The labels a structure of these sectors holds, valid from `year - 1` to `year + 2`: fair
/// trade for catering and groceries, RGE and Qualibat for building trades, Lucie or B Corp
/// for some cooperatives, ISO 14001 for some adapted companies. How often: about a third of
/// the structures concerned (an assumption, for the demo to show every filter).
pub(super) fn labels_for(
    rng: &mut ChaCha8Rng,
    kind: StructureKind,
    sectors: &[&Sector],
    year: i64,
) -> Vec<HeldCertification> {
    let has = |wanted: &[&str]| sectors.iter().any(|s| wanted.contains(&s.code));
    let mut codes = Vec::new();
    if has(&["traiteur", "epicerie"]) && rng.random_bool(0.4) {
        codes.push(("fairtrade", "Max Havelaar France"));
    }
    if has(&["second-oeuvre", "renovation-energetique"]) && rng.random_bool(0.45) {
        codes.push(("rge", "Qualibat"));
    }
    if has(&["gros-oeuvre", "second-oeuvre", "menuiserie"]) && rng.random_bool(0.25) {
        codes.push(("qualibat", "Qualibat"));
    }
    if matches!(kind, StructureKind::Scop | StructureKind::Scic) && rng.random_bool(0.2) {
        codes.push(if rng.random_bool(0.5) {
            ("lucie", "Agence Lucie")
        } else {
            ("b-corp", "B Lab")
        });
    }
    if kind == StructureKind::Ea && rng.random_bool(0.15) {
        codes.push(("iso-14001", "AFNOR Certification"));
    }
    codes
        .into_iter()
        .filter_map(|(code, issuer)| {
            let known = KnownCertification::find(code)?;
            Some(HeldCertification {
                code: known.code.to_owned(),
                name: known.name.to_owned(),
                issuer: Some(issuer.to_owned()),
                number: Some(format!(
                    "{}-{:05}",
                    code.to_uppercase(),
                    rng.random_range(0..100_000)
                )),
                valid_from: Some(format!("{}-{:02}-01", year - 1, rng.random_range(1..=12))),
                valid_until: Some(format!("{}-{:02}-28", year + 2, rng.random_range(1..=12))),
            })
        })
        .collect()
}

/// A SIRET that passes the Luhn check: a random SIREN with its check digit, a NIC with its own.
pub(super) fn siret(rng: &mut ChaCha8Rng) -> String {
    fn with_check(digits: &str) -> String {
        (0..10)
            .map(|last| format!("{digits}{last}"))
            .find(|candidate| passes_luhn(candidate))
            .expect("one of ten check digits completes the sum")
    }
    let siren =
        with_check(&format!("{}{:07}", rng.random_range(3..=9), rng.random_range(0..10_000_000)));
    with_check(&format!("{siren}{:04}", rng.random_range(1..=9999)))
}

/// What a sector sells: staff, goods, or (mostly) a service.
pub(super) fn service_kind_of(sector: &Sector) -> &'static str {
    match sector.code {
        "interim-insertion" | "mise-a-disposition" => "staff_provision",
        "epicerie"
        | "maraichage"
        | "mobilier"
        | "vetements-travail"
        | "reconditionnement-informatique" => "goods",
        _ => "service",
    }
}

/// A first and last name.
pub(super) fn person_name(rng: &mut ChaCha8Rng) -> String {
    format!("{} {}", FIRST.choose(rng).expect("non-empty"), LAST.choose(rng).expect("non-empty"))
}

/// A number and a street.
pub(super) fn street_address(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {} {}",
        rng.random_range(1..150),
        STREETS.choose(rng).expect("non-empty"),
        STREET_NAMES.choose(rng).expect("non-empty")
    )
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;
    use crate::search::synonyms::{SYNONYMS, trade_words};

    #[test]
    fn commune_names_take_their_article() {
        assert_eq!(of_commune("Grenoble"), "de Grenoble");
        assert_eq!(of_commune("Le Pont-de-Claix"), "du Pont-de-Claix");
        assert_eq!(of_commune("La Tronche"), "de La Tronche");
    }

    #[test]
    fn every_kind_sells_known_sectors_each_reachable_by_its_trade_words() {
        for kind in StructureKind::VARIANTS {
            for (code, weight) in sectors_for(*kind) {
                assert!(Sector::find(code).is_some(), "{code}");
                assert!(*weight > 0);
                assert!(!trade_words(code).is_empty(), "{code} has no trade words to be found by");
            }
        }
    }

    #[test]
    fn no_word_of_a_name_is_a_synonym() {
        let synonyms: Vec<String> =
            SYNONYMS.iter().flat_map(|g| g.iter()).map(|w| w.to_lowercase()).collect();
        let names = NATURE.iter().chain(CAUSES).chain(PLACES);
        for name in names {
            for word in name.to_lowercase().split([' ', '\'']) {
                assert!(!synonyms.iter().any(|s| s == word), "« {word} » of « {name} »");
            }
        }
    }
}
