//! What the accounts server functions answer. Business outcomes travel inside `Ok`; `Err`
//! is kept for failures.

use serde::{Deserialize, Serialize};

/// The signed-in person, as the interface needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: String,
    pub display_name: String,
    pub email: String,
    pub is_admin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyOutcome {
    Verified,
    Expired,
    AlreadyUsed,
    Invalid,
}

impl VerifyOutcome {
    pub fn message(self) -> &'static str {
        match self {
            Self::Verified => "Votre adresse e-mail est confirmée. Vous pouvez vous connecter.",
            Self::Expired => {
                "Ce lien a expiré. Inscrivez-vous à nouveau pour recevoir un nouveau lien."
            }
            Self::AlreadyUsed => "Ce lien a déjà servi : votre adresse est sans doute confirmée.",
            Self::Invalid => "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier.",
        }
    }
}

/// The answer of the sign-in server function (the session itself travels in a cookie).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
pub enum LoginOutcome {
    #[strum(serialize = "ok")]
    SignedIn,
    #[strum(serialize = "identifiants")]
    WrongCredentials,
    #[strum(serialize = "non-verifie")]
    EmailNotVerified,
    #[strum(serialize = "trop-de-tentatives")]
    Throttled,
}

impl LoginOutcome {
    pub fn message(self) -> &'static str {
        match self {
            Self::SignedIn => "Vous êtes connecté.",
            Self::WrongCredentials => "Adresse e-mail ou mot de passe incorrect.",
            Self::EmailNotVerified => {
                "Confirmez d'abord votre adresse e-mail avec le lien que nous vous avons envoyé."
            }
            Self::Throttled => {
                "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Code;

    #[test]
    fn login_codes_round_trip() {
        for outcome in [
            LoginOutcome::SignedIn,
            LoginOutcome::WrongCredentials,
            LoginOutcome::EmailNotVerified,
            LoginOutcome::Throttled,
        ] {
            assert_eq!(LoginOutcome::from_code(outcome.code()), Some(outcome));
        }
        assert_eq!(LoginOutcome::from_code("nimporte"), None);
    }
}
