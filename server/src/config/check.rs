//! Checks the merged settings, so that a value is refused whether it came from the defaults,
//! the file or the environment.

use secrecy::ExposeSecret;

use super::{Settings, names::describe};

/// Years a label may be granted for.
const LABEL_YEARS: std::ops::RangeInclusive<u32> = 1..=10;

impl Settings {
    pub(super) fn checked(mut self) -> anyhow::Result<Self> {
        if let Some(url) = &mut self.public_url {
            url.truncate(url.trim_end_matches('/').len());
        }
        if !LABEL_YEARS.contains(&self.label_years) {
            anyhow::bail!(
                "setting {} must be from {} to {}, not {}",
                describe("label_years"),
                LABEL_YEARS.start(),
                LABEL_YEARS.end(),
                self.label_years
            );
        }
        if self.meili.key.is_some() && self.meili.url.is_none() {
            anyhow::bail!(
                "setting {} is set without {}",
                describe("meili.key"),
                describe("meili.url")
            );
        }
        if let Some(url) = &self.database.url {
            app::db::Backend::from_url(url.expose_secret()).map_err(|error| {
                anyhow::anyhow!("setting {}: {error}", describe("database.url"))
            })?;
        }
        if let Err(error) = self.needs.check() {
            anyhow::bail!("setting {error}");
        }
        if let Err(error) = self.watch.check() {
            anyhow::bail!("setting {}: {error}", describe("watch.decp_buyers"));
        }
        if let Some(key) = &self.audit.key {
            app::services::audit::AuditKey::from_hex(key.expose_secret())
                .map_err(|error| anyhow::anyhow!("setting {}: {error}", describe("audit.key")))?;
        }
        if self.meili.timeout_ms == 0 {
            anyhow::bail!("setting {} must be positive", describe("meili.timeout_ms"));
        }
        Ok(self)
    }
}
