use serde::{Deserialize, Serialize};

/// Validation failures of a form, each shown next to its field in French.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_owned(), message.into()));
    }

    /// Records the error of a parse, keeping its value when it succeeded.
    pub fn check<T, E: std::fmt::Display>(
        &mut self,
        field: &str,
        parsed: Result<T, E>,
    ) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error.to_string());
                None
            }
        }
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    /// The first message, for a form that shows one.
    pub fn first(&self) -> Option<&str> {
        self.0.first().map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each field with its message, in the order found.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(f, m)| (f.as_str(), m.as_str()))
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(f, _)| f.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_found_by_field() {
        let mut errors = FieldErrors::new();
        assert!(errors.is_empty());
        let kept: Option<u8> = errors.check("age", "12".parse::<u8>());
        assert_eq!(kept, Some(12));
        let lost: Option<u8> = errors.check("taille", "x".parse::<u8>());
        assert_eq!(lost, None);
        assert!(errors.get("taille").is_some());
        assert!(errors.get("age").is_none());
        assert_eq!(errors.fields().collect::<Vec<_>>(), ["taille"]);
    }
}
