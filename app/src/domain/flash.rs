//! What a plain form post (no JavaScript) that came back with errors leaves for the page it
//! returns to: kept on the server for one reading, never in the address (where values typed
//! would stay in the history, the logs and the `Referer` of the next site).

use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// The page it is for (a path without its query); other pages ignore it.
    pub path: String,
    pub errors: FieldErrors,
    /// A refusal of the whole form.
    pub refusal: Option<String>,
    /// The values typed, by field key (never passwords), shown again instead of the stored
    /// ones.
    pub values: Vec<(String, String)>,
    /// A value the page shows once after a success (a new API token). The database holds it
    /// sealed with the flash cookie's token, which it never sees (see
    /// `services::flash::keep`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl Flash {
    /// A flash for the page at `address` (its query and fragment do not count).
    pub fn for_page(
        address: &str,
        errors: FieldErrors,
        refusal: Option<String>,
        values: Vec<(String, String)>,
    ) -> Self {
        let path = address.split(['?', '#']).next().unwrap_or_default().to_owned();
        Self { path, errors, refusal, values, secret: None }
    }

    /// The flash as the page at `path` sees it: itself, or nothing when it is another page's.
    pub fn for_path(&self, path: &str) -> Option<&Self> {
        (self.path == path).then_some(self)
    }

    /// The value typed for `key`, when the form came back with values.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn has_values(&self) -> bool {
        !self.values.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flash_is_for_its_page_only() {
        let mut errors = FieldErrors::new();
        errors.add("siret", "SIRET invalide");
        let flash = Flash {
            path: "/espace".to_owned(),
            errors,
            refusal: None,
            values: vec![("siret".to_owned(), "123".to_owned())],
            secret: None,
        };
        assert!(flash.for_path("/espace").is_some());
        assert!(flash.for_path("/espace/offres/1").is_none());
        assert_eq!(flash.value("siret"), Some("123"));
        assert_eq!(flash.value("nom"), None);
        assert!(flash.has_values());
        let page = Flash::for_page("/espace?enregistre=1#labels", FieldErrors::new(), None, vec![]);
        assert_eq!(page.path, "/espace", "a page's query and fragment do not count");
    }
}
