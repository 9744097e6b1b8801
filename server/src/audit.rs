//! The audit log outside the database: its key (from the settings, or a file of the data
//! directory generated at the first start) and the signed checkpoint files, one per day.

use std::{
    io::Write,
    os::unix::fs::{OpenOptionsExt, PermissionsExt},
    path::{Path, PathBuf},
};

use anyhow::Context;
use app::{domain::audit::Checkpoint, services::audit::AuditKey};
use secrecy::ExposeSecret;

use crate::Settings;

/// Whether a missing key file is made: at a server's start and by the commands that write
/// the log, not by `audit verify` (a new key would verify nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Create,
    Fail,
}

/// Reads the audit key and installs it for this process.
pub fn install_key(settings: &Settings, missing: Missing) -> anyhow::Result<AuditKey> {
    let key = load_key(settings, missing)?;
    app::services::audit::install(key.clone()).map_err(|error| anyhow::anyhow!(error))?;
    Ok(key)
}

/// The key of the settings (`audit.key`), else of the key file.
pub fn load_key(settings: &Settings, missing: Missing) -> anyhow::Result<AuditKey> {
    if let Some(key) = &settings.audit.key {
        return AuditKey::from_hex(key.expose_secret()).map_err(|error| anyhow::anyhow!(error));
    }
    let path = settings.audit.key_file(&settings.data_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let mode = std::fs::metadata(&path)?.permissions().mode();
            if mode & 0o077 != 0 {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
            }
            AuditKey::from_hex(&text)
                .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))
        }
        Err(error)
            if error.kind() == std::io::ErrorKind::NotFound && missing == Missing::Create =>
        {
            create_key_file(&path)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "no audit key: {} does not exist and ECOSSOL_AUDIT_KEY is not set \
             (clé d'audit introuvable)",
            path.display()
        ),
        Err(error) => Err(error).context(format!("cannot read {}", path.display())),
    }
}

/// Writes a new key to a temporary file, then links it to `path`: a server starting beside
/// this one at the same moment reads either no file or the whole key, and keeps the first.
fn create_key_file(path: &Path) -> anyhow::Result<AuditKey> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let key = AuditKey::generate();
    let temporary = dir.join(format!(".audit-key-{}", uuid::Uuid::new_v4().simple()));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temporary)
        .with_context(|| format!("cannot create {}", temporary.display()))?;
    file.write_all(key.to_hex().as_bytes())?;
    file.sync_all()?;
    let linked = std::fs::hard_link(&temporary, path);
    std::fs::remove_file(&temporary).ok();
    match linked {
        Ok(()) => {
            tracing::info!(file = %path.display(), "audit key created");
            Ok(key)
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(path)?;
            AuditKey::from_hex(&text)
                .map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))
        }
        Err(error) => Err(error).context(format!("cannot create {}", path.display())),
    }
}

/// Writes a checkpoint into `dir` under its day's name, atomically (a temporary file synced,
/// then renamed): a reader, or a crash, never sees half a file.
pub fn write_checkpoint(dir: &Path, checkpoint: &Checkpoint) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(checkpoint.file_name());
    let temporary =
        dir.join(format!(".{}.{}", checkpoint.file_name(), uuid::Uuid::new_v4().simple()));
    let mut file = std::fs::File::create(&temporary)
        .with_context(|| format!("cannot create {}", temporary.display()))?;
    file.write_all(serde_json::to_string_pretty(checkpoint)?.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temporary, &path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Ok(folder) = std::fs::File::open(dir) {
        folder.sync_all().ok();
    }
    Ok(path)
}

/// Reads a checkpoint file.
pub fn read_checkpoint(path: &Path) -> anyhow::Result<Checkpoint> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!("cannot read the checkpoint {} (point d'ancrage illisible)", path.display())
    })?;
    serde_json::from_str(&text).with_context(|| {
        format!("{} is not an audit checkpoint (ce n'est pas un point d'ancrage)", path.display())
    })
}

/// The latest checkpoint file of `dir` (by its day), if any.
pub fn latest_checkpoint(dir: &Path) -> anyhow::Result<Option<(PathBuf, Checkpoint)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error).context(format!("cannot read {}", dir.display())),
    };
    let latest = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name().and_then(|n| n.to_str()).is_some_and(|name| {
                name.starts_with("audit-checkpoint-") && name.ends_with(".json")
            })
        })
        .max();
    latest.map(|path| read_checkpoint(&path).map(|checkpoint| (path, checkpoint))).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_in(dir: &Path) -> Settings {
        Settings { data_dir: dir.to_owned(), ..Settings::default() }
    }

    #[test]
    fn the_key_file_is_made_once_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = settings_in(dir.path());
        let failure = load_key(&settings, Missing::Fail).expect_err("no key file yet");
        assert!(failure.to_string().contains("audit.key"), "{failure}");
        let first = load_key(&settings, Missing::Create).expect("created");
        let path = dir.path().join("audit.key");
        let mode = std::fs::metadata(&path).expect("key file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(load_key(&settings, Missing::Fail).expect("read back"), first);
        assert_eq!(load_key(&settings, Missing::Create).expect("kept"), first);
        let files: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(files.len(), 1, "no temporary file left");
    }

    #[test]
    fn the_key_of_the_settings_comes_before_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = AuditKey::generate();
        let mut settings = settings_in(dir.path());
        settings.audit.key = Some(key.to_hex().into());
        assert_eq!(load_key(&settings, Missing::Create).expect("from the settings"), key);
        assert!(!dir.path().join("audit.key").exists(), "no file made");
    }

    #[test]
    fn checkpoints_are_written_whole_one_file_a_day() {
        let dir = tempfile::tempdir().expect("tempdir");
        let checkpoint = |day: &str, seq| Checkpoint {
            day: day.to_owned(),
            seq,
            hash: "ab".repeat(32),
            at: 1,
            signature: "cd".repeat(32),
        };
        assert!(latest_checkpoint(dir.path()).expect("empty").is_none());
        write_checkpoint(dir.path(), &checkpoint("2026-12-01", 3)).expect("written");
        write_checkpoint(dir.path(), &checkpoint("2026-12-02", 5)).expect("written");
        let path = write_checkpoint(dir.path(), &checkpoint("2026-12-02", 6)).expect("again");
        assert!(path.ends_with("audit-checkpoint-2026-12-02.json"));
        let (latest_path, latest) = latest_checkpoint(dir.path()).expect("read").expect("one");
        assert_eq!((latest_path, latest), (path, checkpoint("2026-12-02", 6)));
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2, "no temporary file");
    }
}
