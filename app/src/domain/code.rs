//! The stable codes of the domain's enums: what the database stores, forms send and addresses
//! carry. Each enum derives its codes with `strum` (`IntoStaticStr` and `EnumString`, with
//! the spelling of its codes in `#[strum(...)]`); this trait reads them the same way for all.

use std::str::FromStr;

/// An enum written as a stable code. Import it to call `x.code()` and `T::from_code(s)`.
pub trait Code: Copy + Into<&'static str> + FromStr {
    /// The stable code of this value.
    fn code(self) -> &'static str {
        self.into()
    }

    /// The value a code names, if any (codes are exact: no trimming, no case folding).
    fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }
}

impl<T: Copy + Into<&'static str> + FromStr> Code for T {}

/// `TryFrom<String>` from the codes, for enums read from a text column by the repositories
/// (`#[sqlx(try_from = "String")]`).
macro_rules! read_from_text_column {
    ($($enum:ty),+ $(,)?) => {
        $(impl TryFrom<String> for $enum {
            type Error = strum::ParseError;
            fn try_from(code: String) -> Result<Self, Self::Error> {
                code.parse()
            }
        })+
    };
}

read_from_text_column!(
    super::directory::StructureStatus,
    super::directory::OfferStatus,
    super::directory::upload::Purpose,
    super::organisations::Verification,
    super::needs::NeedState,
    super::needs::NeedKind,
    super::needs::group::MemberState,
    super::organisations::BuyerCategory,
);

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use strum::VariantArray;

    use super::Code;
    use crate::domain::{
        accounts::LoginOutcome,
        directory::{Family, OfferStatus, ServiceKind, StructureKind, StructureStatus},
        hqs::{CriterionCode, EvidenceKind, check::CheckState},
        label::{LabelState, LabelStep, Level},
    };

    /// The enums that travel in JSON under the same name as their code.
    fn same_in_json<T: Code + Serialize + PartialEq + std::fmt::Debug + VariantArray>() {
        for &value in T::VARIANTS {
            let json = serde_json::to_value(value).expect("json");
            assert_eq!(json, value.code(), "{value:?}");
            assert_eq!(T::from_code(value.code()), Some(value));
        }
        assert_eq!(T::from_code("inconnu"), None);
    }

    #[test]
    fn codes_round_trip_and_match_serde() {
        same_in_json::<LabelState>();
        same_in_json::<LabelStep>();
        same_in_json::<CriterionCode>();
        same_in_json::<EvidenceKind>();
        same_in_json::<StructureKind>();
        same_in_json::<Family>();
        same_in_json::<ServiceKind>();
    }

    /// Codes stored in the database or written in addresses, spelled out.
    #[test]
    fn codes_are_those_stored() {
        assert_eq!(CriterionCode::ReservedJoint.code(), "reserve-conjoint");
        assert_eq!(EvidenceKind::PrisonAgreement.code(), "convention-penitentiaire");
        assert_eq!(LoginOutcome::EmailNotVerified.code(), "non-verifie");
        assert_eq!(LoginOutcome::from_code("ok"), Some(LoginOutcome::SignedIn));
        let levels: Vec<&str> = Level::VARIANTS.iter().map(|l| l.code()).collect();
        assert_eq!(levels, ["bronze", "argent", "or"]);
        assert_eq!(StructureKind::Mutuelle.code(), "MUTUELLE");
        assert_eq!(StructureStatus::from_code("published"), Some(StructureStatus::Published));
        assert_eq!(OfferStatus::Archived.code(), "archived");
        assert_eq!(CheckState::AwaitingEvidence.code(), "awaiting_evidence");
        assert_eq!(ServiceKind::StaffProvision.code(), "staff_provision");
    }
}
