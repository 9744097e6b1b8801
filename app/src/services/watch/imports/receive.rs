//! A file as its pieces arrive, whatever their sizes: cut into chunks of [`CHUNK`] bytes to
//! store, hashed (SHA-256), its format told from its first bytes, its encoding from all of
//! them, its lines counted, each bound checked as soon as it is passed. Holds one chunk at
//! most; stores nothing itself.

use sha2::{Digest, Sha256};

use crate::{
    domain::watch::ImportBounds,
    services::watch::files::{Format, TextEncoding, utf8::Utf8Check},
};

/// The bytes of a stored chunk.
pub const CHUNK: usize = 1024 * 1024;
/// The bytes the format is told from.
const SNIFF: usize = 8 * 1024;

pub struct Receipt {
    bounds: ImportBounds,
    format: Option<Format>,
    buffer: Vec<u8>,
    hash: Sha256,
    utf8: Utf8Check,
    size: u64,
    line_ends: u64,
    last_byte: Option<u8>,
}

/// What the whole file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub format: Format,
    /// For a CSV.
    pub encoding: Option<TextEncoding>,
    pub size: u64,
    /// SHA-256 of the bytes, hex.
    pub content_hash: String,
}

impl Receipt {
    pub fn new(bounds: ImportBounds) -> Self {
        Self {
            bounds,
            format: None,
            buffer: Vec::with_capacity(CHUNK),
            hash: Sha256::new(),
            utf8: Utf8Check::default(),
            size: 0,
            line_ends: 0,
            last_byte: None,
        }
    }

    /// The format, once told.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// Takes a piece in; refuses the file (French) as soon as it cannot be kept.
    pub fn piece(&mut self, bytes: &[u8]) -> Result<(), String> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.hash.update(bytes);
        self.utf8.piece(bytes);
        self.size += bytes.len() as u64;
        self.line_ends += bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        self.last_byte = bytes.last().copied();
        self.buffer.extend_from_slice(bytes);
        if self.format.is_none() && self.buffer.len() >= SNIFF {
            self.format = Some(Format::sniff(&self.buffer)?);
        }
        self.within_bounds()
    }

    fn within_bounds(&self) -> Result<(), String> {
        match self.format {
            Some(Format::Csv) => {
                self.bounds.csv_size(self.size)?;
                // More line ends than lines allowed (with the header's): over already.
                self.bounds.lines(self.line_ends.saturating_sub(1))
            }
            Some(Format::Xlsx) => self.bounds.xlsx_size(self.size),
            None => Ok(()),
        }
    }

    /// A chunk to store, once one is full (the format is told by then).
    pub fn full_chunk(&mut self) -> Option<Vec<u8>> {
        if self.buffer.len() < CHUNK {
            return None;
        }
        let rest = self.buffer.split_off(CHUNK);
        let chunk = std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK));
        self.buffer.extend_from_slice(&rest);
        Some(chunk)
    }

    /// The file is whole: its last chunk (empty when the pieces filled the chunks exactly)
    /// and what it is, or why it is refused.
    pub fn finish(mut self) -> Result<(Vec<u8>, Received), String> {
        if self.size == 0 {
            return Err("Choisissez le fichier de vos achats (CSV ou XLSX).".into());
        }
        let format = match self.format {
            Some(format) => format,
            None => Format::sniff(&self.buffer)?,
        };
        self.format = Some(format);
        self.within_bounds()?;
        if format == Format::Csv {
            let lines = self.line_ends + u64::from(self.last_byte != Some(b'\n'));
            self.bounds.lines(lines.saturating_sub(1))?;
        }
        let encoding = (format == Format::Csv).then(|| {
            if self.utf8.is_utf8() { TextEncoding::Utf8 } else { TextEncoding::Windows1252 }
        });
        let content_hash = self.hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let received = Received { format, encoding, size: self.size, content_hash };
        Ok((self.buffer, received))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunks of `bytes` sent in pieces of `piece` bytes, and what the file was.
    fn receive(
        bytes: &[u8],
        piece: usize,
        bounds: ImportBounds,
    ) -> Result<(Vec<Vec<u8>>, Received), String> {
        let mut receipt = Receipt::new(bounds);
        let mut chunks = Vec::new();
        for piece in bytes.chunks(piece) {
            receipt.piece(piece)?;
            chunks.extend(receipt.full_chunk());
        }
        let (last, received) = receipt.finish()?;
        chunks.push(last);
        Ok((chunks, received))
    }

    #[test]
    fn pieces_become_chunks_of_the_same_bytes() {
        let line = "Régie de quartier;1 250,50;2025\n".as_bytes();
        let bytes: Vec<u8> = line.iter().copied().cycle().take(CHUNK * 2 + 1000).collect();
        for piece in [1000, 7919, CHUNK + 3] {
            let (chunks, received) = receive(&bytes, piece, ImportBounds::default()).expect("kept");
            assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [CHUNK, CHUNK, 1000]);
            assert_eq!(chunks.concat(), bytes);
            assert_eq!(received.format, Format::Csv);
            assert_eq!(received.encoding, Some(TextEncoding::Utf8), "é straddles pieces");
            let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(received.content_hash, hash);
            assert_eq!(received.size, bytes.len() as u64);
        }
    }

    #[test]
    fn the_encoding_and_the_format_come_from_the_bytes() {
        let bounds = ImportBounds::default();
        let (_, received) = receive(b"Fournisseur;Montant\nR\xe9gie;1\n", 3, bounds).expect("kept");
        assert_eq!(received.encoding, Some(TextEncoding::Windows1252));
        let (_, received) = receive(b"PK\x03\x04rest", 2, bounds).expect("kept");
        assert_eq!((received.format, received.encoding), (Format::Xlsx, None));
        let pdf = [b"%PDF-1.4".as_slice(), &[b'x'; SNIFF]].concat();
        assert!(receive(&pdf, 100, bounds).expect_err("no table").contains("ni un tableau"));
        assert!(receive(b"", 1, bounds).expect_err("empty").contains("Choisissez"));
    }

    #[test]
    fn each_bound_refuses_once_passed() {
        let bounds = ImportBounds { csv_bytes: 100, csv_lines: 3, xlsx_bytes: 10 };
        assert!(receive(b"h\n1\n2\n3\n", 1, bounds).is_ok());
        assert!(receive(b"h\n1\n2\n3", 1, bounds).is_ok(), "no line end after the last");
        let refused = receive(b"h\n1\n2\n3\n4", 1, bounds).expect_err("too long");
        assert!(refused.contains("plus de 3 lignes"), "{refused}");
        assert!(receive(&[b'a'; 101], 7, bounds).expect_err("too large").contains("Mo"));
        assert!(receive(b"PK\x03\x04 123456", 3, bounds).expect_err("too large").contains("XLSX"));
    }
}
