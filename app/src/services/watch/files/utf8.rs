//! Whether a file received in pieces is UTF-8 as a whole: a character's bytes may straddle
//! two pieces, so the unfinished end of one piece is kept and completed by the next.

/// Told the pieces in order; [`Utf8Check::is_utf8`] once they are all seen.
#[derive(Debug, Default)]
pub struct Utf8Check {
    broken: bool,
    /// The first bytes of a character the last piece ended in (at most 3).
    unfinished: Vec<u8>,
}

/// The bytes of the character a leading byte starts (2 to 4; the others never start an
/// unfinished character).
fn width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

impl Utf8Check {
    pub fn piece(&mut self, mut bytes: &[u8]) {
        if self.broken {
            return;
        }
        if let Some(&lead) = self.unfinished.first() {
            let missing = width(lead) - self.unfinished.len();
            let (rest, after) = bytes.split_at(missing.min(bytes.len()));
            self.unfinished.extend_from_slice(rest);
            bytes = after;
            if self.unfinished.len() < width(lead) {
                return;
            }
            if std::str::from_utf8(&self.unfinished).is_err() {
                self.broken = true;
                return;
            }
            self.unfinished.clear();
        }
        if let Err(error) = std::str::from_utf8(bytes) {
            match error.error_len() {
                Some(_) => self.broken = true,
                None => self.unfinished = bytes[error.valid_up_to()..].to_vec(),
            }
        }
    }

    /// Every piece was UTF-8 and the last character ended with the file.
    pub fn is_utf8(&self) -> bool {
        !self.broken && self.unfinished.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_everywhere(bytes: &[u8]) -> Vec<bool> {
        (0..=bytes.len())
            .flat_map(|a| (a..=bytes.len()).map(move |b| (a, b)))
            .map(|(a, b)| {
                let mut check = Utf8Check::default();
                for piece in [&bytes[..a], &bytes[a..b], &bytes[b..]] {
                    check.piece(piece);
                }
                check.is_utf8()
            })
            .collect()
    }

    #[test]
    fn a_character_across_pieces_is_utf8() {
        let text = "Régie « € » 𝄞;".as_bytes();
        assert!(split_everywhere(text).iter().all(|&utf8| utf8));
    }

    #[test]
    fn a_broken_or_unfinished_character_is_not() {
        assert!(split_everywhere(b"R\xe9gie;1\n").iter().all(|&utf8| !utf8));
        assert!(
            split_everywhere("ab€".as_bytes().split_last().expect("bytes").1)
                .iter()
                .all(|&utf8| !utf8)
        );
        let mut check = Utf8Check::default();
        check.piece(&"€".as_bytes()[..1]);
        check.piece(b"x\xac");
        assert!(!check.is_utf8(), "a continuation missing inside the character");
    }
}
