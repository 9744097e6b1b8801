//! The social considerations of a line, in the words files use (DOMAIN.md §4: DECP's
//! `considerationsSociales`, or a buyer's own « clause sociale », « marché réservé »…).

use crate::domain::{Code, needs::SocialConsideration};

use super::text::fold;

/// Every consideration a cell names, strongest first, without repeats: `[None]` when it names
/// none (an empty cell says none too).
pub fn parse_considerations(input: &str) -> Result<Vec<SocialConsideration>, String> {
    let mut found = Vec::new();
    let folded = fold(input);
    let parts = input.split([',', ';', '|', '/', '+', '\n']).map(fold);
    // « clause et critère sociaux »: split on « et » too, once the words are folded.
    let words: Vec<String> = if folded.contains(" et ") {
        parts.flat_map(|p| p.split(" et ").map(str::to_owned).collect::<Vec<_>>()).collect()
    } else {
        parts.collect()
    };
    for part in words.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let consideration = word(part).ok_or_else(|| {
            format!(
                "Considération sociale inconnue : « {} ». Écrivez clause sociale, critère \
                 social, marché réservé ou aucune.",
                input.trim()
            )
        })?;
        if !found.contains(&consideration) {
            found.push(consideration);
        }
    }
    if found.len() > 1 {
        found.retain(|c| *c != SocialConsideration::None);
    }
    if found.is_empty() {
        found.push(SocialConsideration::None);
    }
    found.sort_by_key(|c| strength(*c));
    Ok(found)
}

fn word(part: &str) -> Option<SocialConsideration> {
    use SocialConsideration::*;
    let starts = |prefixes: &[&str]| {
        prefixes.iter().any(|p| part == *p || part.starts_with(&format!("{p} ")))
    };
    if starts(&[
        "pas de consideration",
        "aucune",
        "aucun",
        "non",
        "sans",
        "neant",
        "none",
        "nc",
        "pas de clause",
    ]) || part == "0"
    {
        Some(None)
    } else if starts(&[
        "marche reserve",
        "marches reserves",
        "concession reservee",
        "reserve",
        "reservee",
        "reserved",
        "l2113 12",
        "l2113 13",
        "l2113 15",
    ]) {
        Some(Reserved)
    } else if starts(&["critere", "criteres", "criterion", "r2152 7"]) {
        Some(Criterion)
    } else if starts(&["clause", "clauses", "insertion", "l2112 2"]) {
        Some(Clause)
    } else {
        SocialConsideration::from_code(part)
    }
}

/// Strongest first: a reserved contract, then an execution clause, then an award criterion.
fn strength(c: SocialConsideration) -> u8 {
    match c {
        SocialConsideration::Reserved => 0,
        SocialConsideration::Clause => 1,
        SocialConsideration::Criterion => 2,
        SocialConsideration::None => 3,
    }
}

/// The codes, space-separated, as the ledger's `social_considerations` stores them.
pub fn codes(considerations: &[SocialConsideration]) -> String {
    considerations.iter().map(|c| c.code()).collect::<Vec<_>>().join(" ")
}

/// The labels, for a page.
pub fn labels(considerations: &[SocialConsideration]) -> String {
    considerations.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use SocialConsideration::*;

    #[test]
    fn the_words_of_files_and_of_decp() {
        let cases: &[(&str, &[SocialConsideration])] = &[
            ("Clause sociale", &[Clause]),
            ("critère social", &[Criterion]),
            ("Marché réservé", &[Reserved]),
            ("Concession réservée", &[Reserved]),
            ("Pas de considération sociale", &[None]),
            ("aucune", &[None]),
            ("", &[None]),
            ("Clause sociale, Critère social", &[Clause, Criterion]),
            ("Critère social; Marché réservé", &[Reserved, Criterion]),
            ("clause et critère", &[Clause, Criterion]),
            ("Clause sociale|Pas de considération sociale", &[Clause]),
            ("clause d'insertion", &[Clause]),
            ("MARCHE RESERVE SIAE", &[Reserved]),
            ("criterion", &[Criterion]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_considerations(text).as_deref(), Ok(*expected), "{text}");
        }
        assert_eq!(codes(&[Reserved, Criterion]), "reserved criterion");
    }

    #[test]
    fn unknown_words_are_refused_in_french() {
        let error = parse_considerations("peut-être").expect_err("unknown");
        assert!(error.contains("clause sociale, critère social"), "{error}");
        assert!(parse_considerations("oui").is_err(), "« oui » does not say which");
    }
}
