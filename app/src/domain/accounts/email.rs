use std::fmt;

use serde::{Deserialize, Serialize};

/// An e-mail address, trimmed and lower-cased: the identity of an account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("Indiquez votre adresse e-mail.")]
    Empty,
    #[error("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).")]
    Invalid,
    #[error("Cette adresse e-mail est trop longue.")]
    TooLong,
}

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(EmailError::Empty);
        }
        if email.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = email.split_once('@').ok_or(EmailError::Invalid)?;
        let well_formed = !local.is_empty()
            && local.len() <= 64
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c));
        if well_formed { Ok(Self(email)) } else { Err(EmailError::Invalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        let email = Email::parse("  Claire.Martin@Grenoble.FR ").expect("valid");
        assert_eq!(email.as_str(), "claire.martin@grenoble.fr");
    }

    #[test]
    fn malformed_addresses_are_refused_in_french() {
        for bad in [
            "claire",
            "claire@",
            "@grenoble.fr",
            "claire@grenoble",
            "a b@c.fr",
            "a@b@c.fr",
            "claire@.fr",
            "claire@grenoble.",
            "claire@gre..fr",
            "<a>@b.fr",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert!(EmailError::Invalid.to_string().contains("n'est pas valide"));
        let long = format!("{}@exemple.fr", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
    }
}
