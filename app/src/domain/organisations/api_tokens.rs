//! The tokens a buyer organisation's own systems use to call the API: their name, the cap on
//! active ones, and what the organisation's page shows of them (never the token itself,
//! except once, at its creation).

use serde::{Deserialize, Serialize};

/// Active tokens an organisation may hold at once.
pub const MAX_ACTIVE_API_TOKENS: i64 = 10;

/// What a token is for, as its owners name it ("Logiciel de marchés", "Intégration ERP").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenName(String);

impl ApiTokenName {
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        match name.chars().count() {
            0 => Err("Donnez un nom au jeton (par exemple le logiciel qui l'utilisera)."),
            n if n > 100 => Err("Le nom ne peut pas dépasser 100 caractères."),
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

/// An active token as the organisation's owners see it listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: String,
    pub name: String,
    /// Who created it (their display name), if their account still exists.
    pub created_by: Option<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// A token just created: the only time its value leaves the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    pub id: String,
    pub name: String,
    pub token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_required_short_and_plain() {
        assert_eq!(
            ApiTokenName::parse("  Logiciel   ERP ").map(|n| n.0),
            Ok("Logiciel ERP".into())
        );
        assert!(ApiTokenName::parse("   ").expect_err("empty").contains("Donnez un nom"));
        assert!(ApiTokenName::parse(&"x".repeat(100)).is_ok());
        assert!(
            ApiTokenName::parse(&"x".repeat(101)).expect_err("long").contains("100 caractères")
        );
        assert!(ApiTokenName::parse("<script>").is_err());
    }
}
