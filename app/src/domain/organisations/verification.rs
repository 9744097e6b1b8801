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

/// What an animator decides on a buyer: verify it, or refuse (a verified buyer's refusal
/// withdraws its verification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationDecision {
    Verify,
    Refuse,
}

impl Verification {
    /// The state after an owner (re)asks with a SIRET: a verified buyer keeping its SIRET stays
    /// verified (its category is corrected); any other goes (back) to the pôle.
    pub fn after_request(self, siret_changed: bool) -> Self {
        match self {
            Self::Verified if !siret_changed => Self::Verified,
            _ => Self::Requested,
        }
    }

    /// The state after an animator's decision, or why it is out of place now.
    pub fn after_decision(self, decision: VerificationDecision) -> Result<Self, &'static str> {
        match (self, decision) {
            (Self::Requested, VerificationDecision::Verify) => Ok(Self::Verified),
            (Self::Requested | Self::Verified, VerificationDecision::Refuse) => Ok(Self::Refused),
            (Self::Verified, VerificationDecision::Verify) => Err("Cet acheteur est déjà vérifié."),
            (Self::None | Self::Refused, _) => {
                Err("Cet acheteur n'a pas de demande de vérification en attente.")
            }
        }
    }

    /// The audit log's name of a decision from this state.
    pub fn decision_action(self, decision: VerificationDecision) -> &'static str {
        match (self, decision) {
            (_, VerificationDecision::Verify) => "verification_verified",
            (Self::Verified, VerificationDecision::Refuse) => "verification_withdrawn",
            (_, VerificationDecision::Refuse) => "verification_refused",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Verification as V, VerificationDecision as D};

    #[test]
    fn a_request_goes_to_the_pole_unless_a_verified_buyer_keeps_its_siret() {
        assert_eq!(V::None.after_request(true), V::Requested);
        assert_eq!(V::Refused.after_request(false), V::Requested);
        assert_eq!(V::Requested.after_request(false), V::Requested);
        assert_eq!(V::Verified.after_request(false), V::Verified);
        assert_eq!(V::Verified.after_request(true), V::Requested);
    }

    #[test]
    fn animators_decide_on_requests_and_withdraw_verifications() {
        let table = [
            (V::Requested, D::Verify, Ok(V::Verified)),
            (V::Requested, D::Refuse, Ok(V::Refused)),
            (V::Verified, D::Refuse, Ok(V::Refused)),
            (V::Verified, D::Verify, Err(())),
            (V::None, D::Verify, Err(())),
            (V::Refused, D::Verify, Err(())),
            (V::Refused, D::Refuse, Err(())),
        ];
        for (from, decision, to) in table {
            assert_eq!(from.after_decision(decision).map_err(|_| ()), to, "{from:?} {decision:?}");
        }
        assert_eq!(V::Verified.decision_action(D::Refuse), "verification_withdrawn");
        assert_eq!(V::Requested.decision_action(D::Refuse), "verification_refused");
    }
}
