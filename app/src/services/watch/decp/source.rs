//! A DECP file as it is read: its bytes hashed on the way (the import records the SHA-256),
//! its format told from its first character, never from its name.

use std::io::{BufRead, BufReader, Read};

use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Xml => "xml",
        }
    }
}

/// Counts and hashes the bytes read through it.
pub struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Hashing<R> {
    pub fn new(inner: R) -> Self {
        Self { inner, hasher: Sha256::new(), bytes: 0 }
    }

    /// The SHA-256 (hex) and size of what was read.
    pub fn finish(self) -> (String, u64) {
        let hash = self.hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        (hash, self.bytes)
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(out)?;
        self.hasher.update(&out[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

pub const ENCODING: &str = "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8 (c'est \
    l'encodage des DECP), puis envoyez-le à nouveau.";

/// Skips a UTF-8 byte order mark and the leading blanks, and tells JSON from XML.
pub fn sniff<R: Read>(reader: &mut BufReader<R>) -> Result<Format, String> {
    let unreadable = |e: std::io::Error| format!("Le fichier n'a pas pu être lu : {e}.");
    let head = reader.fill_buf().map_err(unreadable)?;
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(ENCODING.into());
    }
    loop {
        let head = reader.fill_buf().map_err(unreadable)?;
        let Some(&first) = head.first() else {
            return Err("Le fichier est vide.".into());
        };
        match first {
            b' ' | b'\t' | b'\r' | b'\n' => reader.consume(1),
            b'{' | b'[' => return Ok(Format::Json),
            b'<' => return Ok(Format::Xml),
            _ => {
                return Err("Ce fichier n'est ni du JSON ni du XML : envoyez les données \
                            essentielles au format DECP (JSON ou XML)."
                    .into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_of(bytes: &[u8]) -> Result<Format, String> {
        sniff(&mut BufReader::new(bytes))
    }

    #[test]
    fn formats_come_from_the_first_character() {
        assert_eq!(format_of(b"\xEF\xBB\xBF\n  {\"marches\": {}}"), Ok(Format::Json));
        assert_eq!(format_of(b"[]"), Ok(Format::Json));
        assert_eq!(format_of(b"<?xml version=\"1.0\"?><marches/>"), Ok(Format::Xml));
        assert!(format_of(b"id;montant\n").expect_err("csv").contains("ni du JSON ni du XML"));
        assert!(format_of(b"  ").expect_err("empty").contains("vide"));
        assert!(format_of(b"\xFF\xFE{\0").expect_err("utf-16").contains("UTF-8"));
    }

    #[test]
    fn the_hash_covers_every_byte_read() {
        let mut hashing = Hashing::new(&b"abc"[..]);
        let mut text = String::new();
        hashing.read_to_string(&mut text).expect("read");
        let (hash, size) = hashing.finish();
        assert_eq!(size, 3);
        assert!(hash.starts_with("ba7816bf"), "{hash}");
    }
}
