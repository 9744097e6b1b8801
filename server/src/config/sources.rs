//! Where settings come from: the TOML file, then the environment.

use std::path::PathBuf;

use figment::{
    Figment,
    providers::{Format, Serialized, Toml},
};

use super::names::NAMES;

/// Names the configuration file; without it, `ecossol.toml` is read if the working directory
/// has one.
const FILE_VARIABLE: &str = "ECOSSOL_CONFIG";
const DEFAULT_FILE: &str = "ecossol.toml";

pub fn figment() -> anyhow::Result<Figment> {
    let mut figment = Figment::new();
    if let Some(file) = file()? {
        figment = figment.merge(Toml::file_exact(file));
    }
    Ok(figment.merge(environment()))
}

/// The file to read, if any. A file named by `ECOSSOL_CONFIG` must exist.
fn file() -> anyhow::Result<Option<PathBuf>> {
    match std::env::var_os(FILE_VARIABLE) {
        Some(path) => {
            let path = PathBuf::from(path);
            anyhow::ensure!(
                path.is_file(),
                "cannot read the configuration file {} ({FILE_VARIABLE})",
                path.display()
            );
            Ok(Some(path))
        }
        None => {
            let path = PathBuf::from(DEFAULT_FILE);
            Ok(path.is_file().then_some(path))
        }
    }
}

/// The `ECOSSOL_*` variables of [`NAMES`], each under its key; other variables are ignored.
/// Values stay text (figment's `Env` would read `2024` as a number, which a text setting such
/// as a key or an index prefix refuses); numeric settings read them leniently.
fn environment() -> Figment {
    NAMES
        .iter()
        .filter_map(|name| std::env::var(name.variable).ok().map(|value| (name.key, value)))
        .fold(Figment::new(), |figment, (key, value)| {
            figment.merge(Serialized::default(key, value))
        })
}
