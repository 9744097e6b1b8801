//! The facts heading each page of the guide, between two `---` lines:
//!
//! ```text
//! ---
//! title: Marché réservé aux structures d'insertion
//! summary: …
//! audience: public | entreprise | tous
//! basis: L2113-13 du Code de la commande publique
//! criteria: reserve-insertion
//! templates: reserve-insertion
//! search: /recherche?cible=structures&type=EI
//! checked: 2026-12-04
//! ---
//! ```
//!
//! Read by hand rather than with a YAML crate: the block is eight flat `key: value` lines,
//! and a YAML parser would accept far more (nesting, anchors, types) than a reviewer of the
//! guide's text should have to think about. Every key is required, none may repeat, and an
//! unknown key is an error, so that a typo in a commit fails the tests instead of hiding a
//! line.

use serde::{Deserialize, Serialize};

use crate::domain::calendar::Day;

/// Who a page speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// Public buyers (the Code de la commande publique).
    Public,
    /// Companies.
    Company,
    Everyone,
}

impl Audience {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "public" => Some(Self::Public),
            "entreprise" => Some(Self::Company),
            "tous" => Some(Self::Everyone),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Public => "Acheteurs publics",
            Self::Company => "Entreprises",
            Self::Everyone => "Tous les acheteurs",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    /// The legal basis, as cited.
    pub basis: String,
    /// Codes of the référentiel's criteria the page corresponds to.
    pub criteria: Vec<String>,
    /// Codes of the profile templates that use the lever.
    pub templates: Vec<String>,
    /// The search of the structures that can answer, as an address of the application.
    pub search: Option<String>,
    /// The day the text was last checked against the law, `AAAA-MM-JJ`.
    pub checked: String,
}

const KEYS: [&str; 8] =
    ["title", "summary", "audience", "basis", "criteria", "templates", "search", "checked"];

/// Splits a page into its facts and its Markdown body.
pub fn parse(text: &str) -> Result<(FrontMatter, &str), String> {
    let rest = text.strip_prefix("---\n").ok_or("the page must start with a `---` line")?;
    let (block, body) = rest.split_once("\n---\n").ok_or("the facts must end with a `---` line")?;
    let mut values: Vec<(&str, &str)> = Vec::new();
    for line in block.lines() {
        let (key, value) =
            line.split_once(':').ok_or_else(|| format!("not `key: value`: {line}"))?;
        let key = key.trim();
        if !KEYS.contains(&key) {
            return Err(format!("unknown key `{key}`"));
        }
        if values.iter().any(|(k, _)| *k == key) {
            return Err(format!("key `{key}` given twice"));
        }
        values.push((key, value.trim()));
    }
    let get = |key: &str| values.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let required = |key: &str| match get(key) {
        Some(value) if !value.is_empty() => Ok(value.to_owned()),
        _ => Err(format!("key `{key}` is missing or empty")),
    };
    let list = |key: &str| -> Result<Vec<String>, String> {
        let value = get(key).ok_or_else(|| format!("key `{key}` is missing"))?;
        Ok(value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect())
    };
    let audience = required("audience")?;
    let checked = required("checked")?;
    let search = get("search").ok_or("key `search` is missing")?;
    let meta = FrontMatter {
        title: required("title")?,
        summary: required("summary")?,
        audience: Audience::parse(&audience)
            .ok_or_else(|| format!("audience `{audience}`: public, entreprise or tous"))?,
        basis: required("basis")?,
        criteria: list("criteria")?,
        templates: list("templates")?,
        search: (!search.is_empty()).then(|| search.to_owned()),
        checked: Day::parse(&checked)
            .map(Day::iso)
            .ok_or_else(|| format!("checked `{checked}` is not a date AAAA-MM-JJ"))?,
    };
    if meta.search.as_deref().is_some_and(|s| !s.starts_with("/recherche")) {
        return Err("search must be an address of the search page (/recherche…)".to_owned());
    }
    Ok((meta, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: Un titre\nsummary: Une phrase.\naudience: public\n\
                        basis: L2113-13\ncriteria: reserve-insertion, agrement-esus\n\
                        templates:\nsearch: /recherche?type=EI\nchecked: 2026-12-04\n---\n# Corps\n";

    #[test]
    fn the_facts_and_the_body_are_split() {
        let (meta, body) = parse(PAGE).expect("valid");
        assert_eq!(meta.title, "Un titre");
        assert_eq!(meta.audience, Audience::Public);
        assert_eq!(meta.criteria, ["reserve-insertion", "agrement-esus"]);
        assert!(meta.templates.is_empty());
        assert_eq!(meta.search.as_deref(), Some("/recherche?type=EI"));
        assert_eq!(meta.checked, "2026-12-04");
        assert_eq!(body, "# Corps\n");
    }

    #[test]
    fn a_typo_in_the_facts_is_an_error() {
        let broken = [
            PAGE.replace("title:", "titel:"),
            PAGE.replace("audience: public", "audience: elus"),
            PAGE.replace("2026-12-04", "4 décembre 2026"),
            PAGE.replace("summary: Une phrase.\n", ""),
            PAGE.replace("search: /recherche?type=EI", "search: https://ailleurs.fr"),
            PAGE.replace("checked: 2026-12-04\n", "checked: 2026-12-04\nchecked: 2026-12-05\n"),
            PAGE.replacen("---\n", "", 1),
        ];
        for page in &broken {
            assert!(parse(page).is_err(), "{page}");
        }
    }
}
