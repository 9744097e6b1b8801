//! Public codes a structure or an offer carries (DOMAIN.md §5): NAF, RNA, INSEE commune,
//! postcode, CPV.

use serde::{Deserialize, Serialize};

use super::siret::string_conversions;

/// A NAF rév. 2 activity code, `NN.NNL` (88.10A). Typed without the dot or in lower case, it
/// is put in shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Naf(String);

/// An association's number in the national register: `W` and 9 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rna(String);

/// An INSEE commune code: 5 characters, digits except Corsica's 2A/2B.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InseeCode(String);

/// A French postcode: 5 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postcode(String);

/// A CPV code: 8 digits and a check digit, written `45000000-7`. The check digit is kept as
/// given (its algorithm is not part of the published vocabulary); the 8 digits carry the
/// hierarchy, by trailing zeros.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cpv(String);

impl Naf {
    pub fn parse(input: &str) -> Result<Self, String> {
        let compact: String =
            input.chars().filter(|c| !c.is_whitespace() && *c != '.').collect::<String>();
        let compact = compact.to_ascii_uppercase();
        let bytes = compact.as_bytes();
        if bytes.len() == 5
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4].is_ascii_uppercase()
        {
            Ok(Self(format!("{}.{}", &compact[..2], &compact[2..])))
        } else {
            Err("Le code NAF s'écrit comme 88.10A : quatre chiffres et une lettre.".into())
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Rna {
    pub fn parse(input: &str) -> Result<Self, String> {
        let compact = input.trim().to_ascii_uppercase();
        let bytes = compact.as_bytes();
        if bytes.len() == 10 && bytes[0] == b'W' && bytes[1..].iter().all(u8::is_ascii_digit) {
            Ok(Self(compact))
        } else {
            Err("Le numéro RNA s'écrit W suivi de 9 chiffres (W381000123).".into())
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl InseeCode {
    pub fn parse(input: &str) -> Result<Self, String> {
        let code = input.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        let corsica = bytes.len() == 5 && (code.starts_with("2A") || code.starts_with("2B"));
        let ok = bytes.len() == 5
            && (bytes.iter().all(u8::is_ascii_digit)
                || (corsica && bytes[2..].iter().all(u8::is_ascii_digit)));
        if ok {
            Ok(Self(code))
        } else {
            Err("Le code INSEE de la commune compte 5 caractères (38185 pour Grenoble).".into())
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The département: the first two characters (three overseas).
    pub fn departement(&self) -> &str {
        if self.0.starts_with("97") { &self.0[..3] } else { &self.0[..2] }
    }
}

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, String> {
        let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(code))
        } else {
            Err("Le code postal compte 5 chiffres.".into())
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Cpv {
    pub fn parse(input: &str) -> Result<Self, String> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let (main, check) = match compact.split_once('-') {
            Some((main, check)) => (main, Some(check)),
            None => (compact.as_str(), None),
        };
        let main_ok = main.len() == 8 && main.bytes().all(|b| b.is_ascii_digit());
        let check_ok = check.is_none_or(|c| c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit()));
        if main_ok && check_ok {
            Ok(Self(match check {
                Some(check) => format!("{main}-{check}"),
                None => main.to_owned(),
            }))
        } else {
            Err("Le code CPV compte 8 chiffres, suivis ou non d'un tiret et d'un chiffre de contrôle (45000000-7).".into())
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The 8 digits that carry the hierarchy.
    pub fn digits(&self) -> &str {
        &self.0[..8]
    }
    /// The division: the first two digits (`45` for construction work).
    pub fn division(&self) -> &str {
        &self.0[..2]
    }
    /// Whether this code is `other` or falls under it (by trailing zeros).
    pub fn falls_under(&self, other: &Cpv) -> bool {
        let prefix = other.digits().trim_end_matches('0');
        self.digits().starts_with(prefix)
    }
}

string_conversions!(Naf);
string_conversions!(Rna);
string_conversions!(InseeCode);
string_conversions!(Postcode);
string_conversions!(Cpv);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naf_is_put_in_shape() {
        assert_eq!(Naf::parse("88.10A").expect("ok").as_str(), "88.10A");
        assert_eq!(Naf::parse("8810a").expect("ok").as_str(), "88.10A");
        assert!(Naf::parse("88.10").is_err());
        assert!(Naf::parse("8A.10A").is_err());
    }

    #[test]
    fn rna_is_w_and_nine_digits() {
        assert_eq!(Rna::parse(" w381000123 ").expect("ok").as_str(), "W381000123");
        assert!(Rna::parse("W38100012").is_err());
        assert!(Rna::parse("X381000123").is_err());
    }

    #[test]
    fn insee_codes_and_postcodes() {
        assert_eq!(InseeCode::parse("38185").expect("ok").departement(), "38");
        assert_eq!(InseeCode::parse("2a004").expect("ok").as_str(), "2A004");
        assert_eq!(InseeCode::parse("97411").expect("ok").departement(), "974");
        assert!(InseeCode::parse("3818").is_err());
        assert!(InseeCode::parse("3818X").is_err());
        assert_eq!(Postcode::parse("38 000").expect("ok").as_str(), "38000");
        assert!(Postcode::parse("3800").is_err());
    }

    #[test]
    fn cpv_codes_and_their_hierarchy() {
        let works = Cpv::parse("45000000-7").expect("ok");
        let roofing = Cpv::parse("45261000").expect("ok");
        assert_eq!(works.division(), "45");
        assert!(roofing.falls_under(&works));
        assert!(!works.falls_under(&roofing));
        assert!(!Cpv::parse("77310000").expect("ok").falls_under(&works));
        assert!(Cpv::parse("4500000").is_err());
        assert!(Cpv::parse("45000000-77").is_err());
    }
}
