//! Limits on what anyone may ask of the server without signing in, and on the mails it sends
//! for others: counted in the database (`request_counts`), so that they hold across several
//! servers. Each request is recorded before it is counted: parallel requests cannot all slip
//! under a limit.

use crate::{
    clock::{DAY_MS, HOUR_MS, MINUTE_MS},
    db::{Db, request_counts},
};

/// At most `max` requests of one `action` per subject within `window_ms`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub action: &'static str,
    pub max: i64,
    pub window_ms: i64,
}

/// Accounts created (or attempted) from one client address (an office behind one address
/// may sign up its staff at once).
pub const SIGN_UPS_PER_IP: Limit = Limit { action: "sign_up_ip", max: 30, window_ms: HOUR_MS };
/// Sign-up forms for one address (an existing one too: the answer must not differ).
pub const SIGN_UPS_PER_ADDRESS: Limit =
    Limit { action: "sign_up_address", max: 3, window_ms: HOUR_MS };
/// Reset links asked from one client address.
pub const RESET_REQUESTS_PER_IP: Limit =
    Limit { action: "reset_request_ip", max: 30, window_ms: HOUR_MS };
/// New passwords tried with a reset token from one client address (guesses of tokens).
pub const RESETS_PER_IP: Limit = Limit { action: "reset_ip", max: 30, window_ms: 15 * MINUTE_MS };
/// Account mails (reset links, address verification, invitations) to one recipient.
pub const MAILS_PER_RECIPIENT: Limit =
    Limit { action: "mail_recipient", max: 5, window_ms: HOUR_MS };
/// Account mails caused by one sender (a client address, or the person inviting).
pub const MAILS_PER_SENDER: Limit = Limit { action: "mail_sender", max: 50, window_ms: HOUR_MS };

/// Exports of search results (`/recherche.csv`: up to 25 searches each) from one client
/// address.
pub const SEARCH_EXPORTS_PER_IP: Limit =
    Limit { action: "search_export_ip", max: 30, window_ms: HOUR_MS };

/// Changes of HQS profiles by one organisation: each asks for a full rebuild of the search
/// indexes (which profiles each supplier satisfies is indexed).
pub const PROFILE_CHANGES_PER_ORGANISATION: Limit =
    Limit { action: "profile_change", max: 30, window_ms: HOUR_MS };

/// What a throttled person reads.
pub const TRY_LATER: &str =
    "Trop de demandes en peu de temps : réessayez dans un instant (d'ici une heure au plus).";

/// Counts one request of `limit.action` by `subject`; whether it stays within the limit.
pub async fn within(db: &Db, limit: Limit, subject: &str, now: i64) -> Result<bool, sqlx::Error> {
    // No limit looks back more than a day: older rows go (cheap: an index on `at`).
    request_counts::forget_before(db, now - DAY_MS).await?;
    let subject = subject.trim().to_lowercase();
    let count =
        request_counts::record_and_count(db, limit.action, &subject, now, now - limit.window_ms)
            .await?;
    if count > limit.max {
        tracing::warn!(action = limit.action, count, "request over its limit");
    }
    Ok(count <= limit.max)
}

/// Whether an account mail to `recipient` caused by `sender` may leave: within the limits
/// per recipient and per sender. Beyond them the caller skips the mail silently (the answer
/// must not tell whether an address has an account); it is logged here, without the address.
pub async fn mail_allowed(
    db: &Db,
    recipient: &str,
    sender: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let to = within(db, MAILS_PER_RECIPIENT, recipient, now).await?;
    let from = within(db, MAILS_PER_SENDER, sender, now).await?;
    if !(to && from) {
        tracing::warn!(
            per_recipient = to,
            per_sender = from,
            "account mail not sent: limit reached"
        );
    }
    Ok(to && from)
}
