//! Windows-1252 text read as UTF-8, a buffer at a time.

use std::io::Read;

use encoding_rs::{Decoder, WINDOWS_1252};

/// Reads the bytes of `input` (Windows-1252) as UTF-8.
pub struct Windows1252<'a> {
    input: &'a [u8],
    decoder: Decoder,
    buffer: Vec<u8>,
    start: usize,
    end: usize,
}

impl<'a> Windows1252<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        Self {
            input,
            decoder: WINDOWS_1252.new_decoder_without_bom_handling(),
            buffer: vec![0; 16 * 1024],
            start: 0,
            end: 0,
        }
    }
}

impl Read for Windows1252<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.start == self.end {
            if self.input.is_empty() {
                return Ok(0);
            }
            // A byte becomes at most 3 bytes of UTF-8: take what fits in the buffer.
            let take = self.input.len().min(self.buffer.len() / 3);
            let (chunk, rest) = self.input.split_at(take);
            let (_, read, written, _) =
                self.decoder.decode_to_utf8(chunk, &mut self.buffer, rest.is_empty());
            self.input = &self.input[read..];
            self.start = 0;
            self.end = written;
        }
        let n = out.len().min(self.end - self.start);
        out[..n].copy_from_slice(&self.buffer[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_decodes_across_buffers() {
        let pattern = b"R\xe9gie \x80 \xab\xbb\n";
        let input: Vec<u8> = (0..100_000).map(|i| pattern[i % pattern.len()]).collect();
        let mut text = String::new();
        Windows1252::new(&input).read_to_string(&mut text).expect("decodes");
        let (expected, _, _) = WINDOWS_1252.decode(&input);
        assert_eq!(text, expected);
        assert!(text.contains("Régie € «»"));
    }
}
