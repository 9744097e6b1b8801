//! What a search answers: hits with their highlighted text as plain segments (never HTML
//! from the index), facet counts, and the total.

use serde::{Deserialize, Serialize};

// Doc comments of the types below describe the JSON API (`GET /api/v1/search`), in French.

/// Morceau de texte, mis en évidence quand il correspond à la recherche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Segment {
    pub text: String,
    /// Partie du texte qui correspond à la recherche.
    pub matched: bool,
}

/// Marks Meilisearch puts around matches; control characters that never occur in our text.
pub const MARK_START: &str = "\u{1}";
pub const MARK_END: &str = "\u{2}";

/// Splits text marked with [`MARK_START`] and [`MARK_END`] into segments.
pub fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = marked;
    while let Some(start) = rest.find(MARK_START) {
        if start > 0 {
            out.push(Segment { text: rest[..start].to_owned(), matched: false });
        }
        let after = &rest[start + MARK_START.len()..];
        let end = after.find(MARK_END).unwrap_or(after.len());
        if end > 0 {
            out.push(Segment { text: after[..end].to_owned(), matched: true });
        }
        rest = after.get(end + MARK_END.len()..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Segment { text: rest.to_owned(), matched: false });
    }
    out
}

/// Une offre ou une structure trouvée.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Hit {
    pub id: String,
    /// Page publique, relative au site (`/offres/…` ou `/structures/…`).
    pub url: String,
    /// Titre, en morceaux mis en évidence ou non.
    pub title: Vec<Segment>,
    /// Extrait de la description, en morceaux mis en évidence ou non.
    pub excerpt: Vec<Segment>,
    /// La structure (pour une offre) et sa commune.
    pub subtitle: String,
    /// Types de la structure (ACI, ESAT…).
    pub kinds: Vec<String>,
    /// Labels valides.
    pub labels: Vec<String>,
    /// Structure agréée ESUS.
    pub esus: bool,
    /// Label HQS détenu : son niveau (`or`, `argent`, `bronze`) ou `sans-niveau`.
    pub hqs_label: Option<String>,
    /// Prix indicatif de l'offre.
    pub price: Option<String>,
    /// Distance à l'origine, en mètres, quand la recherche en a une et l'élément des
    /// coordonnées.
    pub distance_m: Option<u64>,
}

/// Une valeur d'une facette et son compte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetValue {
    /// Valeur du paramètre d'adresse.
    pub value: String,
    /// Nom affiché.
    pub label: String,
    /// Nombre de résultats avec cette valeur.
    pub count: u64,
    /// Valeur choisie dans la recherche.
    pub selected: bool,
}

/// Comptes par valeur d'un paramètre de recherche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Facet {
    /// Paramètre d'adresse (`type`, `secteur`…).
    pub param: String,
    pub title: String,
    pub values: Vec<FacetValue>,
}

/// Résultats d'une recherche.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchResults {
    /// Nombre total de résultats.
    pub total: u64,
    pub hits: Vec<Hit>,
    /// Comptes par valeur; ceux d'un groupe dont des valeurs sont choisies sont calculés sans
    /// ce groupe (facettes disjonctives).
    pub facets: Vec<Facet>,
    /// Page renvoyée, à partir de 1.
    pub page: u32,
    /// Nombre de pages.
    pub pages: u32,
    /// Quand rien ne correspond : quoi élargir.
    pub suggestions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_becomes_segments() {
        let marked = format!("Entretien de {MARK_START}pelouses{MARK_END} et haies");
        assert_eq!(
            segments(&marked),
            vec![
                Segment { text: "Entretien de ".into(), matched: false },
                Segment { text: "pelouses".into(), matched: true },
                Segment { text: " et haies".into(), matched: false },
            ]
        );
        assert_eq!(
            segments("<b>brut</b>"),
            vec![Segment { text: "<b>brut</b>".into(), matched: false }]
        );
        assert!(segments("").is_empty());
    }
}
