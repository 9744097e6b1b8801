use serde::{Deserialize, Serialize};

/// The public figures shown on the home page.
///
/// Fixed-width integers on the wire: `usize` differs between the server and WASM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Published supplier structures in the directory.
    pub structures: u64,
    /// Published offers in the catalogue.
    pub offers: u64,
    /// Documents in the search index, or `None` when the search engine did not answer.
    pub indexed_documents: Option<u64>,
}

impl Figures {
    /// Whether the search engine answered when the figures were read.
    pub fn search_available(&self) -> bool {
        self.indexed_documents.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_availability_follows_the_index_count() {
        let mut figures = Figures { structures: 3, offers: 7, indexed_documents: Some(0) };
        assert!(figures.search_available());
        figures.indexed_documents = None;
        assert!(!figures.search_available());
    }

    #[test]
    fn figures_round_trip_through_json() {
        let figures = Figures { structures: 1, offers: 2, indexed_documents: Some(3) };
        let json = serde_json_roundtrip(&figures);
        assert_eq!(json, figures);
    }

    fn serde_json_roundtrip(figures: &Figures) -> Figures {
        let text = serde_json::to_string(figures).expect("serialises");
        serde_json::from_str(&text).expect("deserialises")
    }
}
