//! DECP's `lieuExecution` (DOMAIN.md §4): a code and the kind of code (`Code commune`,
//! `Code postal`, `Code département`…), and whether it lies in the Métropole.

use crate::domain::directory::communes;

use super::text::fold;

/// Where a public contract is carried out, as the ledger stores it
/// (`execution_place_kind`, `execution_place_code`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionPlace {
    /// commune, postcode, departement, arrondissement, canton, region or country.
    pub kind: &'static str,
    pub code: String,
}

/// DECP's `typeCode` values, folded, and the kind the ledger stores.
const KINDS: &[(&str, &str)] = &[
    ("code commune", "commune"),
    ("code postal", "postcode"),
    ("code departement", "departement"),
    ("code arrondissement", "arrondissement"),
    ("code canton", "canton"),
    ("code region", "region"),
    ("code pays", "country"),
];

impl ExecutionPlace {
    /// Reads `code` of kind `type_code`, with a French error.
    pub fn parse(code: &str, type_code: &str) -> Result<Self, String> {
        let folded = fold(type_code);
        let Some((_, kind)) = KINDS.iter().find(|(name, _)| *name == folded) else {
            return Err(format!(
                "Type de code inconnu : « {} ». Écrivez Code commune, Code postal, Code \
                 département, Code arrondissement, Code canton, Code région ou Code pays.",
                type_code.trim()
            ));
        };
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let five = code.len() == 5
            && (code.bytes().all(|b| b.is_ascii_digit())
                || ((code.starts_with("2A") || code.starts_with("2B"))
                    && code[2..].bytes().all(|b| b.is_ascii_digit())));
        let valid = match *kind {
            "commune" => five,
            "postcode" => code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()),
            _ => !code.is_empty() && code.len() <= 10,
        };
        if !valid {
            return Err(match *kind {
                "commune" => format!("« {code} » n'est pas un code commune INSEE (5 caractères)."),
                "postcode" => format!("« {code} » n'est pas un code postal (5 chiffres)."),
                _ => "Indiquez le code du lieu d'exécution.".to_owned(),
            });
        }
        Ok(Self { kind, code })
    }

    /// A commune of the Métropole (by its INSEE code), or one of their postcodes.
    pub fn in_metropole(&self) -> bool {
        match self.kind {
            "commune" => communes::find(&self.code).is_some(),
            "postcode" => {
                communes::communes().iter().any(|c| c.postcodes.contains(&self.code.as_str()))
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn communes_and_postcodes_of_the_metropole() {
        let grenoble = ExecutionPlace::parse("38185", "Code commune").expect("commune");
        assert_eq!((grenoble.kind, grenoble.in_metropole()), ("commune", true));
        let postcode = ExecutionPlace::parse("38400", "code postal").expect("postcode");
        assert_eq!((postcode.kind, postcode.in_metropole()), ("postcode", true));
        assert!(!ExecutionPlace::parse("75056", "Code commune").expect("Paris").in_metropole());
        assert!(!ExecutionPlace::parse("69001", "Code postal").expect("Lyon").in_metropole());
        let isere = ExecutionPlace::parse("38", "Code département").expect("département");
        assert_eq!((isere.kind, isere.in_metropole()), ("departement", false));
        assert!(ExecutionPlace::parse("2B002", "Code commune").is_ok());
    }

    #[test]
    fn unknown_kinds_and_bad_codes_are_refused_in_french() {
        assert!(ExecutionPlace::parse("38185", "Code GPS").expect_err("kind").contains("inconnu"));
        assert!(ExecutionPlace::parse("3818", "Code postal").expect_err("short").contains("5"));
        assert!(ExecutionPlace::parse("", "Code pays").is_err());
    }
}
