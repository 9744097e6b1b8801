use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

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

/// How long a request waits for a hashing permit before it is told to come back.
const PERMIT_WAIT: Duration = Duration::from_secs(5);

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum HashingError {
    /// Every permit stayed taken for [`PERMIT_WAIT`]: the person should try again shortly.
    #[error("password hashing busy")]
    Busy,
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl From<HashingError> for crate::error::AppError {
    fn from(error: HashingError) -> Self {
        match error {
            HashingError::Busy => {
                tracing::warn!("password hashing busy");
                Self::Unavailable
            }
            HashingError::Failed(error) => Self::internal(error),
        }
    }
}

/// Hashes and verifies passwords off the async runtime, a few at a time, so that a burst of
/// sign-ins cannot take all the memory or starve the web server.
///
/// Sign-ins (verifications) and new hashes (sign-up, reset, change) have separate permits:
/// a flood of sign-up or reset requests, which anyone may send, cannot stall sign-ins. A
/// request that waits [`PERMIT_WAIT`] for a permit gets [`HashingError::Busy`], not a hang.
#[derive(Clone, Debug)]
pub struct PasswordHashing {
    verify_permits: Arc<Semaphore>,
    hash_permits: Arc<Semaphore>,
    wait: Duration,
    /// New hashes computed (observable work, for the tests and the logs).
    hashes: Arc<AtomicU64>,
    /// Verified against when the account does not exist, so that an unknown address costs
    /// the same time as a wrong password.
    dummy_hash: Arc<str>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A permit of `permits`, or [`HashingError::Busy`] after `wait`.
async fn permit(
    permits: &Semaphore,
    wait: Duration,
) -> Result<tokio::sync::SemaphorePermit<'_>, HashingError> {
    match tokio::time::timeout(wait, permits.acquire()).await {
        Ok(permit) => permit.map_err(|e| HashingError::Failed(e.into())),
        Err(_) => Err(HashingError::Busy),
    }
}

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

impl PasswordHashing {
    /// `concurrent` verifications at a time, and half as many new hashes (at least one).
    pub fn new(concurrent: usize) -> anyhow::Result<Self> {
        Self::with_wait(concurrent, PERMIT_WAIT)
    }

    fn with_wait(concurrent: usize, wait: Duration) -> anyhow::Result<Self> {
        Ok(Self {
            verify_permits: Arc::new(Semaphore::new(concurrent.max(1))),
            hash_permits: Arc::new(Semaphore::new(concurrent.div_ceil(2).max(1))),
            wait,
            hashes: Arc::new(AtomicU64::new(0)),
            dummy_hash: hash_blocking("ecossol-dummy-password-for-timing")?.into(),
        })
    }

    /// How many new hashes this process computed.
    pub fn hashes_done(&self) -> u64 {
        self.hashes.load(Ordering::Relaxed)
    }

    #[tracing::instrument(skip_all)]
    pub async fn hash(&self, password: &Password) -> Result<String, HashingError> {
        let _permit = permit(&self.hash_permits, self.wait).await?;
        self.hashes.fetch_add(1, Ordering::Relaxed);
        let password = password.expose().to_owned();
        let hashed = tokio::task::spawn_blocking(move || hash_blocking(&password)).await;
        Ok(hashed.map_err(anyhow::Error::from)??)
    }

    /// Whether `candidate` matches `hash`; with no hash, does the same work and says no.
    #[tracing::instrument(skip_all)]
    pub async fn verify(&self, candidate: &str, hash: Option<&str>) -> Result<bool, HashingError> {
        let _permit = permit(&self.verify_permits, self.wait).await?;
        let known = hash.is_some();
        let hash = hash.unwrap_or(&self.dummy_hash).to_owned();
        let candidate = candidate.to_owned();
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| argon2().verify_password(candidate.as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await
        .map_err(anyhow::Error::from)?;
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
        assert_eq!(hashing.hashes_done(), 1);
    }

    #[tokio::test]
    async fn busy_new_hashes_answer_busy_and_leave_sign_ins_alone() {
        let hashing = PasswordHashing::with_wait(2, Duration::from_millis(20)).expect("hasher");
        let _all = hashing.hash_permits.acquire_many(1).await.expect("the one hash permit");
        let password = Password::parse("le vercors au printemps").expect("valid");
        assert!(matches!(hashing.hash(&password).await, Err(HashingError::Busy)));
        assert_eq!(hashing.hashes_done(), 0);
        assert!(!hashing.verify("x", None).await.expect("sign-ins have their own permits"));
        let _verifying = hashing.verify_permits.acquire_many(2).await.expect("both permits");
        assert!(matches!(hashing.verify("x", None).await, Err(HashingError::Busy)));
    }
}
