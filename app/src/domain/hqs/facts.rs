//! What an evaluation looks at: a supplier's declared facts, optionally an offer's, and the
//! evidence on file.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

use super::criteria::EvidenceKind;
use crate::domain::directory::{Cpv, StructureKind};

/// A label the supplier declared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelFact {
    /// A known label's code (`other` for the rest).
    pub code: String,
    pub name: String,
    /// `AAAA-MM-JJ`, both optional.
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

/// A supplier's declared facts, as the directory holds them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupplierFacts {
    pub name: String,
    pub kinds: Vec<StructureKind>,
    pub legal_form: Option<String>,
    /// Staff not in an insertion pathway.
    pub permanent_staff: Option<i64>,
    /// Staff in an insertion pathway.
    pub insertion_staff: Option<i64>,
    /// Share of disabled workers, in percent.
    pub disabled_share: Option<f64>,
    /// Share of workers who are detainees, in percent.
    pub detainee_share: Option<f64>,
    /// Insertion hours the structure says it can perform in a year.
    pub insertion_hours_capacity: Option<u32>,
    /// Date of the ESUS agreement (`AAAA-MM-JJ`).
    pub esus_agreed_on: Option<String>,
    pub labels: Vec<LabelFact>,
    pub commune_insee: Option<String>,
    pub commune_name: Option<String>,
    /// (latitude, longitude).
    pub coordinates: Option<(f64, f64)>,
    /// CPV codes of what the structure does (its activities' sectors).
    pub cpv: Vec<Cpv>,
}

impl SupplierFacts {
    /// Share of staff in insertion, in percent, when both numbers are known.
    pub fn insertion_share(&self) -> Option<f64> {
        let (permanent, insertion) = (self.permanent_staff?, self.insertion_staff?);
        let total = permanent + insertion;
        (total > 0).then(|| insertion as f64 * 100.0 / total as f64)
    }

    pub fn has_kind(&self, test: impl Fn(StructureKind) -> bool) -> bool {
        self.kinds.iter().any(|k| test(*k))
    }

    /// The kinds, as people read them: `ESAT, ASSO`.
    pub fn kinds_text(&self) -> String {
        if self.kinds.is_empty() {
            return "type non déclaré".to_owned();
        }
        self.kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")
    }
}

/// The offer a check is about, when there is one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OfferFacts {
    pub title: String,
    pub cpv: Vec<Cpv>,
}

/// A document's review state.
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
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Pending,
    Accepted,
    Rejected,
}

impl Review {
    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "à examiner",
            Self::Accepted => "acceptée",
            Self::Rejected => "refusée",
        }
    }
}

/// A piece of evidence on file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceOnFile {
    pub kind: EvidenceKind,
    /// End of validity (`AAAA-MM-JJ`), when the document has one.
    pub valid_until: Option<String>,
    pub review: Review,
}

/// Which evidence the evaluation asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Evidence<'a> {
    /// Declared facts are taken at their word (the catalogue's "satisfies my profile" filter).
    Declared,
    /// Each criterion needing evidence needs a document on file, not rejected, still valid.
    OnFile(&'a [EvidenceOnFile]),
}

/// What the evidence says for a criterion that needs `kinds` (any one of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceState {
    NotNeeded,
    Present,
    Missing,
    Expired,
}

impl Evidence<'_> {
    pub fn state(&self, kinds: &[EvidenceKind], today: &str) -> EvidenceState {
        let Self::OnFile(documents) = self else {
            return EvidenceState::NotNeeded;
        };
        if kinds.is_empty() {
            return EvidenceState::NotNeeded;
        }
        let relevant: Vec<&EvidenceOnFile> = documents
            .iter()
            .filter(|d| kinds.contains(&d.kind) && d.review != Review::Rejected)
            .collect();
        if relevant.iter().any(|d| d.valid_until.as_deref().is_none_or(|until| today <= until)) {
            EvidenceState::Present
        } else if relevant.is_empty() {
            EvidenceState::Missing
        } else {
            EvidenceState::Expired
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{instant, iso_date};

    /// « Today » is the Paris day of the clock: a document valid until 30 November has expired
    /// at 00:30 on 1 December in Paris (23:30 UTC on the 30th).
    #[test]
    fn evidence_expires_at_midnight_in_paris() {
        let documents = [EvidenceOnFile {
            kind: EvidenceKind::Statutes,
            valid_until: Some("2026-11-30".into()),
            review: Review::Accepted,
        }];
        let state = |utc: &str| {
            Evidence::OnFile(&documents).state(&[EvidenceKind::Statutes], &iso_date(instant(utc)))
        };
        assert_eq!(state("2026-11-30T22:30:00Z"), EvidenceState::Present);
        assert_eq!(state("2026-11-30T23:30:00Z"), EvidenceState::Expired);
    }
}
