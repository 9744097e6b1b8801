//! Files people send (logos, photos, evidence, needs' and quotes' attachments): their type is
//! read from their first bytes, never trusted from the browser; their size is bounded; their
//! name is cleaned before it is shown or put in a header.

/// A mebibyte, the unit of the French « Mo » the limits are told in.
pub const MB: usize = 1024 * 1024;

/// What one kind of file accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRule {
    pub max_bytes: usize,
    /// The content types accepted, as [`sniff`] names them.
    pub types: &'static [&'static str],
    /// Why another type is refused, in French.
    pub wrong_type: &'static str,
}

impl FileRule {
    /// The file's content type if this rule accepts it, or why not, in French.
    pub fn check(&self, bytes: &[u8]) -> Result<&'static str, String> {
        if bytes.is_empty() {
            return Err("Choisissez un fichier.".into());
        }
        if bytes.len() > self.max_bytes {
            return Err(format!("Le fichier dépasse {} Mo.", self.max_mb()));
        }
        match sniff(bytes) {
            Some(kind) if self.types.contains(&kind) => Ok(kind),
            _ => Err(self.wrong_type.into()),
        }
    }

    /// The largest size, in whole Mo.
    pub fn max_mb(&self) -> usize {
        self.max_bytes / MB
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

/// A size as people read it: « 12 Ko », « 2,4 Mo ».
pub fn size_label(bytes: i64) -> String {
    let kb = (bytes.max(0) + 1023) / 1024;
    if kb < 1024 {
        format!("{kb} Ko")
    } else {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} Mo", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF_ONLY: FileRule =
        FileRule { max_bytes: 64, types: &["application/pdf"], wrong_type: "PDF seulement." };

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(PDF_ONLY.check(b"%PDF-1.7"), Ok("application/pdf"));
        assert_eq!(PDF_ONLY.check(b"\x89PNG\r\n\x1a\n").expect_err("png"), "PDF seulement.");
        assert_eq!(PDF_ONLY.check(b"<html>%PDF-").expect_err("html"), "PDF seulement.");
        assert!(PDF_ONLY.check(b"").expect_err("empty").contains("Choisissez"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Some("image/jpeg"));
    }

    #[test]
    fn sizes_are_bounded_and_told() {
        let rule = FileRule { max_bytes: 2 * MB, ..PDF_ONLY };
        let mut big = b"%PDF-1.4".to_vec();
        big.resize(2 * MB, 0);
        assert!(rule.check(&big).is_ok(), "the limit itself is accepted");
        big.push(0);
        assert_eq!(rule.check(&big).expect_err("too big"), "Le fichier dépasse 2 Mo.");
        assert_eq!(size_label(1), "1 Ko");
        assert_eq!(size_label(1_000_000), "977 Ko");
        assert_eq!(size_label(2_516_582), "2,4 Mo");
        assert_eq!(size_label(10 * 1024 * 1024), "10,0 Mo");
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(clean_file_name("C:\\Users\\x\\agrément \"ESUS\".pdf"), "agrément ESUS.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("<script>;\n"), "script");
        assert_eq!(clean_file_name(""), "document");
    }
}
