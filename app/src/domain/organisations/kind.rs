use serde::{Deserialize, Serialize};

/// What an organisation is on Ecossol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganisationKind {
    /// An ESS structure that sells (its directory profile comes with the directory).
    Supplier,
    /// A company or public body that buys.
    Buyer(BuyerKind),
    /// The pôle d'achats solidaires itself.
    Pole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BuyerKind {
    Public,
    Private,
}

impl OrganisationKind {
    /// From the form's value: `supplier`, `buyer_public`, `buyer_private` (`pole` is made by
    /// administrators only and is refused here).
    pub fn parse_public_choice(value: &str) -> Result<Self, &'static str> {
        match value {
            "supplier" => Ok(Self::Supplier),
            "buyer_public" => Ok(Self::Buyer(BuyerKind::Public)),
            "buyer_private" => Ok(Self::Buyer(BuyerKind::Private)),
            _ => Err("Choisissez le type d'organisation."),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Supplier => "Structure de l'ESS (fournisseur)",
            Self::Buyer(BuyerKind::Public) => "Acheteur public",
            Self::Buyer(BuyerKind::Private) => "Acheteur privé",
            Self::Pole => "Pôle d'achats solidaires",
        }
    }

    /// Column values: (kind, buyer_kind).
    pub fn columns(self) -> (&'static str, Option<&'static str>) {
        match self {
            Self::Supplier => ("supplier", None),
            Self::Buyer(BuyerKind::Public) => ("buyer", Some("public")),
            Self::Buyer(BuyerKind::Private) => ("buyer", Some("private")),
            Self::Pole => ("pole", None),
        }
    }

    pub fn from_columns(kind: &str, buyer_kind: Option<&str>) -> Option<Self> {
        match (kind, buyer_kind) {
            ("supplier", None) => Some(Self::Supplier),
            ("buyer", Some("public")) => Some(Self::Buyer(BuyerKind::Public)),
            ("buyer", Some("private")) => Some(Self::Buyer(BuyerKind::Private)),
            ("pole", None) => Some(Self::Pole),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip_and_the_pole_is_not_a_public_choice() {
        for kind in [
            OrganisationKind::Supplier,
            OrganisationKind::Buyer(BuyerKind::Public),
            OrganisationKind::Buyer(BuyerKind::Private),
            OrganisationKind::Pole,
        ] {
            let (k, b) = kind.columns();
            assert_eq!(OrganisationKind::from_columns(k, b), Some(kind));
        }
        assert!(OrganisationKind::parse_public_choice("pole").is_err());
        assert_eq!(OrganisationKind::from_columns("buyer", None), None);
    }
}
