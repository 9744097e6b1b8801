use std::{
    io::Write,
    os::unix::fs::{OpenOptionsExt, PermissionsExt},
    path::Path,
};

use anyhow::Context;
use rand::RngCore;
use secrecy::SecretString;

const FILE: &str = "master.key";

/// Reads the embedded Meilisearch's master key from `dir`, generating it on first use.
/// The file is readable by its owner only.
pub fn load_or_create(dir: &Path) -> anyhow::Result<SecretString> {
    let path = dir.join(FILE);
    match std::fs::read_to_string(&path) {
        Ok(key) if key.trim().len() >= 16 => {
            let mode = std::fs::metadata(&path)?.permissions().mode();
            if mode & 0o077 != 0 {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
            }
            return Ok(key.trim().to_owned().into());
        }
        Ok(_) => anyhow::bail!("{} is too short to be a master key", path.display()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(error).context(format!("cannot read {}", path.display())),
    }
    std::fs::create_dir_all(dir)?;
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let key: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(key.as_bytes())?;
    Ok(key.into())
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    #[test]
    fn the_key_is_made_once_with_owner_only_permissions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = load_or_create(dir.path()).expect("created");
        assert_eq!(first.expose_secret().len(), 64);
        let mode = std::fs::metadata(dir.path().join(FILE)).expect("file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let second = load_or_create(dir.path()).expect("read back");
        assert_eq!(first.expose_secret(), second.expose_secret());
    }
}
