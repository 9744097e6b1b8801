//! Every setting's key in the file and its environment variable, and errors that name both.

use figment::Source;

/// A setting as the file spells it (`database.url`) and as the environment does.
pub struct Name {
    pub key: &'static str,
    pub variable: &'static str,
    /// Its value never appears in a message.
    pub secret: bool,
}

const fn name(key: &'static str, variable: &'static str) -> Name {
    Name { key, variable, secret: false }
}

const fn secret(key: &'static str, variable: &'static str) -> Name {
    Name { key, variable, secret: true }
}

/// Mapped one by one: splitting variables at `_` would break `max_connections` and the like.
pub const NAMES: &[Name] = &[
    name("data_dir", "ECOSSOL_DATA_DIR"),
    name("host", "ECOSSOL_HOST"),
    name("port", "ECOSSOL_PORT"),
    name("site_root", "ECOSSOL_SITE_ROOT"),
    name("public_url", "ECOSSOL_PUBLIC_URL"),
    name("trusted_proxies", "ECOSSOL_TRUSTED_PROXIES"),
    name("label_years", "ECOSSOL_LABEL_YEARS"),
    secret("mail.smtp_url", "ECOSSOL_SMTP_URL"),
    name("mail.from", "ECOSSOL_MAIL_FROM"),
    secret("database.url", "ECOSSOL_DATABASE_URL"),
    name("database.max_connections", "ECOSSOL_DATABASE_MAX_CONNECTIONS"),
    name("meili.url", "ECOSSOL_MEILI_URL"),
    secret("meili.key", "ECOSSOL_MEILI_KEY"),
    name("meili.index_prefix", "ECOSSOL_MEILI_INDEX_PREFIX"),
    name("meili.port", "ECOSSOL_MEILI_PORT"),
    name("meili.binary", "ECOSSOL_MEILI_BINARY"),
    name("meili.timeout_ms", "ECOSSOL_MEILI_TIMEOUT_MS"),
    name("needs.batch_size", "ECOSSOL_NEEDS_BATCH_SIZE"),
    name("needs.batch_every_hours", "ECOSSOL_NEEDS_BATCH_EVERY_HOURS"),
    name("needs.enough_interested", "ECOSSOL_NEEDS_ENOUGH_INTERESTED"),
    name("needs.daily_cap", "ECOSSOL_NEEDS_DAILY_CAP"),
    name("needs.remind_after_days", "ECOSSOL_NEEDS_REMIND_AFTER_DAYS"),
    name("watch.decp_buyers", "ECOSSOL_WATCH_DECP_BUYERS"),
    secret("audit.key", "ECOSSOL_AUDIT_KEY"),
    name("audit.key_file", "ECOSSOL_AUDIT_KEY_FILE"),
    name("audit.checkpoint_dir", "ECOSSOL_AUDIT_CHECKPOINT_DIR"),
];

pub fn by_key(key: &str) -> Option<&'static Name> {
    NAMES.iter().find(|name| name.key == key)
}

/// `` `label_years` (ECOSSOL_LABEL_YEARS)``: how messages name a setting.
pub fn describe(key: &str) -> String {
    match by_key(key) {
        Some(name) => format!("`{}` ({})", name.key, name.variable),
        None => format!("`{key}`"),
    }
}

/// Turns figment's errors into one message naming each faulty setting and where its value
/// came from, without the value of a secret.
pub fn explain(errors: figment::Error) -> anyhow::Error {
    let lines: Vec<String> = errors
        .into_iter()
        .map(|error| {
            let key = error.path.join(".");
            let secret = by_key(&key).is_some_and(|name| name.secret);
            let problem = if secret {
                "invalid value (not shown: it is secret)".to_owned()
            } else {
                error.kind.to_string()
            };
            // The file is the only source read from a file; values given in code are the
            // environment's (see `sources::environment`).
            let source = match error.metadata.as_ref().and_then(|metadata| metadata.source.as_ref())
            {
                Some(Source::File(path)) => format!(" in {}", path.display()),
                Some(_) => " in the environment".to_owned(),
                None => String::new(),
            };
            if key.is_empty() {
                format!("{problem}{source}")
            } else {
                format!("setting {}: {problem}{source}", describe(&key))
            }
        })
        .collect();
    anyhow::anyhow!("invalid configuration: {}", lines.join("; "))
}
