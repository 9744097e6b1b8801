//! The buyers' guide (`/guide`): its pages as the server sends them, and the two
//! calculators' rules, which run on the server for a plain page and in the browser once
//! hydrated.

pub mod front_matter;
pub mod insertion_form;
pub mod oeth;
pub mod trades;

use serde::{Deserialize, Serialize};

pub use front_matter::{Audience, FrontMatter};

/// A page of the guide as listed on its home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub basis: String,
}

/// One page of the guide: its facts, its text rendered to HTML on the server, and the live
/// count of the structures its pre-filtered search finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidePage {
    pub slug: String,
    pub meta: FrontMatter,
    /// The Markdown text rendered on the server (the repository's files: trusted text, and
    /// raw HTML in it is written out as text).
    pub html: String,
    /// The criteria named by `meta.criteria`, as (code, name).
    pub criteria: Vec<(String, String)>,
    /// The profile templates named by `meta.templates`, as (code, name).
    pub templates: Vec<(String, String)>,
    /// Structures the pre-filtered search finds now; `None` when the page has no search or
    /// the search engine did not answer.
    pub count: Option<u64>,
    /// The date the text was last checked against the law, in French (« 04/12/2026 »).
    pub checked_text: String,
}

/// The accessibility statement, written like the guide's pages and served at
/// `/accessibilite`.
pub const STATEMENT: &str = "declaration-accessibilite";

/// The calculators' pages, each explained by the guide page of the same slug.
pub const INSERTION_CALCULATOR: &str = "heures-insertion";
pub const OETH_CALCULATOR: &str = "deduction-oeth";
