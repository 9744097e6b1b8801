use std::fmt;

/// A new password that meets the policy: 12 to 128 characters, not a well-known password,
/// not one character repeated. Deliberately neither `Serialize` nor `Display`, and its
/// `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("Le mot de passe doit contenir au moins 12 caractères.")]
    TooShort,
    #[error("Le mot de passe ne peut pas dépasser 128 caractères.")]
    TooLong,
    #[error("Ce mot de passe est trop courant : choisissez-en un autre.")]
    Common,
}

pub const MIN_CHARS: usize = 12;
const MAX_CHARS: usize = 128;

/// Passwords of 12+ characters seen in public leaks, compared without case.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789123",
    "azertyuiop12",
    "azertyuiop123",
    "azertyuiopqs",
    "qwertyuiop12",
    "qwertyuiop123",
    "qwertyuiopas",
    "motdepasse12",
    "motdepasse123",
    "motdepasse1234",
    "password1234",
    "password12345",
    "passwordpassword",
    "iloveyou1234",
    "jetaime12345",
    "jetaimejetaime",
    "soleil123456",
    "bonjour12345",
    "marseille1234",
    "grenoble1234",
    "grenoble38000",
    "football1234",
    "abcdefghijkl",
    "abcdef123456",
    "123456abcdef",
    "qwerty123456",
    "azerty123456",
    "1q2w3e4r5t6y",
    "1a2z3e4r5t6y",
    "administrateur",
    "administrator",
    "changeme1234",
    "welcome12345",
    "bienvenue123",
    "ecossol12345",
    "motdepasse!!",
];

impl Password {
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        let chars = input.chars().count();
        if chars < MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        let lower = input.to_lowercase();
        let mut distinct = lower.chars().collect::<Vec<_>>();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() <= 2 || COMMON.contains(&lower.as_str()) {
            return Err(PasswordError::Common);
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(********)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_is_applied() {
        assert_eq!(Password::parse("court"), Err(PasswordError::TooShort));
        assert_eq!(Password::parse("onze-caract"), Err(PasswordError::TooShort));
        assert!(Password::parse("douze-caract").is_ok());
        assert_eq!(Password::parse(&"x1".repeat(7)), Err(PasswordError::Common));
        assert_eq!(Password::parse(&"xyz".repeat(43)), Err(PasswordError::TooLong));
        assert_eq!(Password::parse("MotDePasse123"), Err(PasswordError::Common));
        assert_eq!(Password::parse("aaaaaaaaaaaaaa"), Err(PasswordError::Common));
        assert!(Password::parse("un chemin vers Chamrousse").is_ok());
    }

    #[test]
    fn accents_count_as_one_character() {
        assert_eq!(Password::parse("ééééééééééé"), Err(PasswordError::TooShort));
    }

    #[test]
    fn debug_hides_the_password() {
        let password = Password::parse("tres-secret-vraiment").expect("valid");
        assert!(!format!("{password:?}").contains("secret"));
    }
}
