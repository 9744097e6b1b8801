//! The `login_failures` table, read by the sign-in throttle.

use super::Db;

pub async fn record(
    db: &Db,
    id: &str,
    account_key: &str,
    ip: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO login_failures (id, account_key, client_ip, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(account_key)
    .bind(ip)
    .bind(now)
    .execute(db)
    .await
    .map(|_| ())
}

/// Failures since `since` for the account and for the address.
pub async fn count_since(
    db: &Db,
    account_key: &str,
    ip: &str,
    since: i64,
) -> Result<(i64, i64), sqlx::Error> {
    let account: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_failures WHERE account_key = $1 AND at > $2",
    )
    .bind(account_key)
    .bind(since)
    .fetch_one(db)
    .await?;
    let ip: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE client_ip = $1 AND at > $2")
            .bind(ip)
            .bind(since)
            .fetch_one(db)
            .await?;
    Ok((account, ip))
}

/// A successful sign-in clears the account's failures.
pub async fn clear_account(db: &Db, account_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE account_key = $1")
        .bind(account_key)
        .execute(db)
        .await
        .map(|_| ())
}

/// Removes one recorded attempt (it turned out not to be a failure).
pub async fn forget(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1").bind(id).execute(db).await.map(|_| ())
}
