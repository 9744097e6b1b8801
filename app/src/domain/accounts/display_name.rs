use serde::{Deserialize, Serialize};

/// How a person is named in the interface and in e-mails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisplayNameError {
    #[error("Indiquez votre nom.")]
    Empty,
    #[error("Le nom ne peut pas dépasser 100 caractères.")]
    TooLong,
    #[error("Le nom contient des caractères non autorisés.")]
    Forbidden,
}

impl DisplayName {
    pub fn parse(input: &str) -> Result<Self, DisplayNameError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(DisplayNameError::Empty)
        } else if name.chars().count() > 100 {
            Err(DisplayNameError::TooLong)
        } else if name.chars().any(|c| c.is_control() || c == '<' || c == '>') {
            Err(DisplayNameError::Forbidden)
        } else {
            Ok(Self(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DisplayName> for String {
    fn from(name: DisplayName) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(DisplayName::parse("  Claire   Martin ").expect("ok").as_str(), "Claire Martin");
        assert_eq!(DisplayName::parse(" "), Err(DisplayNameError::Empty));
        assert_eq!(DisplayName::parse(&"é".repeat(101)), Err(DisplayNameError::TooLong));
        assert_eq!(DisplayName::parse("<script>"), Err(DisplayNameError::Forbidden));
    }
}
