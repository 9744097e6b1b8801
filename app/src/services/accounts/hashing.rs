use std::sync::Arc;

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::SaltString,
};
use tokio::sync::Semaphore;

use crate::domain::accounts::Password;

/// Argon2id with the OWASP parameters: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

/// Hashes and verifies passwords off the async runtime, at most `permits` at a time, so
/// that a burst of sign-ins cannot take all the memory or starve the web server.
#[derive(Clone, Debug)]
pub struct PasswordHashing {
    permits: Arc<Semaphore>,
    /// Verified against when the account does not exist, so that an unknown address costs
    /// the same time as a wrong password.
    dummy_hash: Arc<str>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

impl PasswordHashing {
    pub fn new(concurrent: usize) -> anyhow::Result<Self> {
        Ok(Self {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
            dummy_hash: hash_blocking("ecossol-dummy-password-for-timing")?.into(),
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn hash(&self, password: &Password) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await?;
        let password = password.expose().to_owned();
        tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
    }

    /// Whether `candidate` matches `hash`; with no hash, does the same work and says no.
    #[tracing::instrument(skip_all)]
    pub async fn verify(&self, candidate: &str, hash: Option<&str>) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await?;
        let known = hash.is_some();
        let hash = hash.unwrap_or(&self.dummy_hash).to_owned();
        let candidate = candidate.to_owned();
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| argon2().verify_password(candidate.as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await?;
        Ok(known && matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hashing = PasswordHashing::new(2).expect("hasher");
        let password = Password::parse("le vercors au printemps").expect("valid");
        let hash = hashing.hash(&password).await.expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hashing.verify("le vercors au printemps", Some(&hash)).await.expect("ok"));
        assert!(!hashing.verify("la chartreuse en hiver", Some(&hash)).await.expect("ok"));
        assert!(!hashing.verify("ecossol-dummy-password-for-timing", None).await.expect("ok"));
    }
}
