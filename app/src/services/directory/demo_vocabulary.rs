//! The words of the demo directory: names, missions, sectors and offers that fit each kind
//! of structure, and valid SIRETs.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use crate::domain::directory::{OfferForm, Sector, StructureKind, siret::passes_luhn};

pub(super) fn sectors_for(kind: StructureKind) -> &'static [&'static str] {
    use StructureKind as K;
    match kind {
        K::Aci => &["espaces-verts", "maraichage", "ressourcerie", "second-oeuvre", "couture"],
        K::Ei => &[
            "nettoyage-locaux",
            "collecte-dechets",
            "second-oeuvre",
            "demenagement",
            "restauration-collective",
        ],
        K::Esat => &[
            "espaces-verts",
            "conditionnement",
            "blanchisserie",
            "traiteur",
            "mise-sous-pli",
            "reprographie",
        ],
        K::Ea => &[
            "reconditionnement-informatique",
            "saisie-donnees",
            "nettoyage-locaux",
            "assemblage",
            "accueil",
            "reprographie",
        ],
        K::Scop => &[
            "services-numeriques",
            "graphisme",
            "renovation-energetique",
            "conseil",
            "menuiserie",
            "formation",
        ],
        K::Scic => &["energie", "ressourcerie", "coursiers", "epicerie"],
        K::Asso => &[
            "evenementiel",
            "formation",
            "sensibilisation",
            "sport",
            "spectacle",
            "garde-enfants",
            "aide-domicile",
            "ressourcerie",
            "cycles",
            "traiteur",
            "audiovisuel",
            "tourisme",
        ],
        K::Mutuelle => &["sante-travail"],
        K::Fondation => &["formation", "conseil"],
        K::Ge => &["mise-a-disposition"],
        K::Sel => &["sensibilisation"],
        K::Rq => &["nettoyage-urbain", "espaces-verts", "vitrerie"],
        K::Etti | K::Ai => &["interim-insertion"],
        K::Geiq => &["mise-a-disposition"],
        K::Eiti => &["services-numeriques"],
        K::Eatt => &["interim-insertion"],
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
const NATURE: &[&str] = &[
    "Les Jardins",
    "L'Atelier",
    "La Fabrique",
    "Le Relais",
    "Les Ateliers",
    "La Passerelle",
    "Le Chantier",
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
    "Culture",
    "Quartiers",
    "Mobilité",
    "Nature",
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

pub(super) fn name_for(rng: &mut ChaCha8Rng, kind: StructureKind, commune: &str) -> String {
    use StructureKind as K;
    let place = *PLACES.choose(rng).expect("non-empty");
    let nature = *NATURE.choose(rng).expect("non-empty");
    let cause = *CAUSES.choose(rng).expect("non-empty");
    match kind {
        K::Aci => format!("Chantier d'insertion {nature} {place}"),
        K::Ei => format!("{nature} {place} (entreprise d'insertion)"),
        K::Esat => format!("ESAT {nature} {place}"),
        K::Ea => format!("{nature} {place} Entreprise adaptée"),
        K::Scop => format!("SCOP {nature} {place}"),
        K::Scic => format!("SCIC {cause} {place}"),
        K::Mutuelle => format!("Mutuelle {cause} {place}"),
        K::Fondation => format!("Fondation {cause} {place}"),
        K::Ge => format!("Groupement d'employeurs {place}"),
        K::Sel => format!("SEL {}", of_commune(commune)),
        K::Rq => format!("Régie de quartier {}", of_commune(commune)),
        _ => match rng.random_range(0..3) {
            0 => format!("Association {cause} {place}"),
            1 => format!("{nature} {}", of_commune(commune)),
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
        K::Esat => {
            "Établissement médico-social, nous offrons à des travailleurs en situation de handicap une activité professionnelle adaptée et un accompagnement personnalisé."
        }
        K::Ea => {
            "Entreprise adaptée, plus de la moitié de nos salariés sont reconnus travailleurs handicapés ; nous travaillons pour des clients publics et privés."
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
            "Régie de quartier, nous entretenons les espaces communs avec les habitants et créons des emplois de proximité."
        }
        _ => {
            "Association loi 1901, nous portons un projet d'utilité sociale au service des habitants de l'agglomération."
        }
    }
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

/// How suppliers name what they sell in the trades buyers ask for most, in the words they
/// use (the search's synonyms and typos need them); elsewhere the sector's label.
fn offer_names(sector: &Sector) -> &'static [&'static str] {
    match sector.code {
        "espaces-verts" => &[
            "Création et entretien d'espaces verts",
            "Jardinage et entretien de jardins",
            "Tonte, taille de haies et débroussaillage",
        ],
        "nettoyage-locaux" => {
            &["Nettoyage de locaux", "Nettoyage de bureaux", "Ménage et entretien des locaux"]
        }
        "traiteur" => {
            &["Traiteur et plateaux-repas", "Buffets et cocktails", "Plateaux-repas livrés"]
        }
        "reprographie" => {
            &["Reprographie et impression", "Impression de documents", "Photocopie et reliure"]
        }
        "mise-sous-pli" => &["Mise sous pli et routage", "Publipostage et affranchissement"],
        "blanchisserie" => &["Blanchisserie et pressing", "Lavage et repassage du linge"],
        "demenagement" => &["Déménagement et manutention", "Déménagement de bureaux"],
        "collecte-dechets" => &["Collecte et tri des déchets", "Tri sélectif en entreprise"],
        "cycles" => &["Vélos et réparation de cycles", "Réparation et entretien de vélos"],
        _ => &[],
    }
}

pub(super) fn offer_for(rng: &mut ChaCha8Rng, sector: &Sector, kind: StructureKind) -> OfferForm {
    const QUALIFIERS: &[&str] = &[
        "pour les collectivités",
        "pour les entreprises",
        "sur mesure",
        "à l'année",
        "ponctuel",
        "en circuit court",
        "clé en main",
        "pour les bailleurs sociaux",
        "en urgence",
        "éco-responsable",
    ];
    let name = offer_names(sector).choose(rng).copied().unwrap_or(sector.label);
    let qualifier = *QUALIFIERS.choose(rng).expect("non-empty");
    let service_kind = service_kind_of(sector);
    let unit = match service_kind {
        "staff_provision" => "heure",
        "goods" => "pièce",
        _ => *["heure", "jour", "forfait"].choose(rng).expect("non-empty"),
    };
    let on_quote = rng.random_bool(0.4);
    let price = if on_quote {
        String::new()
    } else {
        format!("{},{:02}", rng.random_range(15..900), rng.random_range(0..100))
    };
    let description = format!(
        "{name} {qualifier}. {} Devis gratuit, intervention sur toute l'agglomération grenobloise.",
        if kind.is_siae() || kind.families().contains(&crate::domain::directory::Family::Handicap) {
            "Chaque commande contribue à l'emploi de personnes en parcours d'insertion ou en situation de handicap."
        } else {
            "Une prestation portée par une structure de l'économie sociale et solidaire."
        }
    );
    OfferForm {
        title: format!("{name} {qualifier}"),
        description,
        sector: sector.code.to_owned(),
        service_kind: service_kind.to_owned(),
        unit: unit.to_owned(),
        price,
        on_quote: on_quote.then(|| "on".to_owned()),
        lead_time: format!("Sous {} jours", rng.random_range(2..30)),
        ..OfferForm::default()
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
    use super::of_commune;

    #[test]
    fn commune_names_take_their_article() {
        assert_eq!(of_commune("Grenoble"), "de Grenoble");
        assert_eq!(of_commune("Le Pont-de-Claix"), "du Pont-de-Claix");
        assert_eq!(of_commune("La Tronche"), "de La Tronche");
    }
}
