//! Files a structure puts on Ecossol: its logo, photos of its offers, and evidence documents
//! (ESUS agreement, labels). Their type is read from their first bytes, never trusted from
//! the browser.

use serde::{Deserialize, Serialize};

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

const IMAGES: &[&str] = &["image/png", "image/jpeg", "image/webp"];
const EVIDENCE: &[&str] = &["application/pdf", "image/png", "image/jpeg"];

/// Photos an offer may carry.
pub const MAX_PHOTOS_PER_OFFER: i64 = 6;

impl Purpose {
    /// Logos and photos are shown on public pages; evidence only to the structure's editors
    /// and the pôle.
    pub fn is_public(self) -> bool {
        matches!(self, Self::Logo | Self::Photo)
    }

    pub fn max_bytes(self) -> usize {
        match self {
            Self::Logo | Self::Photo => 2 * 1024 * 1024,
            Self::EsusEvidence | Self::LabelEvidence => 5 * 1024 * 1024,
        }
    }

    fn allowed(self) -> &'static [&'static str] {
        if self.is_public() { IMAGES } else { EVIDENCE }
    }

    /// The file's content type if it may serve this purpose, or why not, in French.
    pub fn check(self, bytes: &[u8]) -> Result<&'static str, String> {
        if bytes.is_empty() {
            return Err("Choisissez un fichier.".into());
        }
        if bytes.len() > self.max_bytes() {
            return Err(format!("Le fichier dépasse {} Mo.", self.max_bytes() / (1024 * 1024)));
        }
        match sniff(bytes) {
            Some(kind) if self.allowed().contains(&kind) => Ok(kind),
            _ if self.is_public() => Err("Formats acceptés : PNG, JPEG ou WebP.".into()),
            _ => Err("Formats acceptés : PDF, PNG ou JPEG.".into()),
        }
    }
}

/// The content type told by the file's first bytes.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// A file name safe to show and to put in a header: its last path segment, printable
/// characters only, at most 100 characters.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ';'))
        .take(100)
        .collect();
    if cleaned.trim().is_empty() { "document".into() } else { cleaned.trim().to_owned() }
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
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
    }

    #[test]
    fn sizes_are_bounded() {
        let mut big = PNG.to_vec();
        big.resize(2 * 1024 * 1024 + 1, 0);
        assert!(Purpose::Photo.check(&big).expect_err("too big").contains("2 Mo"));
        assert!(Purpose::LabelEvidence.check(&big).is_ok());
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(clean_file_name("C:\\Users\\x\\agrément \"ESUS\".pdf"), "agrément ESUS.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name(""), "document");
    }
}
