//! Whether the pôle vouches for a buyer organisation. Only a verified buyer publishes needs,
//! opens HQS checks and sees suppliers' evidence; until then it may draft.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Never asked.
    #[default]
    None,
    /// Asked, waiting for an animator.
    Requested,
    Verified,
    Refused,
}

impl Verification {
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "Non vérifié",
            Self::Requested => "Vérification demandée",
            Self::Verified => "Vérifié par le pôle",
            Self::Refused => "Vérification refusée",
        }
    }
}
