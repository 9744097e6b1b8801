//! Ecossol's taxonomy of activities: about twenty groups of sectors, each sector mapped to the
//! CPV codes (divisions, groups or classes) a buyer's procurement file would use for it.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

/// One sector of the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sector {
    /// Stable code used in the database, imports and URLs.
    pub code: &'static str,
    pub label: &'static str,
    pub group: &'static str,
    /// CPV codes (8 digits) covering the sector; the first one is the default of an offer.
    pub cpv: &'static [&'static str],
}

macro_rules! taxonomy {
    ($($group:literal => { $($code:literal, $label:literal, [$($cpv:literal),+];)+ })+) => {
        /// Every sector, grouped in display order.
        pub const SECTORS: &[Sector] = &[
            $($(Sector { code: $code, label: $label, group: $group, cpv: &[$($cpv),+] },)+)+
        ];
    };
}

taxonomy! {
    "Espaces verts et nature" => {
        "espaces-verts", "Création et entretien d'espaces verts", ["77310000", "77311000", "45112710"];
        "elagage", "Élagage et abattage", ["77341000", "77211400"];
        "maraichage", "Maraîchage et paniers de légumes", ["03221000", "15300000"];
    }
    "Propreté et hygiène" => {
        "nettoyage-locaux", "Nettoyage de locaux", ["90910000", "90911200", "90919200"];
        "nettoyage-urbain", "Propreté urbaine", ["90610000", "90611000"];
        "vitrerie", "Nettoyage de vitres", ["90911300"];
    }
    "Bâtiment et travaux publics" => {
        "second-oeuvre", "Second œuvre et finitions", ["45400000", "45442100", "45430000"];
        "gros-oeuvre", "Gros œuvre et maçonnerie", ["45200000", "45262500"];
        "demolition", "Démolition et désamiantage", ["45111000", "45262660"];
        "renovation-energetique", "Rénovation énergétique", ["45321000", "45331000"];
    }
    "Restauration et alimentation" => {
        "traiteur", "Traiteur et plateaux-repas", ["55520000", "55321000"];
        "restauration-collective", "Restauration collective", ["55500000", "55523100"];
        "epicerie", "Produits alimentaires", ["15000000", "15800000"];
    }
    "Impression et communication" => {
        "reprographie", "Reprographie et impression", ["79800000", "79810000", "79820000"];
        "graphisme", "Graphisme et création de supports", ["79822500", "79342000"];
        "audiovisuel", "Vidéo et audiovisuel", ["92111000"];
    }
    "Courrier et routage" => {
        "mise-sous-pli", "Mise sous pli et routage", ["79571000", "64110000"];
        "coursiers", "Coursiers et livraisons à vélo", ["64120000", "60161000"];
    }
    "Informatique et numérique" => {
        "reconditionnement-informatique", "Reconditionnement de matériel informatique", ["30200000", "50312000"];
        "services-numeriques", "Développement et services numériques", ["72000000", "72200000"];
        "saisie-donnees", "Saisie et numérisation de documents", ["72310000", "79999100"];
    }
    "Déchets et réemploi" => {
        "collecte-dechets", "Collecte et tri des déchets", ["90500000", "90511000"];
        "recyclage", "Recyclage et valorisation", ["90514000"];
        "ressourcerie", "Réemploi et ressourcerie", ["90510000", "39100000"];
        "destruction-archives", "Destruction sécurisée d'archives", ["79995100"];
    }
    "Transport et logistique" => {
        "logistique", "Logistique et stockage", ["63100000", "63120000"];
        "demenagement", "Déménagement et manutention", ["98392000", "63110000"];
        "transport-personnes", "Transport de personnes", ["60100000", "60130000"];
    }
    "Textile et blanchisserie" => {
        "blanchisserie", "Blanchisserie et pressing", ["98310000", "98311000"];
        "couture", "Couture, retouches et confection", ["18000000", "98393000"];
        "vetements-travail", "Vêtements de travail", ["18100000"];
    }
    "Sous-traitance industrielle" => {
        "conditionnement", "Conditionnement et travaux à façon", ["79342100", "44000000"];
        "assemblage", "Assemblage et montage", ["42000000", "31000000"];
        "menuiserie", "Menuiserie et travail du bois", ["45421000", "39150000"];
    }
    "Services aux personnes" => {
        "aide-domicile", "Aide à domicile", ["85312000", "98513000"];
        "garde-enfants", "Garde d'enfants", ["85312110"];
    }
    "Mise à disposition de personnel" => {
        "interim-insertion", "Travail temporaire d'insertion", ["79620000", "79624000"];
        "mise-a-disposition", "Mise à disposition de salariés", ["79620000"];
    }
    "Accueil et gardiennage" => {
        "accueil", "Accueil et standard", ["79992000", "79511000"];
        "gardiennage", "Gardiennage et sécurité", ["79710000", "79713000"];
    }
    "Mobilier et équipement" => {
        "mobilier", "Mobilier et agencement", ["39100000", "39150000"];
        "cycles", "Vélos et réparation de cycles", ["34430000", "50000000"];
    }
    "Culture et événementiel" => {
        "evenementiel", "Organisation d'événements", ["79952000", "79956000"];
        "spectacle", "Spectacles et animations culturelles", ["92300000", "92312000"];
    }
    "Formation et accompagnement" => {
        "formation", "Formation professionnelle", ["80500000", "80530000"];
        "conseil", "Conseil et études", ["79400000", "73200000"];
    }
    "Énergie et environnement" => {
        "energie", "Production et maîtrise de l'énergie", ["09300000", "71314000"];
        "sensibilisation", "Sensibilisation à l'environnement", ["90700000", "80000000"];
    }
    "Santé et bien-être" => {
        "sante-travail", "Prévention et bien-être au travail", ["85100000", "85147000"];
    }
    "Sport et loisirs" => {
        "sport", "Activités sportives et loisirs", ["92600000", "92620000"];
        "tourisme", "Tourisme solidaire et hébergement", ["55100000", "63500000"];
    }
}

impl Sector {
    pub fn find(code: &str) -> Option<&'static Sector> {
        SECTORS.iter().find(|s| s.code == code)
    }

    pub fn parse(input: &str) -> Result<&'static Sector, String> {
        let code = input.trim();
        if code.is_empty() {
            return Err("Choisissez un secteur d'activité.".into());
        }
        Self::find(code).ok_or_else(|| format!("« {code} » n'est pas un secteur connu."))
    }

    /// The groups in display order, each once.
    pub fn groups() -> Vec<&'static str> {
        let mut groups: Vec<&'static str> = Vec::new();
        for sector in SECTORS {
            if !groups.contains(&sector.group) {
                groups.push(sector.group);
            }
        }
        groups
    }
}

/// What kind of service an activity or an offer is (DOMAIN.md §6).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    Goods,
    Service,
    StaffProvision,
}

impl ServiceKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Goods => "Fourniture de biens",
            Self::Service => "Prestation de service",
            Self::StaffProvision => "Mise à disposition de personnel",
        }
    }

    pub fn parse(input: &str) -> Result<Self, String> {
        Self::from_code(input.trim()).ok_or_else(|| "Choisissez le type de prestation : biens, service ou mise à disposition de personnel.".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::codes::Cpv;

    #[test]
    fn the_taxonomy_has_about_twenty_groups_and_valid_unique_codes() {
        let groups = Sector::groups();
        assert!((18..=22).contains(&groups.len()), "{} groups", groups.len());
        let mut codes: Vec<&str> = SECTORS.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), SECTORS.len(), "sector codes are unique");
        for sector in SECTORS {
            assert!(!sector.cpv.is_empty());
            for cpv in sector.cpv {
                assert!(Cpv::parse(cpv).is_ok(), "{} has a malformed CPV {cpv}", sector.code);
            }
        }
    }

    #[test]
    fn sectors_and_service_kinds_parse_with_french_errors() {
        assert_eq!(Sector::parse("espaces-verts").expect("known").group, "Espaces verts et nature");
        assert!(Sector::parse("").expect_err("empty").contains("Choisissez"));
        assert!(Sector::parse("astronautique").is_err());
        assert_eq!(ServiceKind::parse("staff_provision"), Ok(ServiceKind::StaffProvision));
        assert!(ServiceKind::parse("gift").is_err());
    }
}
