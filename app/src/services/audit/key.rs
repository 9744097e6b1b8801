//! The key that seals the audit log's entries and signs its checkpoints (HMAC-SHA256). It is
//! never in the database: whoever can write the database cannot recompute a sealed entry.
//! The server reads it from its configuration or from a file of its data directory and
//! installs it once per process (`server/src/audit_key.rs`); appends and verifications take
//! it from here, so that none of their callers has to carry it.

use std::sync::OnceLock;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A key has at least this many bytes (64 hexadecimal digits).
pub const MIN_KEY_BYTES: usize = 32;

/// The separator written after each part of a sealed text: no part contains it, so that
/// moving text from one part to the next changes the seal.
const SEPARATOR: u8 = 0x1f;

/// The audit key. Its bytes never print.
#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey(Vec<u8>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    /// A key from its hexadecimal form (what the key file and `ECOSSOL_AUDIT_KEY` hold).
    pub fn from_hex(text: &str) -> Result<Self, String> {
        let bytes = hex::decode(text.trim())
            .map_err(|_| "the audit key must be written in hexadecimal".to_owned())?;
        if bytes.len() < MIN_KEY_BYTES {
            return Err(format!(
                "the audit key must have at least {} hexadecimal digits, not {}",
                MIN_KEY_BYTES * 2,
                text.trim().len()
            ));
        }
        Ok(Self(bytes))
    }

    /// A new random key, from the operating system's generator.
    pub fn generate() -> Self {
        use rand::TryRngCore;
        let mut bytes = vec![0_u8; MIN_KEY_BYTES];
        rand::rngs::OsRng.try_fill_bytes(&mut bytes).expect("the system's random generator");
        Self(bytes)
    }

    pub fn to_hex(&self) -> String {
        hex::encode(&self.0)
    }

    fn mac(&self, parts: &[&str]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        for part in parts {
            mac.update(part.as_bytes());
            mac.update(&[SEPARATOR]);
        }
        mac
    }

    /// The seal of `parts`, in hexadecimal.
    pub fn seal(&self, parts: &[&str]) -> String {
        hex::encode(self.mac(parts).finalize().into_bytes())
    }

    /// Whether `seal` is the seal of `parts` (compared in constant time).
    pub fn verifies(&self, parts: &[&str], seal: &str) -> bool {
        hex::decode(seal).is_ok_and(|bytes| self.mac(parts).verify_slice(&bytes).is_ok())
    }
}

static INSTALLED: OnceLock<AuditKey> = OnceLock::new();

/// Installs the process's key. Installing the same key again is harmless; another key is
/// refused: entries sealed with two keys would no longer verify.
pub fn install(key: AuditKey) -> Result<(), String> {
    let installed = INSTALLED.get_or_init(|| key.clone());
    if *installed == key {
        Ok(())
    } else {
        Err("another audit key is already in use in this process".to_owned())
    }
}

/// The process's key, once installed.
pub fn installed() -> Option<&'static AuditKey> {
    INSTALLED.get()
}

/// The installed key, or the failure every append and verification gives without one.
pub(super) fn required() -> Result<&'static AuditKey, sqlx::Error> {
    installed().ok_or_else(|| {
        sqlx::Error::Protocol(
            "no audit key is installed: the server installs it at start (audit_key)".to_owned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_from_hexadecimal_of_at_least_32_bytes() {
        let key = AuditKey::generate();
        assert_eq!(key.to_hex().len(), 64);
        assert_eq!(AuditKey::from_hex(&format!(" {}\n", key.to_hex())), Ok(key.clone()));
        assert!(AuditKey::from_hex("abcd").is_err());
        assert!(AuditKey::from_hex(&"zz".repeat(32)).is_err());
        assert_ne!(AuditKey::generate(), key, "each key is new");
        assert_eq!(format!("{key:?}"), "AuditKey(…)");
    }

    #[test]
    fn a_seal_depends_on_the_key_and_on_where_parts_end() {
        let (one, two) = (AuditKey::generate(), AuditKey::generate());
        let seal = one.seal(&["ab", "c"]);
        assert!(one.verifies(&["ab", "c"], &seal));
        assert!(!one.verifies(&["a", "bc"], &seal));
        assert!(!two.verifies(&["ab", "c"], &seal));
        assert!(!one.verifies(&["ab", "c"], "not hex"));
    }
}
