//! What a search answers: hits with their highlighted text as plain segments (never HTML
//! from the index), facet counts, and the total.

use serde::{Deserialize, Serialize};

/// A piece of text, highlighted when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: String,
    /// `/offres/…` or `/structures/…`.
    pub url: String,
    pub title: Vec<Segment>,
    pub excerpt: Vec<Segment>,
    /// The structure (for an offer) and its commune.
    pub subtitle: String,
    pub kinds: Vec<String>,
    pub labels: Vec<String>,
    pub esus: bool,
    /// The HQS label held: its level, or `sans-niveau`.
    pub hqs_label: Option<String>,
    pub price: Option<String>,
    /// Metres from the search's point, when it has one and the item has coordinates.
    pub distance_m: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u64,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    /// The address parameter (`type`, `secteur`…).
    pub param: String,
    pub title: String,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Vec<Facet>,
    pub page: u32,
    pub pages: u32,
    /// Shown when nothing matched: what to relax, in French.
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
