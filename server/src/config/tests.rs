//! Each test runs in a figment `Jail`: its own working directory and environment variables.
#![expect(clippy::result_large_err, reason = "a Jail's closure returns figment's own error")]

use std::path::PathBuf;

use figment::Jail;
use secrecy::ExposeSecret;

use super::Settings;

/// Loads as the server does, the error as its message.
fn load() -> Result<Settings, String> {
    Settings::load().map_err(|error| format!("{error:#}"))
}

#[test]
fn defaults_run_with_nothing_set() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        let settings = load()?;
        assert_eq!(settings.port, 3000);
        assert_eq!(settings.label_years, 2);
        assert_eq!(settings.database.max_connections, 10);
        assert_eq!(settings.meili.index_prefix, "ecossol_");
        assert_eq!(settings.database_url().expose_secret(), "sqlite://data/ecossol.db");
        assert!(settings.meili.url.is_none(), "embedded Meilisearch by default");
        Ok(())
    });
}

#[test]
fn environment_overrides_the_file_and_the_defaults() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "ecossol.toml",
            "port = 4000\nlabel_years = 3\n[database]\nmax_connections = 3\n\
             [meili]\nindex_prefix = \"prod_\"\n",
        )?;
        jail.set_env("ECOSSOL_DATA_DIR", "/srv/ecossol");
        jail.set_env("ECOSSOL_PORT", "8080");
        jail.set_env("ECOSSOL_DATABASE_MAX_CONNECTIONS", "7");
        jail.set_env("ECOSSOL_DATABASE_URL", "postgres://app:pw@db/ecossol");
        jail.set_env("ECOSSOL_MEILI_URL", "http://search:7700");
        jail.set_env("ECOSSOL_MEILI_KEY", "k3y-k3y-k3y-k3y-k3y");
        jail.set_env("ECOSSOL_SMTP_URL", "smtp://mail:25");
        jail.set_env("ECOSSOL_MAIL_FROM", "Ecossol <contact@ecossol.example>");
        let settings = load()?;
        assert_eq!(settings.data_dir, PathBuf::from("/srv/ecossol"));
        assert_eq!(settings.port, 8080, "the environment wins over the file");
        assert_eq!(settings.label_years, 3, "the file wins over the defaults");
        assert_eq!(settings.database.max_connections, 7);
        assert_eq!(settings.meili.index_prefix, "prod_");
        assert_eq!(settings.database_url().expose_secret(), "postgres://app:pw@db/ecossol");
        assert_eq!(settings.meili.url.as_deref(), Some("http://search:7700"));
        assert!(settings.mail.smtp_url.is_some());
        assert_eq!(settings.mail.from, "Ecossol <contact@ecossol.example>");

        jail.set_env("ECOSSOL_MEILI_INDEX_PREFIX", "2024");
        jail.set_env("ECOSSOL_MEILI_KEY", "1234567890123456");
        let settings = load()?;
        assert_eq!(settings.meili.index_prefix, "2024", "digits stay text where text is wanted");
        assert_eq!(
            settings.meili.key.as_ref().map(|k| k.expose_secret()),
            Some("1234567890123456")
        );
        Ok(())
    });
}

#[test]
fn the_file_named_by_ecossol_config_is_read() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file(
            "elsewhere.toml",
            "public_url = \"https://ecossol.example/\"\ntrusted_proxies = [\"10.0.0.1\"]\n",
        )?;
        jail.set_env("ECOSSOL_CONFIG", "elsewhere.toml");
        let settings = load()?;
        assert_eq!(settings.public_url.as_deref(), Some("https://ecossol.example"));
        assert_eq!(settings.trusted_proxies, ["10.0.0.1".parse::<std::net::IpAddr>().expect("ip")]);

        jail.set_env("ECOSSOL_TRUSTED_PROXIES", "10.0.0.2, 10.0.0.3");
        let settings = load()?;
        assert_eq!(settings.trusted_proxies.len(), 2, "comma-separated in the environment");

        jail.set_env("ECOSSOL_CONFIG", "missing.toml");
        assert!(load().expect_err("missing file").contains("missing.toml"));
        Ok(())
    });
}

#[test]
fn the_default_database_follows_the_data_dir() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("ECOSSOL_DATA_DIR", "/tmp/x");
        assert_eq!(load()?.database_url().expose_secret(), "sqlite:///tmp/x/ecossol.db");
        Ok(())
    });
}

#[test]
fn a_bad_label_years_is_refused_from_the_file_as_from_the_environment() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.create_file("ecossol.toml", "label_years = 11\n")?;
        let error = load().expect_err("out of range in the file");
        assert!(error.contains("label_years") && error.contains("ECOSSOL_LABEL_YEARS"), "{error}");
        jail.create_file("ecossol.toml", "label_years = 5\n")?;
        jail.set_env("ECOSSOL_LABEL_YEARS", "0");
        let error = load().expect_err("out of range in the environment");
        assert!(error.contains("ECOSSOL_LABEL_YEARS"), "{error}");
        Ok(())
    });
}

#[test]
fn the_needs_reminder_delay_is_read_from_the_environment_within_bounds() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        assert_eq!(load()?.needs.remind_after_days, 3, "the default");
        jail.set_env("ECOSSOL_NEEDS_REMIND_AFTER_DAYS", "5");
        assert_eq!(load()?.needs.remind_after_days, 5);
        jail.set_env("ECOSSOL_NEEDS_REMIND_AFTER_DAYS", "0");
        let error = load().expect_err("no delay");
        assert!(error.contains("needs.remind_after_days"), "{error}");
        Ok(())
    });
}

#[test]
fn bad_values_are_refused_with_the_setting_named() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("ECOSSOL_PORT", "http");
        let error = load().expect_err("not a port");
        assert!(error.contains("ECOSSOL_PORT"), "{error}");
        jail.clear_env();

        jail.set_env("ECOSSOL_DATABASE_MAX_CONNECTIONS", "many");
        let error = load().expect_err("not a number");
        assert!(error.contains("ECOSSOL_DATABASE_MAX_CONNECTIONS"), "{error}");
        jail.clear_env();

        jail.set_env("ECOSSOL_DATABASE_URL", "mysql://x");
        let error = load().expect_err("unsupported");
        assert!(error.contains("unsupported") && error.contains("ECOSSOL_DATABASE_URL"), "{error}");
        jail.clear_env();

        jail.set_env("ECOSSOL_MEILI_KEY", "orphan-key-0000");
        let error = load().expect_err("a key without a server");
        assert!(error.contains("ECOSSOL_MEILI_URL"), "{error}");
        jail.clear_env();

        jail.create_file("ecossol.toml", "[meili]\ntimeout_ms = 0\n")?;
        assert!(load().expect_err("no time").contains("timeout_ms"));
        jail.create_file("ecossol.toml", "prot = 4000\n")?;
        assert!(load().expect_err("unknown key").contains("prot"));
        Ok(())
    });
}

#[test]
fn secrets_never_print() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        jail.set_env("ECOSSOL_DATABASE_URL", "postgres://app:hunter2-secret@db/ecossol");
        jail.set_env("ECOSSOL_MEILI_URL", "http://search:7700");
        jail.set_env("ECOSSOL_MEILI_KEY", "master-key-do-not-print");
        let printed = format!("{:?}", load()?);
        assert!(!printed.contains("hunter2-secret"), "{printed}");
        assert!(!printed.contains("do-not-print"), "{printed}");

        jail.create_file("ecossol.toml", "[meili]\nkey = 987654321987654321\n")?;
        jail.clear_env();
        let error = load().expect_err("a number is no key");
        assert!(error.contains("meili.key") && !error.contains("987654321"), "{error}");
        Ok(())
    });
}

#[test]
fn the_decp_buyers_are_sirets_from_the_file_or_the_environment() {
    Jail::expect_with(|jail| {
        jail.clear_env();
        assert!(load()?.watch.decp_buyers.is_empty(), "none by default");
        jail.set_env("ECOSSOL_WATCH_DECP_BUYERS", "200040715 00019, 21380185500015");
        assert_eq!(load()?.watch.decp_buyers, ["20004071500019", "21380185500015"]);
        jail.set_env("ECOSSOL_WATCH_DECP_BUYERS", "21380185500016");
        let error = load().expect_err("not a SIRET");
        assert!(error.contains("ECOSSOL_WATCH_DECP_BUYERS"), "{error}");
        jail.clear_env();
        jail.create_file("ecossol.toml", "[watch]\ndecp_buyers = [\"21380185500015\"]\n")?;
        assert_eq!(load()?.watch.decp_buyers, ["21380185500015"]);
        Ok(())
    });
}
