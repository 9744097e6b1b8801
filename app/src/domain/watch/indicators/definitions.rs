//! Each indicator's definition, in French, with its source: written on the dashboard, the
//! monthly report and the exports.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Definition {
    /// The anchor on the page (`#def-pnad`).
    pub id: &'static str,
    pub term: &'static str,
    pub text: &'static str,
    pub source: &'static str,
}

pub const DEFINITIONS: &[Definition] = &[
    Definition {
        id: "def-achat",
        term: "Achat (contrat)",
        text: "Une ligne du registre des achats : un marché publié (DECP), une ligne du fichier \
               d'achats d'un acheteur ou un achat conclu sur Ecossol. Les montants sont hors \
               taxes. Les fournisseurs absents de l'annuaire comptent dans le total.",
        source: "Registre des achats de la veille partenariale d'Ecossol.",
    },
    Definition {
        id: "def-pnad",
        term: "Part des achats avec au moins une considération sociale",
        text: "Nombre (ou montant) des achats dont la considération sociale est une clause \
               sociale, un critère social ou un marché réservé, rapporté au nombre (ou au \
               montant) de tous les achats de la période. Un achat « Pas de considération \
               sociale » n'en a pas. Objectif national : 30 % des contrats notifiés dans \
               l'année en 2025 (point de départ : 12,5 %).",
        source: "Plan national pour des achats durables (PNAD) 2022-2025 ; données essentielles \
                 de la commande publique (DECP v2, champ considerationsSociales).",
    },
    Definition {
        id: "def-clause",
        term: "Clause sociale d'exécution",
        text: "Le marché impose au titulaire une action d'insertion pendant son exécution, \
               le plus souvent un nombre d'heures de travail confiées à des personnes en \
               insertion. Un achat peut cumuler plusieurs considérations.",
        source: "Code de la commande publique, art. L2112-2.",
    },
    Definition {
        id: "def-critere",
        term: "Critère social d'attribution",
        text: "Les offres sont notées aussi sur leur performance sociale (critère pondéré).",
        source: "Code de la commande publique, art. R2152-7.",
    },
    Definition {
        id: "def-reserve",
        term: "Marché réservé",
        text: "Le marché est réservé à des structures du handicap (EA, ESAT), de l'insertion \
               (SIAE) ou de l'ESS.",
        source: "Code de la commande publique, art. L2113-12, L2113-13 et L2113-15.",
    },
    Definition {
        id: "def-ess",
        term: "Achats auprès de l'ESS",
        text: "Montant acheté à une structure de l'annuaire d'Ecossol (toutes sont de \
               l'économie sociale et solidaire), rapporté au montant de tous les achats de la \
               période ; avec le nombre de fournisseurs distincts et d'acheteurs. Le \
               fournisseur est reconnu par son SIRET, son SIREN, ou un rapprochement fait \
               par le pôle.",
        source: "Loi n° 2014-856 du 31 juillet 2014 relative à l'ESS, art. 1.",
    },
    Definition {
        id: "def-siae",
        term: "Achats auprès des SIAE",
        text: "Part des achats auprès des structures d'insertion par l'activité économique : \
               ateliers et chantiers d'insertion (ACI), entreprises d'insertion (EI), \
               entreprises de travail temporaire d'insertion (ETTI), associations \
               intermédiaires (AI), entreprises d'insertion par le travail indépendant (EITI).",
        source: "Code du travail, art. L5132-4 ; Code de la commande publique, art. L2113-13.",
    },
    Definition {
        id: "def-handicap",
        term: "Achats auprès des structures du handicap",
        text: "Part des achats auprès des entreprises adaptées (EA, EATT) et des établissements \
               et services d'aide par le travail (ESAT).",
        source: "Code de la commande publique, art. L2113-12 ; Code du travail, art. \
                 L5212-10-1 (déduction de la contribution AGEFIPH pour les entreprises).",
    },
    Definition {
        id: "def-heures",
        term: "Heures d'insertion demandées et réalisées",
        text: "Heures que les clauses sociales demandent (montant HT × part de main-d'œuvre × \
               taux d'insertion ÷ coût horaire), et heures déclarées réalisées par le titulaire \
               ou le facilitateur des clauses, pour les mêmes achats.",
        source: "Code de la commande publique, art. L2112-2 ; déclarations des titulaires.",
    },
    Definition {
        id: "def-periode",
        term: "Période et comparaison",
        text: "Chaque chiffre est comparé à la période précédente de même durée (l'année, le \
               trimestre ou le mois d'avant). Les achats datés de leur seule année comptent \
               dans les années, pas dans les trimestres ni les mois.",
        source: "Date de notification (DECP) ou date de l'achat.",
    },
    Definition {
        id: "def-secret",
        term: "Secret",
        text: "Un chiffre formé par moins de trois acheteurs, ou par un ou deux acheteurs \
               privés, est remplacé par « secret », ainsi que le plus petit autre chiffre d'un \
               tableau quand le total permettrait de le retrouver par soustraction. Les achats \
               d'un acheteur privé ne sont jamais montrés ligne à ligne aux autres ; les \
               visiteurs voient la part des acheteurs publics.",
        source: "Règle de confidentialité de la veille partenariale.",
    },
    Definition {
        id: "def-spaser",
        term: "SPASER",
        text: "Schéma de promotion des achats publics socialement et écologiquement \
               responsables : l'acheteur public qui achète plus de 50 M€ HT par an publie ses \
               objectifs et les taux réels d'achats avec des considérations sociales et \
               environnementales, en nombre et en valeur des contrats.",
        source: "Code de la commande publique, art. L2111-3.",
    },
];
