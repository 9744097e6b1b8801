//! SIREN and SIRET numbers (DOMAIN.md §5).

use serde::{Deserialize, Serialize};

/// La Poste's SIREN: its establishments' SIRETs do not pass the Luhn check; theirs is valid
/// when the sum of its digits is a multiple of 5.
const LA_POSTE_SIREN: &str = "356000000";

/// A company number: 9 digits passing the Luhn check.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siren(String);

/// An establishment number: the SIREN and a 5-digit NIC, 14 digits passing the Luhn check
/// (La Poste excepted).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

/// Digits of `input` once the spaces people type between groups are dropped.
fn digits(input: &str, len: usize, what: &str) -> Result<String, String> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(format!("Indiquez le numéro {what}."));
    }
    if compact.len() != len || !compact.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("Le numéro {what} compte exactement {len} chiffres."));
    }
    Ok(compact)
}

/// The Luhn check: double every second digit from the right; the sum is a multiple of 10.
/// `number` holds ASCII digits only.
pub fn passes_luhn(number: &str) -> bool {
    let sum: u32 = number
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl Siren {
    pub fn parse(input: &str) -> Result<Self, String> {
        let number = digits(input, 9, "SIREN")?;
        if passes_luhn(&number) {
            Ok(Self(number))
        } else {
            Err("Ce numéro SIREN n'existe pas : vérifiez les chiffres.".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Siret {
    pub fn parse(input: &str) -> Result<Self, String> {
        let number = digits(input, 14, "SIRET")?;
        let la_poste = number.starts_with(LA_POSTE_SIREN)
            && number.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
        if passes_luhn(&number) || la_poste {
            Ok(Self(number))
        } else {
            Err("Ce numéro SIRET n'existe pas : vérifiez les 14 chiffres.".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

macro_rules! string_conversions {
    ($t:ty) => {
        impl TryFrom<String> for $t {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.0
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
pub(crate) use string_conversions;

string_conversions!(Siren);
string_conversions!(Siret);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_passes_luhn_and_tolerates_spaces() {
        assert_eq!(Siret::parse("732 829 320 00074").expect("valid").as_str(), "73282932000074");
        assert_eq!(Siret::parse("44306184100047").expect("valid").siren(), "443061841");
    }

    #[test]
    fn siret_with_a_wrong_digit_is_refused_in_french() {
        let error = Siret::parse("73282932000075").expect_err("one digit off");
        assert!(error.contains("n'existe pas"), "{error}");
        assert!(Siret::parse("12345678901234").is_err(), "digit sum is a multiple of 5 only");
    }

    #[test]
    fn siret_has_exactly_fourteen_digits() {
        assert!(Siret::parse("7328293200007").expect_err("13").contains("14 chiffres"));
        assert!(Siret::parse("7328293200007A").is_err());
        assert!(Siret::parse("  ").expect_err("empty").contains("Indiquez"));
    }

    #[test]
    fn la_poste_sirets_follow_their_own_rule() {
        // Fails Luhn, digit sum 45: valid for La Poste only.
        assert!(Siret::parse("35600000049837").is_ok());
        // Passes Luhn but its digit sum is 26: still a valid SIRET by the general rule.
        assert!(Siret::parse("35600000000048").is_ok());
        // Neither rule.
        assert!(Siret::parse("35600000049838").is_err());
    }

    #[test]
    fn siren_passes_luhn() {
        assert!(Siren::parse("732829320").is_ok());
        assert!(Siren::parse("356000000").is_ok());
        assert!(Siren::parse("732829321").is_err());
        assert!(Siren::parse("73282932").is_err());
    }
}
