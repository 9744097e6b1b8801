//! The offers of the demo directory: titles in the words suppliers use for their trade, and
//! descriptions put together from several parts (what is done, for whom, how, by whom,
//! where), so that no two offers read the same. Generic parts name no trade: a sentence such
//! as « espaces communs » or « nettoyage » in every description made every offer a match.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::demo_vocabulary::service_kind_of;
use crate::domain::directory::{Family, OfferForm, Sector, StructureKind};

/// Titles for the trades buyers ask for most; elsewhere the sector's label.
fn titles(sector: &Sector) -> &'static [&'static str] {
    match sector.code {
        "espaces-verts" => &[
            "Création et entretien d'espaces verts",
            "Jardinage et entretien de jardins",
            "Tonte, taille de haies et débroussaillage",
            "Entretien des espaces verts",
        ],
        "elagage" => &["Élagage et abattage d'arbres", "Taille et élagage"],
        "nettoyage-locaux" => &[
            "Nettoyage de locaux",
            "Nettoyage de bureaux",
            "Ménage et entretien des locaux",
            "Propreté des parties communes",
        ],
        "nettoyage-urbain" => &["Propreté urbaine et balayage", "Enlèvement de graffitis"],
        "vitrerie" => &["Nettoyage de vitres", "Lavage de vitres et vitrages"],
        "second-oeuvre" => &[
            "Peinture intérieure et finitions",
            "Travaux de second œuvre",
            "Plâtrerie, peinture et revêtements de sols",
        ],
        "gros-oeuvre" => &["Maçonnerie et petits ouvrages", "Gros œuvre et maçonnerie"],
        "renovation-energetique" => {
            &["Isolation et rénovation énergétique", "Rénovation énergétique"]
        }
        "traiteur" => &[
            "Traiteur et plateaux-repas",
            "Buffets et cocktails",
            "Plateaux-repas livrés",
            "Traiteur pour séminaires",
        ],
        "restauration-collective" => &["Restauration collective", "Repas pour cantines scolaires"],
        "reprographie" => &[
            "Reprographie et impression",
            "Impression de documents",
            "Photocopie et reliure",
            "Impression d'affiches et de flyers",
        ],
        "mise-sous-pli" => {
            &["Mise sous pli et routage", "Publipostage et affranchissement", "Mise sous pli"]
        }
        "blanchisserie" => &[
            "Blanchisserie et pressing",
            "Lavage et repassage du linge",
            "Blanchisserie pour établissements",
        ],
        "demenagement" => &[
            "Déménagement et manutention",
            "Déménagement de bureaux",
            "Déménagement d'archives et de mobilier",
        ],
        "collecte-dechets" => &["Collecte et tri des déchets", "Tri sélectif en entreprise"],
        "reconditionnement-informatique" => &[
            "Recyclage informatique et reconditionnement",
            "Ordinateurs reconditionnés",
            "Collecte et reconditionnement de matériel informatique",
        ],
        "menuiserie" => &["Menuiserie et agencement bois", "Fabrication de mobilier en bois"],
        "conditionnement" => &["Conditionnement et travaux à façon", "Ensachage et étiquetage"],
        "interim-insertion" => &["Travail temporaire d'insertion", "Intérim d'insertion"],
        "mise-a-disposition" => {
            &["Mise à disposition de personnel", "Mise à disposition de salariés"]
        }
        "cycles" => &["Vélos et réparation de cycles", "Réparation et entretien de vélos"],
        _ => &[],
    }
}

/// What is done, in the trade's words.
fn details(sector: &Sector) -> &'static [&'static str] {
    match sector.code {
        "espaces-verts" => &[
            "Tonte, taille de haies, désherbage sans produits phytosanitaires et ramassage des feuilles.",
            "Plantations, massifs fleuris et entretien courant des pelouses.",
            "Débroussaillage de talus et fauche tardive favorable à la biodiversité.",
        ],
        "nettoyage-locaux" => &[
            "Bureaux, sanitaires et salles de réunion, avec des produits écolabellisés.",
            "Entretien quotidien ou hebdomadaire, remise en état après travaux.",
            "Parties communes d'immeubles, halls et cages d'escalier.",
        ],
        "traiteur" => &[
            "Cuisine maison à partir de produits de la région et de saison.",
            "Formules végétariennes, vaisselle réutilisable et service sur place.",
            "Livraison des plateaux-repas avant midi, menus renouvelés chaque semaine.",
        ],
        "reprographie" => &[
            "Impression noir et blanc ou couleur, reliure et façonnage.",
            "Tirages de rapports, brochures et supports de réunion.",
            "Affiches, flyers et cartes de visite sur papier recyclé.",
        ],
        "mise-sous-pli" => &[
            "Mise sous pli manuelle ou mécanisée, affranchissement et dépôt en poste.",
            "Envois de courriers, de magazines et de colis pour vos campagnes.",
        ],
        "blanchisserie" => &[
            "Lavage, séchage et repassage du linge plat et des tenues de travail.",
            "Collecte et livraison du linge deux fois par semaine.",
            "Draps, nappes et serviettes traités selon la méthode RABC.",
        ],
        "demenagement" => &[
            "Emballage, transport et remontage du mobilier, fourniture des cartons.",
            "Transferts de bureaux et d'archives sans interrompre votre activité.",
        ],
        "reconditionnement-informatique" => &[
            "Collecte des ordinateurs, effacement certifié des données et reconditionnement.",
            "Postes reconditionnés garantis un an, recyclage des DEEE non réparables.",
        ],
        "menuiserie" => &[
            "Mobilier sur mesure, agencement et petites menuiseries en bois local.",
            "Fabrication et pose de bardages, étagères et aménagements intérieurs.",
        ],
        "interim-insertion" | "mise-a-disposition" => &[
            "Des salariés pour vos remplacements et vos surcroîts d'activité, dès le lendemain.",
            "Des personnes formées au poste, accompagnées pendant toute la mission.",
        ],
        "second-oeuvre" => &[
            "Peinture, plâtrerie et revêtements de sols dans les logements et bureaux.",
            "Finitions intérieures et petits travaux de rénovation.",
        ],
        _ => &[],
    }
}

const AUDIENCES: &[&str] = &[
    "Pour les collectivités, les bailleurs sociaux et les entreprises.",
    "Pour les entreprises de toutes tailles, à l'année ou ponctuellement.",
    "Pour les communes et leurs établissements scolaires.",
    "Pour les syndics, les copropriétés et les bailleurs.",
    "Pour les associations, les établissements de santé et les administrations.",
];

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

/// Who does the work, in the structure's family's words.
fn who(rng: &mut ChaCha8Rng, kind: StructureKind) -> String {
    let team = rng.random_range(3..25);
    let leads = rng.random_range(1..5);
    if kind.families().contains(&Family::Handicap) {
        format!(
            "Une équipe de {team} travailleurs en situation de handicap et {leads} moniteurs d'atelier ; vos achats comptent dans votre obligation d'emploi (OETH)."
        )
    } else if kind.families().contains(&Family::Insertion) {
        format!(
            "Une équipe de {team} salariés en parcours d'insertion, encadrés par {leads} encadrants techniques ; de quoi remplir une clause sociale."
        )
    } else {
        format!(
            "Une équipe de {team} personnes dans une structure de l'économie sociale et solidaire, {leads} interlocuteurs dédiés."
        )
    }
}

/// An offer of the sector, by a structure of the kind in `commune`.
pub(super) fn offer_for(
    rng: &mut ChaCha8Rng,
    sector: &Sector,
    kind: StructureKind,
    commune: &str,
) -> OfferForm {
    // An EATT's temporary work is no insertion: it delegates disabled workers.
    let titles = if kind == StructureKind::Eatt {
        &["Intérim de travailleurs handicapés", "Travail temporaire adapté"][..]
    } else {
        titles(sector)
    };
    let name = titles.choose(rng).copied().unwrap_or(sector.label);
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
    let detail = details(sector).choose(rng).copied().unwrap_or(sector.label);
    let detail = if detail == sector.label { format!("{detail}.") } else { detail.to_owned() };
    let lead_time = rng.random_range(2..30);
    let reach = match rng.random_range(0..3) {
        0 => format!("Basés à {commune}, nous intervenons sur toute la Métropole grenobloise."),
        1 => format!("Depuis {commune}, dans un rayon de {} km.", rng.random_range(5..40)),
        _ => format!(
            "Devis sous 48 h, première intervention sous {lead_time} jours, depuis {commune}."
        ),
    };
    let description = format!(
        "{detail} {} {} {reach}",
        AUDIENCES.choose(rng).expect("non-empty"),
        who(rng, kind)
    );
    OfferForm {
        title: format!("{name} {qualifier}"),
        description,
        sector: sector.code.to_owned(),
        service_kind: service_kind.to_owned(),
        unit: unit.to_owned(),
        price,
        on_quote: on_quote.then(|| "on".to_owned()),
        lead_time: format!("Sous {lead_time} jours"),
        ..OfferForm::default()
    }
}
