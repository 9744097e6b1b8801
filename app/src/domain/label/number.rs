//! Label numbers: `HQS-2026-0042`, the year of the first grant and a sequence within it. A
//! renewal keeps its number, so that a number identifies one structure's label over time.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LabelNumber(String);

impl LabelNumber {
    pub fn new(year: i64, sequence: u32) -> Self {
        Self(format!("HQS-{year:04}-{sequence:04}"))
    }

    /// Reads a number as people type it: spaces around, lower case, no dashes or spaces
    /// instead of dashes (`hqs 2026 42`).
    pub fn parse(text: &str) -> Option<Self> {
        let upper = text.trim().to_uppercase();
        let rest = upper.strip_prefix("HQS")?;
        let mut parts =
            rest.split(|c: char| c == '-' || c.is_whitespace()).filter(|p| !p.is_empty());
        let (year, sequence) = (parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if sequence.is_empty()
            || sequence.len() > 6
            || !sequence.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        Some(Self::new(year.parse().ok()?, sequence.parse().ok()?))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The year part, for numbering the next label of a year.
    pub fn year(&self) -> Option<i64> {
        self.0.get(4..8)?.parse().ok()
    }

    pub fn sequence(&self) -> Option<u32> {
        self.0.get(9..)?.parse().ok()
    }
}

impl fmt::Display for LabelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_once_and_read_leniently() {
        let number = LabelNumber::new(2026, 42);
        assert_eq!(number.as_str(), "HQS-2026-0042");
        assert_eq!((number.year(), number.sequence()), (Some(2026), Some(42)));
        for typed in ["HQS-2026-0042", " hqs-2026-0042 ", "hqs 2026 42", "HQS2026-42"] {
            assert_eq!(LabelNumber::parse(typed), Some(number.clone()), "{typed}");
        }
        for bad in ["", "HQS", "HQS-26-0042", "ABC-2026-0042", "HQS-2026-", "HQS-2026-00x2"] {
            assert_eq!(LabelNumber::parse(bad), None, "{bad}");
        }
        assert_eq!(LabelNumber::new(2027, 12345).as_str(), "HQS-2027-12345");
    }
}
