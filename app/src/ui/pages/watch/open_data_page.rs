//! `/donnees`: the open data files of the partnership's watch, their licence, fields and
//! update frequency. A static page: the files are written when downloaded.

use leptos::prelude::*;
use leptos_meta::Title;

/// The CSV file's columns and what they hold.
const CSV_FIELDS: [(&str, &str); 27] = [
    ("identifiant", "Identifiant de la ligne dans le registre d'Ecossol"),
    (
        "source",
        "ecossol (achat passé sur Ecossol), file (fichier d'achats d'un acheteur), decp (données essentielles)",
    ),
    ("acheteur", "Nom de l'acheteur public"),
    ("acheteur_siret", "SIRET de l'acheteur ou de son entité acheteuse"),
    ("entite_acheteuse", "Service ou direction de l'acheteur, quand le fichier l'indique"),
    ("fournisseur", "Nom du fournisseur (titulaire)"),
    ("fournisseur_siret", "SIRET du fournisseur, quand il est connu"),
    ("fournisseur_siren", "SIREN du fournisseur"),
    (
        "fournisseur_types_annuaire",
        "Types de structure (SIAE, EA, ESAT, SCOP…) de la fiche de l'annuaire rapprochée, vide sinon",
    ),
    ("montant_ht", "Montant hors taxes, en euros (point décimal)"),
    ("date", "Date de l'achat (AAAA-MM-JJ) ; le 1er janvier pour un achat daté par son année"),
    ("precision_date", "jour ou annee"),
    ("annee", "Année de l'achat"),
    ("code_cpv", "Code CPV (vocabulaire commun des marchés publics)"),
    ("categorie", "Catégorie d'achat de l'acheteur, quand ce n'est pas un code CPV"),
    (
        "considerations_sociales",
        "Clause sociale, Critère social, Marché réservé ou Pas de considération sociale (séparés par |)",
    ),
    (
        "considerations_environnementales",
        "Considérations environnementales, vide quand la source n'en dit rien",
    ),
    ("heures_insertion_demandees", "Heures d'insertion demandées par la clause"),
    (
        "heures_insertion_realisees",
        "Heures d'insertion réalisées, déclarées par le titulaire ou le facilitateur",
    ),
    ("heures_insertion_decomptees_au", "Date du dernier décompte des heures réalisées"),
    ("lieu_execution_type", "commune, postcode… : type du code du lieu d'exécution"),
    ("lieu_execution_code", "Code du lieu d'exécution"),
    ("identifiant_marche", "Identifiant du marché chez l'acheteur (données essentielles)"),
    ("objet", "Objet du marché"),
    ("procedure", "Procédure de passation, quand elle est connue"),
    ("duree_mois", "Durée du marché en mois, quand elle est connue"),
    ("date_notification", "Date de notification du marché, quand elle est connue"),
];

/// The DECP fields the ledger does not hold, and the value given.
const DECP_DEFAULTS: [(&str, &str); 10] = [
    ("techniques, modalitesExecution", "« Sans objet »"),
    ("ccag", "« Pas de CCAG » : aucun CCAG n'est enregistré avec l'achat"),
    ("offresRecues", "1, le minimum du schéma : l'offre retenue, au moins, a été reçue"),
    (
        "marcheInnovant, attributionAvance, sousTraitanceDeclaree",
        "non : rien de tel n'est enregistré",
    ),
    ("typeGroupementOperateurs", "« Pas de groupement » : chaque ligne a un seul titulaire"),
    (
        "procedure",
        "celle de la source quand elle est connue, sinon « Procédure adaptée » (achats sous les seuils formalisés)",
    ),
    (
        "dureeMois",
        "celle de la source, sinon 1 (le minimum du schéma ; la plupart des lignes sont des achats ponctuels)",
    ),
    (
        "typesPrix, formePrix",
        "« Définitif ferme », « Forfaitaire » : le montant de la ligne est un total arrêté",
    ),
    ("lieuExecution", "celui de la source, sinon la France (FR, « Code pays »)"),
    (
        "considerationsEnvironnementales",
        "celles de la source, sinon « Pas de considération environnementale »",
    ),
];

#[component]
pub fn OpenDataPage() -> impl IntoView {
    view! {
        <Title text="Données ouvertes"/>
        <h1>"Données ouvertes de la veille partenariale"</h1>
        <p class="lead">
            "Les achats des acheteurs publics du registre de la veille partenariale, en "
            "téléchargement libre. Les achats des acheteurs privés n'y figurent jamais."
        </p>
        <section class="panel" id="open-data-files">
            <h2>"Les fichiers"</h2>
            <ul>
                <li><a href="/donnees/achats-publics.csv" id="open-data-csv">"achats-publics.csv"</a>
                    " : toutes les lignes des acheteurs publics (CSV, UTF-8, séparateur virgule)."</li>
                <li><a href="/donnees/decp.json" id="open-data-decp">"decp.json"</a>
                    " : les marchés au format des données essentielles de la commande publique "
                    "(DECP v2, arrêté du 22 décembre 2022), valide selon le schéma officiel "
                    "schema_decp_v2.0.3.json."</li>
            </ul>
            <p>
                "Licence : " <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">"Licence Ouverte 2.0 (Etalab)"</a>
                ". Mise à jour : en continu ; chaque téléchargement lit le registre tel qu'il "
                "est, avec les fichiers importés par les acheteurs, les données essentielles "
                "importées chaque mois et les achats passés sur Ecossol."
            </p>
            <p>
                "Dans le CSV, une cellule qui commence par = + - ou @ est précédée d'une "
                "apostrophe, pour qu'un tableur ne l'exécute pas comme une formule."
            </p>
        </section>
        <section id="open-data-decp-rules">
            <h2>"Les marchés au format DECP"</h2>
            <p>
                "Y figurent les lignes qui ont le SIRET de l'acheteur, le SIRET du titulaire, un "
                "code CPV, une date au jour près et un montant d'au moins 1 € HT. Les autres "
                "(fournisseur connu par son seul SIREN ou sans numéro, achat daté par son "
                "année, catégorie propre à l'acheteur) restent dans le CSV : le format DECP ne "
                "peut pas les décrire sans inventer un numéro."
            </p>
            <p>
                "Le schéma exige des champs que le registre ne connaît pas ; chacun reçoit la "
                "valeur permise qui affirme le moins. Le CSV donne les valeurs de la source "
                "(vide quand elles sont inconnues)."
            </p>
            <table class="data-table" id="decp-defaults">
                <thead><tr><th scope="col">"Champ DECP"</th><th scope="col">"Valeur quand la source ne le dit pas"</th></tr></thead>
                <tbody>
                    {DECP_DEFAULTS.iter().map(|(f, v)| view! { <tr><td><code>{*f}</code></td><td>{*v}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <p>
                "L'identifiant (1 à 16 caractères) est celui du marché quand la source en donne "
                "un assez court ; sinon « E » suivi de 15 caractères tirés de l'acheteur, du "
                "fichier et de la ligne, stables quand l'acheteur envoie à nouveau le même fichier."
            </p>
        </section>
        <section id="open-data-fields">
            <h2>"Les colonnes du CSV"</h2>
            <table class="data-table" id="csv-fields">
                <thead><tr><th scope="col">"Colonne"</th><th scope="col">"Contenu"</th></tr></thead>
                <tbody>
                    {CSV_FIELDS.iter().map(|(f, v)| view! { <tr><td><code>{*f}</code></td><td>{*v}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
