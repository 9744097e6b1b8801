use serde::{Deserialize, Serialize};

/// An organisation's name as shown everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationName(String);

impl OrganisationName {
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        match name.chars().count() {
            0 => Err("Indiquez le nom de l'organisation."),
            1 => Err("Le nom est trop court."),
            n if n > 150 => Err("Le nom ne peut pas dépasser 150 caractères."),
            _ if name.chars().any(|c| c.is_control() || c == '<' || c == '>') => {
                Err("Le nom contient des caractères non autorisés.")
            }
            _ => Ok(Self(name)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OrganisationName {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<OrganisationName> for String {
    fn from(name: OrganisationName) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_and_checked() {
        assert_eq!(
            OrganisationName::parse("  Régie   de quartier ").expect("ok").as_str(),
            "Régie de quartier"
        );
        assert!(OrganisationName::parse("").is_err());
        assert!(OrganisationName::parse("A").is_err());
        assert!(OrganisationName::parse(&"a".repeat(151)).is_err());
    }
}
