//! "Haute Qualité Solidaire": the référentiel of social criteria, buyers' requirement
//! profiles, their evaluation against suppliers and offers, and harmonisation. Pure: the
//! same code runs on the server and in the browser.

pub mod check;
pub mod criteria;
pub mod declared;
pub mod evaluate;
pub mod facts;
pub mod harmonise;
pub mod insertion_hours;
pub mod profile;
pub mod profile_form;
pub mod referential;
pub mod rules;
pub mod templates;
pub mod threshold;
pub mod views;

#[cfg(test)]
mod legal_cases;

pub use criteria::{CriterionCode, Definition, EvidenceKind, LIBRARY};
pub use evaluate::{CriterionResult, Evaluation, Overall, evaluate, satisfies};
pub use facts::{Evidence, EvidenceOnFile, LabelFact, OfferFacts, Review, SupplierFacts};
pub use insertion_hours::{Clause, insertion_hours};
pub use profile::{ProfileItem, Requirement, Requirements, Scope};
pub use profile_form::{ProfileDraft, RequirementForm};
pub use referential::Referential;
pub use rules::Verdict;
pub use templates::{TEMPLATES, Template};
pub use threshold::{Strictness, Threshold};
