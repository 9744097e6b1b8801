//! The trusted proxies: a TOML list in the file, one comma-separated variable in the
//! environment (`ECOSSOL_TRUSTED_PROXIES=10.0.0.1,10.0.0.2`).

use std::net::IpAddr;

use serde::{Deserialize, Deserializer, de::Error};

#[derive(Deserialize)]
#[serde(untagged)]
enum Proxies {
    List(Vec<IpAddr>),
    CommaSeparated(String),
}

pub fn list_or_comma_separated<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<IpAddr>, D::Error> {
    match Proxies::deserialize(deserializer)? {
        Proxies::List(list) => Ok(list),
        Proxies::CommaSeparated(text) => text
            .split(',')
            .map(str::trim)
            .filter(|address| !address.is_empty())
            .map(|address| {
                address
                    .parse()
                    .map_err(|_| D::Error::custom(format!("{address:?} is not an IP address")))
            })
            .collect(),
    }
}
