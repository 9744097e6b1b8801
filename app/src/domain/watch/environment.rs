//! DECP's `considerationsEnvironnementales`: clause, criterion or none, as the ledger's
//! `environmental_considerations` stores them.

use super::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvironmentalConsideration {
    /// « Clause environnementale ».
    Clause,
    /// « Critère environnemental ».
    Criterion,
    /// « Pas de considération environnementale ».
    None,
}

impl EnvironmentalConsideration {
    pub fn parse(input: &str) -> Result<Self, String> {
        let folded = fold(input);
        let starts = |prefix: &str| folded == prefix || folded.starts_with(&format!("{prefix} "));
        if folded.is_empty() || starts("pas de consideration") || starts("aucune") {
            Ok(Self::None)
        } else if starts("clause") {
            Ok(Self::Clause)
        } else if starts("critere") {
            Ok(Self::Criterion)
        } else {
            Err(format!(
                "Considération environnementale inconnue : « {} ». Écrivez Clause \
                 environnementale, Critère environnemental ou Pas de considération \
                 environnementale.",
                input.trim()
            ))
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Clause => "clause",
            Self::Criterion => "criterion",
            Self::None => "none",
        }
    }
}

/// The codes of a contract's considerations, space-separated, without repeats; `none` only
/// when nothing else is said.
pub fn environmental_codes(found: &[EnvironmentalConsideration]) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for c in [EnvironmentalConsideration::Clause, EnvironmentalConsideration::Criterion] {
        if found.contains(&c) {
            codes.push(c.code());
        }
    }
    if codes.is_empty() {
        codes.push(EnvironmentalConsideration::None.code());
    }
    codes.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{EnvironmentalConsideration::*, *};

    #[test]
    fn the_words_of_decp() {
        assert_eq!(EnvironmentalConsideration::parse("Clause environnementale"), Ok(Clause));
        assert_eq!(EnvironmentalConsideration::parse("Critère environnemental"), Ok(Criterion));
        assert_eq!(
            EnvironmentalConsideration::parse("Pas de considération environnementale"),
            Ok(None)
        );
        assert!(
            EnvironmentalConsideration::parse("vert").expect_err("unknown").contains("inconnue")
        );
        assert_eq!(environmental_codes(&[Criterion, None, Clause]), "clause criterion");
        assert_eq!(environmental_codes(&[]), "none");
    }
}
