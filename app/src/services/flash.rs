//! Flashes: what a plain form post that came back with errors leaves for the page it returns
//! to, read once within a few minutes (see [`crate::domain::Flash`]).
//!
//! A flash's secret (a new API token shown once after a plain form post) is stored sealed:
//! XORed with a keystream drawn from the flash cookie's token, of which the database keeps
//! only a SHA-256. Reading the table alone, or the logs, never gives the secret; the
//! browser that made the request brings the key back with the cookie, once.

use sha2::{Digest, Sha256};

use crate::{
    db::form_flashes, domain::Flash, error::AppError, services::accounts::tokens, state::AppState,
};

/// The cookie that carries a flash's token to the next page.
pub const COOKIE: &str = "ecossol_flash";

/// How long a flash waits for its page.
pub const LIFETIME_S: i64 = 300;

/// Keeps `flash` and returns the token its cookie carries.
pub async fn keep(state: &AppState, flash: &Flash) -> Result<String, AppError> {
    let token = tokens::new_token();
    let mut stored = flash.clone();
    stored.secret = flash.secret.as_deref().map(|secret| seal(secret.as_bytes(), &token));
    let payload = serde_json::to_string(&stored).map_err(AppError::internal)?;
    let now = state.clock.now_ms();
    form_flashes::insert(
        &state.db,
        &tokens::hash_token(&token),
        &payload,
        now,
        now - LIFETIME_S * 1000,
    )
    .await?;
    Ok(token)
}

/// Takes the flash of `token`, if it is still there (a second reading finds nothing).
pub async fn take(state: &AppState, token: &str) -> Result<Option<Flash>, AppError> {
    let expired_before = state.clock.now_ms() - LIFETIME_S * 1000;
    let payload = form_flashes::take(&state.db, &tokens::hash_token(token), expired_before).await?;
    let flash: Option<Flash> = payload.and_then(|p| serde_json::from_str(&p).ok());
    Ok(flash.map(|mut flash| {
        flash.secret = flash.secret.and_then(|sealed| unseal(&sealed, token));
        flash
    }))
}

/// The keystream for `key`: SHA-256 blocks of a label, the key and a counter. The label
/// keeps it apart from the hash the table stores under the same key.
fn keystream(key: &str, len: usize) -> Vec<u8> {
    (0_u32..)
        .flat_map(|block| {
            let mut hasher = Sha256::new();
            hasher.update(b"ecossol flash secret\x1f");
            hasher.update(key.as_bytes());
            hasher.update(block.to_be_bytes());
            hasher.finalize().to_vec()
        })
        .take(len)
        .collect()
}

fn seal(secret: &[u8], key: &str) -> String {
    let stream = keystream(key, secret.len());
    secret.iter().zip(stream).map(|(b, k)| format!("{:02x}", b ^ k)).collect()
}

fn unseal(sealed: &str, key: &str) -> Option<String> {
    let bytes = (0..sealed.len())
        .step_by(2)
        .map(|i| sealed.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()?;
    let stream = keystream(key, bytes.len());
    String::from_utf8(bytes.iter().zip(stream).map(|(b, k)| b ^ k).collect()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_only() {
        let secret = format!("ecossol_{}", tokens::new_token());
        let key = tokens::new_token();
        let sealed = seal(secret.as_bytes(), &key);
        assert!(!sealed.contains(&secret[8..20]), "the secret does not show through");
        assert_eq!(unseal(&sealed, &key).as_deref(), Some(secret.as_str()));
        assert_ne!(unseal(&sealed, &tokens::new_token()).as_deref(), Some(secret.as_str()));
        assert_eq!(unseal("zz", &key), None);
    }
}
