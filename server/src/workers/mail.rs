//! Delivers the e-mail outbox: over SMTP when configured, otherwise as `.eml` files under
//! `<data_dir>/mail` (what the embedded default and the tests use); then strikes the
//! secrets of sent messages' links out of the outbox.

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use app::{
    clock::{MINUTE_MS, SharedClock},
    db::{Db, email_outbox},
    services::mail::{secret_links, without_secrets},
};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::header::ContentType,
};
use secrecy::ExposeSecret;
use tokio::sync::watch;

use crate::config::MailSettings;

const POLL: Duration = Duration::from_millis(500);
const BATCH: i64 = 20;
/// How long a claimed message stays with one server before another may try it.
const LEASE_MS: i64 = 2 * MINUTE_MS;
/// How long a message sent without SMTP keeps its links' secrets in the outbox: the `.eml`
/// file and the log line are the developer's copy; the row keeps them a quarter of an hour
/// for whoever reads the outbox then (the tests, whose clock stands still, read links there).
/// Over SMTP the row loses them as the message leaves.
pub const LINKS_KEPT_MS: i64 = 15 * MINUTE_MS;

/// Where messages go.
pub enum Delivery {
    /// lettre names each file `<uuid>.eml`, not after the outbox id: nothing reads the files
    /// by name (the admin mail page and the tests read the outbox table; the files are for a
    /// developer's mail client), and an outbox id in the name would only keep a delivery
    /// retried after a crash from leaving a second copy, which SMTP cannot promise either.
    Files {
        dir: PathBuf,
        transport: AsyncFileTransport<Tokio1Executor>,
    },
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Delivery {
    pub fn from_settings(
        settings: &MailSettings,
        data_dir: &std::path::Path,
    ) -> anyhow::Result<Self> {
        match &settings.smtp_url {
            Some(url) => Ok(Self::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .context("invalid ECOSSOL_SMTP_URL")?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            )),
            None => {
                let dir = data_dir.join("mail");
                Ok(Self::Files { transport: AsyncFileTransport::new(&dir), dir })
            }
        }
    }

    async fn send(&self, id: &str, body: &str, message: Message) -> anyhow::Result<()> {
        match self {
            Self::Files { dir, transport } => {
                // The transport writes into the folder but does not create it.
                tokio::fs::create_dir_all(dir).await?;
                let file = transport.send(message).await?;
                // Development: the developer follows the links from here, told once.
                tracing::info!(
                    mail_id = id,
                    file = format!("{file}.eml"),
                    links = ?secret_links(body),
                    "mail written (no SMTP server set)"
                );
                Ok(())
            }
            Self::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(Into::into),
        }
    }
}

pub struct MailWorker {
    pub db: Db,
    pub clock: SharedClock,
    pub delivery: Delivery,
    pub from: String,
}

impl MailWorker {
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            if let Err(error) = self.deliver_due().await {
                tracing::warn!(error = format!("{error:#}"), "mail outbox pass failed");
            }
            if let Err(error) = self.strike_links().await {
                tracing::warn!(error = format!("{error:#}"), "mail links not struck out");
            }
            tokio::select! {
                () = tokio::time::sleep(POLL) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// Delivers what is due now; returns how many messages left the outbox.
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        let now = self.clock.now_ms();
        let mut sent = 0;
        for mail in email_outbox::due(&self.db, now, BATCH).await? {
            if !email_outbox::claim(&self.db, &mail.id, now, now + LEASE_MS).await? {
                continue; // another server has it
            }
            let result = match self.message(&mail) {
                Ok(message) => self.delivery.send(&mail.id, &mail.body_text, message).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => {
                    // Over SMTP the recipient alone has the links now: the row keeps the
                    // text without them. Without SMTP it keeps them a while (see
                    // `strike_links`).
                    let struck = match self.delivery {
                        Delivery::Smtp(_) => Some(without_secrets(&mail.body_text)),
                        Delivery::Files { .. } => None,
                    };
                    let at = self.clock.now_ms();
                    email_outbox::mark_sent(&self.db, &mail.id, at, struck.as_deref()).await?;
                    sent += 1;
                }
                Err(error) => {
                    let delay = retry_delay_ms(mail.attempts);
                    tracing::warn!(
                        mail_id = mail.id,
                        error = format!("{error:#}"),
                        "mail not delivered; will retry"
                    );
                    email_outbox::mark_failed(
                        &self.db,
                        &mail.id,
                        &format!("{error:#}"),
                        now + delay,
                    )
                    .await?;
                }
            }
        }
        Ok(sent)
    }

    /// Strikes the links' secrets out of the messages sent more than [`LINKS_KEPT_MS`] ago
    /// (those sent without SMTP); returns how many.
    pub async fn strike_links(&self) -> anyhow::Result<usize> {
        let now = self.clock.now_ms();
        let sent =
            email_outbox::unredacted_sent_before(&self.db, now - LINKS_KEPT_MS, BATCH).await?;
        for (id, body) in &sent {
            email_outbox::redact(&self.db, id, &without_secrets(body), now).await?;
        }
        Ok(sent.len())
    }

    fn message(&self, mail: &email_outbox::OutgoingEmail) -> anyhow::Result<Message> {
        Message::builder()
            .from(self.from.parse().context("invalid sender address")?)
            .to(mail.to_address.parse().context("invalid recipient address")?)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())
            .context("cannot build the message")
    }
}

/// 1, 4, 9… minutes, at most an hour.
fn retry_delay_ms(attempts: i64) -> i64 {
    let n = attempts.saturating_add(1);
    (n.saturating_mul(n).saturating_mul(MINUTE_MS)).min(60 * MINUTE_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_up_to_an_hour() {
        assert_eq!(retry_delay_ms(0), MINUTE_MS);
        assert_eq!(retry_delay_ms(2), 9 * MINUTE_MS);
        assert_eq!(retry_delay_ms(100), 60 * MINUTE_MS);
    }
}
