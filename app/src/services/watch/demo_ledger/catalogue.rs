//! The demo ledger's cast: buyers of the Métropole, public and private, with their yearly
//! number of purchase lines and amounts; trades with their CPV codes; suppliers the directory
//! does not know.

/// A demo buyer: name, SIREN's first eight digits (the SIRET is completed with a NIC and
/// the check digit), lines a year, the usual amount in euros.
pub struct DemoBuyer {
    pub name: &'static str,
    pub public: bool,
    pub siren8: &'static str,
    pub lines_a_year: u32,
    pub typical_euros: u32,
}

const fn buyer(
    name: &'static str,
    public: bool,
    siren8: &'static str,
    lines_a_year: u32,
    typical_euros: u32,
) -> DemoBuyer {
    DemoBuyer { name, public, siren8, lines_a_year, typical_euros }
}

/// Public bodies (SIREN of collectivités start with 2) and companies of several sizes.
pub const BUYERS: [DemoBuyer; 36] = [
    buyer("Grenoble-Alpes Métropole", true, "20004067", 90, 85_000),
    buyer("Ville de Grenoble", true, "21380185", 70, 40_000),
    buyer("Ville d'Échirolles", true, "21380151", 30, 25_000),
    buyer("Ville de Saint-Martin-d'Hères", true, "21380421", 28, 22_000),
    buyer("Ville de Fontaine", true, "21380169", 18, 15_000),
    buyer("Ville de Meylan", true, "21380229", 14, 14_000),
    buyer("Ville de Seyssinet-Pariset", true, "21380485", 10, 12_000),
    buyer("Ville d'Eybens", true, "21380158", 9, 11_000),
    buyer("Commune de Sassenage", true, "21380474", 9, 10_000),
    buyer("Ville du Pont-de-Claix", true, "21380317", 9, 11_000),
    buyer("Ville de Saint-Égrève", true, "21380382", 10, 12_000),
    buyer("Ville de Vizille", true, "21380563", 6, 9_000),
    buyer("CCAS de Grenoble", true, "26380080", 20, 18_000),
    buyer("CCAS d'Échirolles", true, "26380120", 8, 9_000),
    buyer("CHU Grenoble Alpes", true, "26380030", 60, 70_000),
    buyer("Grenoble Habitat", true, "30574770", 24, 60_000),
    buyer("Actis, office public de l'habitat", true, "27380009", 22, 55_000),
    buyer("Alpes Isère Habitat", true, "27380004", 20, 50_000),
    buyer("Syndicat des mobilités de l'aire grenobloise", true, "25380155", 16, 90_000),
    buyer("Département de l'Isère", true, "22380001", 40, 75_000),
    buyer("Université Grenoble Alpes", true, "13002608", 35, 30_000),
    buyer("Centre communal d'action sociale de Meylan", true, "26380229", 5, 6_000),
    buyer("Alpes Électrotechnique SA", false, "55210041", 45, 25_000),
    buyer("Ingénierie du Drac SAS", false, "44217730", 18, 12_000),
    buyer("Papeteries de Domène SA", false, "57250031", 25, 18_000),
    buyer("Clinique des Cèdres", false, "38052267", 15, 9_000),
    buyer("Hôtel Bastille SARL", false, "48912345", 6, 3_000),
    buyer("Boulangeries Moderne SARL", false, "51234567", 5, 2_500),
    buyer("Transports Alpes Voyageurs SAS", false, "40112233", 14, 14_000),
    buyer("Banque coopérative des Alpes", false, "77550012", 20, 15_000),
    buyer("Mutuelle Dauphiné Santé", false, "77960041", 12, 10_000),
    buyer("Groupe Isère Logistique SAS", false, "43998877", 16, 16_000),
    buyer("Cabinet d'architectes Vercors", false, "82212345", 4, 2_000),
    buyer("Start-up Hydrogène Alpes SAS", false, "89123456", 5, 4_000),
    buyer("Station de ski de Chamrousse SEM", false, "33456789", 8, 12_000),
    buyer("Centre commercial Grand'Place SNC", false, "31234876", 10, 8_000),
];

/// A trade: CPV code (with its check digit), subject, whether the ESS often serves it.
pub const TRADES: [(&str, &str, bool); 18] = [
    ("77310000-6", "Entretien des espaces verts", true),
    ("90911200-8", "Nettoyage de locaux", true),
    ("79810000-5", "Impression de documents", true),
    ("55520000-1", "Traiteur pour événements", true),
    ("50000000-5", "Réparation et entretien de matériels", true),
    ("45000000-7", "Travaux de second œuvre", false),
    ("90500000-2", "Collecte et tri des déchets", true),
    ("60100000-9", "Transport de personnes", false),
    ("72000000-5", "Services informatiques", false),
    ("30192000-1", "Fournitures de bureau", false),
    ("55300000-3", "Restauration collective", true),
    ("79710000-4", "Gardiennage et sécurité", false),
    ("18100000-0", "Vêtements de travail", true),
    ("80500000-9", "Formation professionnelle", false),
    ("39130000-2", "Mobilier de bureau réemployé", true),
    ("98310000-9", "Blanchisserie", true),
    ("15000000-8", "Denrées alimentaires", false),
    ("90600000-3", "Nettoyage de la voirie", true),
];

/// Suppliers the directory does not know: name, SIREN's first eight digits (empty: no
/// number in the buyer's file).
pub const STRANGERS: [(&str, &str); 20] = [
    ("Imprimerie du Vercors", "38412345"),
    ("Propreté Services Alpes", "41234567"),
    ("Bâtiment Dauphinois SAS", "42345678"),
    ("Informatique Isère Conseil", "43456789"),
    ("Sécurité Alpine SARL", "44567890"),
    ("Transports Chartreuse", "45678901"),
    ("Bureau Plus Grenoble", "46789012"),
    ("Restauration Collective du Sud-Est", "47890123"),
    ("Espaces Verts Belledonne", "48901234"),
    ("Textile Pro Rhône-Alpes", "49012345"),
    ("Déchets Valorisation Isère", "50123456"),
    ("Formation Continue Alpes", "50234567"),
    ("Mobilier Collectivités SA", "50345678"),
    ("Nettoyage Industriel Grésivaudan", "50456789"),
    ("Traiteur des Trois Vallées", "50567890"),
    ("Maintenance Technique Alpes", "50678901"),
    ("Café associatif La Bobine", ""),
    ("Atelier vélo Un p'tit vélo dans la tête", ""),
    ("Jardins familiaux du Drac", ""),
    ("Librairie Le Square", ""),
];

/// DECP procedures, the adapted one most often.
pub const PROCEDURES: [&str; 4] = [
    "Procédure adaptée",
    "Procédure adaptée",
    "Appel d'offres ouvert",
    "Marché passé sans publicité ni mise en concurrence préalable",
];

/// Communes of the Métropole where contracts are carried out (INSEE codes).
pub const PLACES: [&str; 8] =
    ["38185", "38151", "38421", "38169", "38229", "38485", "38317", "38382"];
