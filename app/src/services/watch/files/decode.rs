//! Windows-1252 text read as UTF-8, a buffer at a time, from any reader.

use std::io::Read;

use encoding_rs::{Decoder, WINDOWS_1252};

/// The bytes read from the input at once; each becomes at most 3 bytes of UTF-8.
const RAW: usize = 8 * 1024;

/// Reads the bytes of `input` (Windows-1252) as UTF-8.
pub struct Windows1252<R> {
    input: R,
    decoder: Decoder,
    raw: Vec<u8>,
    buffer: Vec<u8>,
    start: usize,
    end: usize,
    done: bool,
}

impl<R: Read> Windows1252<R> {
    pub fn new(input: R) -> Self {
        Self {
            input,
            decoder: WINDOWS_1252.new_decoder_without_bom_handling(),
            raw: vec![0; RAW],
            buffer: vec![0; RAW * 3],
            start: 0,
            end: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Windows1252<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.start == self.end {
            if self.done {
                return Ok(0);
            }
            let n = self.input.read(&mut self.raw)?;
            let last = n == 0;
            // The buffer holds three bytes for each raw one: the decoder takes them all.
            let (_, read, written, _) =
                self.decoder.decode_to_utf8(&self.raw[..n], &mut self.buffer, last);
            debug_assert_eq!(read, n);
            self.done = last;
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
        Windows1252::new(input.as_slice()).read_to_string(&mut text).expect("decodes");
        let (expected, _, _) = WINDOWS_1252.decode(&input);
        assert_eq!(text, expected);
        assert!(text.contains("Régie € «»"));
    }
}
