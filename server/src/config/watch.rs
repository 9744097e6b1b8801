//! The watch's settings: the buyers whose DECP contracts are kept wherever they are carried
//! out (a TOML list in the file, comma-separated in `ECOSSOL_WATCH_DECP_BUYERS`), and the
//! bounds of a buyer's purchases file (not configurable: the tests lower them).

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WatchSettings {
    /// SIRETs (14 digits each), spaces ignored.
    #[serde(deserialize_with = "sirets")]
    pub decp_buyers: Vec<String>,
    /// Neither the file nor the environment sets them; a test's server may.
    #[serde(skip)]
    pub import_bounds: app::domain::watch::ImportBounds,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Sirets {
    List(Vec<String>),
    CommaSeparated(String),
}

fn sirets<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let items = match Sirets::deserialize(deserializer)? {
        Sirets::List(list) => list,
        Sirets::CommaSeparated(text) => text.split(',').map(str::to_owned).collect(),
    };
    Ok(items
        .iter()
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|s| !s.is_empty())
        .collect())
}

impl WatchSettings {
    /// Every buyer is a SIRET that exists.
    pub fn check(&self) -> Result<(), String> {
        for siret in &self.decp_buyers {
            app::domain::directory::Siret::parse(siret)
                .map_err(|_| format!("{siret:?} is not a valid SIRET (14 digits, Luhn key)"))?;
        }
        Ok(())
    }
}
