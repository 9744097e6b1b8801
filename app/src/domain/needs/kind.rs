//! What a buyer asks for when it posts a need (DOMAIN.md §6).

use serde::{Deserialize, Serialize};

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
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    /// A request for quotes (« demande de devis »).
    Quote,
    /// A call for tenders published elsewhere (« appel d'offres »): the official notice is
    /// linked.
    Tender,
    /// Who could do this? (« sourcing »): no quote expected yet.
    Sourcing,
}

impl NeedKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Quote => "Demande de devis",
            Self::Tender => "Appel d'offres",
            Self::Sourcing => "Sourcing (qui pourrait le faire ?)",
        }
    }

    /// Suppliers send a quote (a sourcing asks for interest only).
    pub fn takes_quotes(self) -> bool {
        !matches!(self, Self::Sourcing)
    }
}
