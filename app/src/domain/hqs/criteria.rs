//! The criteria of the "Haute Qualité Solidaire" référentiel: what each one checks, on what
//! legal basis, and what evidence it needs. The rules themselves are in `rules.rs`; the texts
//! here are what buyers and suppliers read.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

/// A criterion of the référentiel. The codes are stable: stored profiles and checks name
/// criteria by them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(try_from = "String", into = "String")]
pub enum CriterionCode {
    #[strum(serialize = "reserve-handicap")]
    ReservedHandicap,
    #[strum(serialize = "reserve-insertion")]
    ReservedInsertion,
    #[strum(serialize = "reserve-conjoint")]
    ReservedJoint,
    #[strum(serialize = "reserve-penitentiaire")]
    ReservedPrison,
    #[strum(serialize = "reserve-ess")]
    ReservedEss,
    #[strum(serialize = "agrement-esus")]
    EsusAgreement,
    #[strum(serialize = "commerce-equitable")]
    FairTrade,
    #[strum(serialize = "labels")]
    NamedLabels,
    #[strum(serialize = "clause-insertion")]
    InsertionClause,
    #[strum(serialize = "ancrage-local")]
    LocalReach,
    #[strum(serialize = "gouvernance-democratique")]
    DemocraticGovernance,
    #[strum(serialize = "part-insertion")]
    InsertionShare,
}

impl CriterionCode {
    /// What this criterion is, for people.
    pub fn definition(self) -> &'static Definition {
        LIBRARY.iter().find(|d| d.code == self).unwrap_or(&LIBRARY[0])
    }

    /// The kind of threshold the criterion takes, if any.
    pub fn threshold(self) -> ThresholdKind {
        match self {
            Self::ReservedHandicap
            | Self::ReservedInsertion
            | Self::ReservedJoint
            | Self::ReservedPrison
            | Self::InsertionShare => ThresholdKind::Percent,
            Self::InsertionClause => ThresholdKind::Hours,
            Self::LocalReach => ThresholdKind::Place,
            Self::NamedLabels => ThresholdKind::Labels,
            Self::ReservedEss
            | Self::EsusAgreement
            | Self::FairTrade
            | Self::DemocraticGovernance => ThresholdKind::None,
        }
    }
}

impl TryFrom<String> for CriterionCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::from_code(&value).ok_or_else(|| format!("critère inconnu : {value}"))
    }
}

impl From<CriterionCode> for String {
    fn from(code: CriterionCode) -> Self {
        code.code().to_owned()
    }
}

/// What a criterion's threshold is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdKind {
    None,
    /// A minimum share of the workforce, in percent.
    Percent,
    /// A number of insertion hours (from the clause's formula).
    Hours,
    /// Communes and/or a distance.
    Place,
    /// The labels accepted.
    Labels,
}

/// A piece of evidence a criterion may need.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(try_from = "String", into = "String")]
pub enum EvidenceKind {
    /// EA recognition or ESAT authorisation, with the share of disabled workers.
    #[strum(serialize = "attestation-handicap")]
    HandicapAttestation,
    /// The SIAE's agreement with the State (conventionnement DDETS).
    #[strum(serialize = "conventionnement-siae")]
    SiaeAgreement,
    /// The agreement with the prison administration.
    #[strum(serialize = "convention-penitentiaire")]
    PrisonAgreement,
    /// Articles of association (statuts) showing the ESS statute and governance.
    #[strum(serialize = "statuts")]
    Statutes,
    /// The ESUS agreement's decision.
    #[strum(serialize = "decision-esus")]
    EsusDecision,
    /// A label's certificate.
    #[strum(serialize = "certificat-label")]
    LabelCertificate,
}

impl EvidenceKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::HandicapAttestation => {
                "Reconnaissance EA ou autorisation ESAT, avec la part de travailleurs handicapés"
            }
            Self::SiaeAgreement => "Conventionnement IAE (DDETS)",
            Self::PrisonAgreement => "Convention avec l'administration pénitentiaire",
            Self::Statutes => "Statuts",
            Self::EsusDecision => "Décision d'agrément ESUS",
            Self::LabelCertificate => "Certificat du label",
        }
    }
}

impl TryFrom<String> for EvidenceKind {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::from_code(&value).ok_or_else(|| format!("pièce inconnue : {value}"))
    }
}

impl From<EvidenceKind> for String {
    fn from(kind: EvidenceKind) -> Self {
        kind.code().to_owned()
    }
}

/// A criterion as the référentiel describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub code: CriterionCode,
    pub title_fr: &'static str,
    pub title_en: &'static str,
    pub explanation_fr: &'static str,
    pub explanation_en: &'static str,
    /// The article, as cited in verdicts ("art. L2113-12 du Code de la commande publique").
    pub basis: &'static str,
    /// The article's gist, in our own words.
    pub basis_summary: &'static str,
    /// What Ecossol looks at.
    pub checks: &'static str,
    pub evidence: &'static [EvidenceKind],
}

/// Every criterion Ecossol knows. A published référentiel version picks among them and sets
/// their default thresholds.
pub const LIBRARY: [Definition; 12] = [
    Definition {
        code: CriterionCode::ReservedHandicap,
        title_fr: "Marché réservé aux structures du handicap",
        title_en: "Contract reserved to disability employers",
        explanation_fr: "Le marché ne peut être attribué qu'à une entreprise adaptée ou un ESAT \
                         employant au moins la moitié de travailleurs handicapés.",
        explanation_en: "Only a sheltered employer (EA or ESAT) with at least half disabled \
                         workers may be awarded the contract.",
        basis: "art. L2113-12 du Code de la commande publique",
        basis_summary: "Un acheteur peut réserver un marché ou un lot aux entreprises adaptées, \
                        aux ESAT et aux structures équivalentes, si la moitié au moins de leurs \
                        travailleurs sont handicapés (seuil fixé par R2113-7).",
        checks: "Type de structure (EA, EATT, ESAT) et part déclarée de travailleurs handicapés.",
        evidence: &[EvidenceKind::HandicapAttestation],
    },
    Definition {
        code: CriterionCode::ReservedInsertion,
        title_fr: "Marché réservé aux structures d'insertion",
        title_en: "Contract reserved to work-integration enterprises",
        explanation_fr: "Le marché ne peut être attribué qu'à une structure d'insertion par \
                         l'activité économique employant au moins la moitié de personnes \
                         éloignées de l'emploi.",
        explanation_en: "Only a work-integration enterprise (SIAE) with at least half \
                         disadvantaged workers may be awarded the contract.",
        basis: "art. L2113-13 du Code de la commande publique",
        basis_summary: "Un acheteur peut réserver un marché ou un lot aux structures d'insertion \
                        par l'activité économique (art. L5132-4 du Code du travail) dont la \
                        moitié au moins des salariés sont des personnes défavorisées.",
        checks: "Type de structure (ACI, EI, ETTI, AI, EITI) et part de salariés en insertion.",
        evidence: &[EvidenceKind::SiaeAgreement],
    },
    Definition {
        code: CriterionCode::ReservedJoint,
        title_fr: "Marché réservé handicap ou insertion",
        title_en: "Contract reserved to disability or work-integration enterprises",
        explanation_fr: "Réservation conjointe : une structure du handicap ou une structure \
                         d'insertion remplissant ses propres conditions peut être retenue.",
        explanation_en: "Joint reservation: either a disability employer or a \
                         work-integration enterprise meeting its own conditions qualifies.",
        basis: "art. L2113-12 et L2113-13 du Code de la commande publique",
        basis_summary: "Les deux réservations peuvent être faites ensemble pour un même marché : \
                        chaque candidat doit remplir les conditions de l'une d'elles.",
        checks: "Les conditions du marché réservé handicap, ou celles du marché réservé \
                 insertion.",
        evidence: &[EvidenceKind::HandicapAttestation, EvidenceKind::SiaeAgreement],
    },
    Definition {
        code: CriterionCode::ReservedPrison,
        title_fr: "Marché réservé au travail pénitentiaire",
        title_en: "Contract reserved to prison work",
        explanation_fr: "Le marché ne peut être attribué qu'à une structure dont au moins la \
                         moitié des travailleurs sont des personnes détenues.",
        explanation_en: "Only a structure where at least half the workers are detainees may \
                         be awarded the contract.",
        basis: "art. L2113-13-1 du Code de la commande publique",
        basis_summary: "Un acheteur peut réserver un marché aux opérateurs employant en \
                        majorité des personnes détenues, dans le cadre du travail pénitentiaire.",
        checks: "Part déclarée de travailleurs détenus.",
        evidence: &[EvidenceKind::PrisonAgreement],
    },
    Definition {
        code: CriterionCode::ReservedEss,
        title_fr: "Marché réservé aux entreprises de l'ESS",
        title_en: "Contract reserved to social economy enterprises",
        explanation_fr: "Pour certains services de santé, sociaux et culturels, le marché peut \
                         être réservé aux entreprises de l'économie sociale et solidaire.",
        explanation_en: "For some health, social and cultural services, the contract may be \
                         reserved to social and solidarity economy enterprises.",
        basis: "art. L2113-15 du Code de la commande publique",
        basis_summary: "Un acheteur peut réserver aux entreprises de l'ESS (art. 1 de la loi \
                        2014-856) les marchés de services de santé, sociaux et culturels \
                        énumérés par arrêté.",
        checks: "Statut de l'ESS (coopérative, association, mutuelle, fondation ou agrément \
                 ESUS) et code CPV du service parmi les services de santé, sociaux ou \
                 culturels.",
        evidence: &[EvidenceKind::Statutes],
    },
    Definition {
        code: CriterionCode::EsusAgreement,
        title_fr: "Agrément ESUS en cours de validité",
        title_en: "Valid ESUS agreement",
        explanation_fr: "La structure détient l'agrément « entreprise solidaire d'utilité \
                         sociale », ou en bénéficie de plein droit.",
        explanation_en: "The structure holds the ESUS (solidarity enterprise of social \
                         utility) agreement, or has it by law.",
        basis: "art. L3332-17-1 du Code du travail",
        basis_summary: "L'agrément ESUS est accordé pour cinq ans par la DDETS ; les SIAE, \
                        entreprises adaptées, ESAT et régies de quartier en bénéficient de plein \
                        droit.",
        checks: "Type de structure, date d'agrément (validité de cinq ans).",
        evidence: &[EvidenceKind::EsusDecision],
    },
    Definition {
        code: CriterionCode::FairTrade,
        title_fr: "Label de commerce équitable",
        title_en: "Fair-trade label",
        explanation_fr: "La structure détient un label de commerce équitable reconnu, en cours \
                         de validité.",
        explanation_en: "The structure holds a recognised fair-trade label that is still \
                         valid.",
        basis: "art. 60 de la loi 2005-882 (modifié en 2014)",
        basis_summary: "La loi définit le commerce équitable et reconnaît les labels qui en \
                        garantissent les conditions (Fairtrade/Max Havelaar, WFTO, SPP, Fair for \
                        Life, Biopartenaire…).",
        checks: "Labels déclarés parmi les labels de commerce équitable, dates de validité.",
        evidence: &[EvidenceKind::LabelCertificate],
    },
    Definition {
        code: CriterionCode::NamedLabels,
        title_fr: "Label exigé par l'acheteur",
        title_en: "Label required by the buyer",
        explanation_fr: "La structure détient l'un des labels que l'acheteur accepte, en cours \
                         de validité.",
        explanation_en: "The structure holds one of the labels the buyer accepts, still \
                         valid.",
        basis: "art. R2111-12 à R2111-17 du Code de la commande publique",
        basis_summary: "Un acheteur peut exiger un label précis comme preuve de \
                        caractéristiques sociales ou environnementales, en acceptant les labels \
                        équivalents.",
        checks: "Labels déclarés, dates de validité.",
        evidence: &[EvidenceKind::LabelCertificate],
    },
    Definition {
        code: CriterionCode::InsertionClause,
        title_fr: "Capacité à exécuter une clause sociale d'insertion",
        title_en: "Capacity to perform a social insertion clause",
        explanation_fr: "La structure peut réaliser le nombre d'heures d'insertion que la clause \
                         du marché impose.",
        explanation_en: "The structure can perform the number of insertion hours the \
                         contract's clause requires.",
        basis: "art. L2112-2 du Code de la commande publique",
        basis_summary: "Les conditions d'exécution d'un marché peuvent comprendre des \
                        considérations sociales, comme un volume d'heures de travail confié à \
                        des personnes en insertion.",
        checks: "Heures d'insertion que la structure déclare pouvoir réaliser par an, comparées \
                 aux heures de la clause (montant HT × part de main-d'œuvre × taux d'insertion \
                 ÷ coût horaire chargé).",
        evidence: &[],
    },
    Definition {
        code: CriterionCode::LocalReach,
        title_fr: "Ancrage local",
        title_en: "Local presence",
        explanation_fr: "La structure est implantée dans les communes de l'acheteur ou à moins \
                         d'une distance donnée.",
        explanation_en: "The structure is located in the buyer's communes or within a given \
                         distance.",
        basis: "critère d'information, sans base légale",
        basis_summary: "Aucun texte ne le prévoit ; un acheteur public ne peut pas en faire une \
                        condition d'attribution (égalité de traitement, art. L3 du Code de la \
                        commande publique) : il sert aux achats privés et au repérage.",
        checks: "Commune de la structure et distance à l'acheteur.",
        evidence: &[],
    },
    Definition {
        code: CriterionCode::DemocraticGovernance,
        title_fr: "Gouvernance démocratique",
        title_en: "Democratic governance",
        explanation_fr: "La structure a un statut qui donne le pouvoir à ses membres : \
                         coopérative, association ou mutuelle.",
        explanation_en: "The structure's statute gives power to its members: cooperative, \
                         association or mutual.",
        basis: "art. 1 de la loi 2014-856 relative à l'économie sociale et solidaire",
        basis_summary: "Une gouvernance démocratique, définie dans les statuts, est l'une des \
                        conditions de l'appartenance à l'ESS.",
        checks: "Type de structure et forme juridique déclarés.",
        evidence: &[EvidenceKind::Statutes],
    },
    Definition {
        code: CriterionCode::InsertionShare,
        title_fr: "Part minimale de salariés en insertion",
        title_en: "Minimum share of insertion staff",
        explanation_fr: "Une part minimale des salariés de la structure sont en parcours \
                         d'insertion.",
        explanation_en: "A minimum share of the structure's staff are in an insertion \
                         pathway.",
        basis: "art. L5132-1 du Code du travail",
        basis_summary: "L'insertion par l'activité économique permet à des personnes sans \
                        emploi rencontrant des difficultés sociales et professionnelles \
                        particulières de bénéficier de contrats de travail.",
        checks: "Salariés en insertion rapportés à l'effectif déclaré.",
        evidence: &[],
    },
];
