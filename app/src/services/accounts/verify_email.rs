use crate::{
    db::{account_tokens, users},
    domain::accounts::VerifyOutcome,
    error::AppError,
    state::AppState,
};

use super::tokens::hash_token;

#[tracing::instrument(skip_all)]
pub async fn verify_email(state: &AppState, token: &str) -> Result<VerifyOutcome, AppError> {
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let redeemed = account_tokens::redeem(
        &mut tx,
        &hash_token(token.trim()),
        account_tokens::Purpose::VerifyEmail,
        now,
    )
    .await?;
    let outcome = match redeemed {
        account_tokens::Redeemed::User(user_id) => {
            users::mark_verified(&mut tx, &user_id, now).await?;
            tracing::info!(user_id, "e-mail address verified");
            VerifyOutcome::Verified
        }
        account_tokens::Redeemed::Expired => VerifyOutcome::Expired,
        account_tokens::Redeemed::AlreadyUsed => VerifyOutcome::AlreadyUsed,
        account_tokens::Redeemed::Unknown => VerifyOutcome::Invalid,
    };
    tx.commit().await?;
    Ok(outcome)
}
