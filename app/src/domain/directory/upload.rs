//! Files a structure puts on Ecossol: its logo, photos of its offers, and evidence documents
//! (ESUS agreement, labels), checked by the rules of [`crate::domain::files`].

use serde::{Deserialize, Serialize};

use crate::domain::files::{FileRule, MB};

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
pub enum Purpose {
    Logo,
    Photo,
    EsusEvidence,
    LabelEvidence,
}

/// Logos and photos: images only, 2 Mo at most.
pub const IMAGES: FileRule = FileRule {
    max_bytes: 2 * MB,
    types: &["image/png", "image/jpeg", "image/webp"],
    wrong_type: "Formats acceptés : PNG, JPEG ou WebP.",
};

/// Evidence documents (a structure's agreement and labels, a check's pieces): 5 Mo at most.
pub const EVIDENCE: FileRule = FileRule {
    max_bytes: 5 * MB,
    types: &["application/pdf", "image/png", "image/jpeg"],
    wrong_type: "Formats acceptés : PDF, PNG ou JPEG.",
};

/// Photos an offer may carry.
pub const MAX_PHOTOS_PER_OFFER: i64 = 6;

impl Purpose {
    /// Logos and photos are shown on public pages; evidence only to the structure's editors
    /// and the pôle.
    pub fn is_public(self) -> bool {
        matches!(self, Self::Logo | Self::Photo)
    }

    pub fn rule(self) -> FileRule {
        if self.is_public() { IMAGES } else { EVIDENCE }
    }

    pub fn max_bytes(self) -> usize {
        self.rule().max_bytes
    }

    /// The file's content type if it may serve this purpose, or why not, in French.
    pub fn check(self, bytes: &[u8]) -> Result<&'static str, String> {
        self.rule().check(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(Purpose::Logo.check(PNG), Ok("image/png"));
        assert_eq!(Purpose::EsusEvidence.check(b"%PDF-1.7 ..."), Ok("application/pdf"));
        assert!(Purpose::Logo.check(b"%PDF-1.7").expect_err("pdf logo").contains("PNG"));
        assert!(Purpose::Photo.check(b"<svg onload=alert(1)>").is_err());
        assert!(Purpose::Photo.check(b"").expect_err("empty").contains("Choisissez"));
    }

    #[test]
    fn sizes_are_bounded() {
        let mut big = PNG.to_vec();
        big.resize(2 * 1024 * 1024 + 1, 0);
        assert!(Purpose::Photo.check(&big).expect_err("too big").contains("2 Mo"));
        assert!(Purpose::LabelEvidence.check(&big).is_ok());
    }
}
