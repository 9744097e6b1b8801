//! The audit log's settings: where its key comes from (never the database) and where the
//! daily signed checkpoints of its head are written.

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSettings {
    /// The key itself (64 hexadecimal digits or more). Unset: read from `key_file`.
    pub key: Option<SecretString>,
    /// The key's file; default `<data_dir>/audit.key`, generated at the first start when
    /// it does not exist (readable by its owner only).
    pub key_file: Option<PathBuf>,
    /// Where each day's checkpoint is written; default `<data_dir>/audit`.
    pub checkpoint_dir: Option<PathBuf>,
}

impl AuditSettings {
    pub fn key_file(&self, data_dir: &Path) -> PathBuf {
        self.key_file.clone().unwrap_or_else(|| data_dir.join("audit.key"))
    }

    pub fn checkpoint_dir(&self, data_dir: &Path) -> PathBuf {
        self.checkpoint_dir.clone().unwrap_or_else(|| data_dir.join("audit"))
    }
}
