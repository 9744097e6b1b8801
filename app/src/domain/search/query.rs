//! A buyer's search, as the address of the search page holds it (`/recherche?q=…&secteur=…`):
//! parsed once, and written back into addresses for facet links and pagination.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

use super::params::Param;
use crate::domain::{
    directory::{Family, InseeCode, Sector, ServiceKind, StructureKind, commune_centres},
    label::level::INDEX_VALUES,
};

/// What the buyer looks for: offers (goods and services) or structures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    #[default]
    Offers,
    Structures,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    Name,
    Recent,
    Distance,
}

/// A point to measure distances from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lng: f64,
}

/// Results per page.
pub const PER_PAGE: u32 = 20;
/// The largest radius one may ask for.
pub const MAX_RADIUS_KM: u32 = 200;
/// The last page one may ask for.
pub const MAX_PAGE: u32 = 500;

/// Values a search keeps of one filter (communes, labels, sectors): more than the Métropole
/// has communes, and more than a facet lists. An address naming thousands of them would make
/// each search a filter of thousands of clauses.
pub const MAX_VALUES: usize = 50;
/// The value of `hqs` that asks for every level of the label.
pub const HQS_ALL: &str = "tous";

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchQuery {
    pub target: Target,
    pub text: String,
    pub kinds: Vec<StructureKind>,
    pub families: Vec<Family>,
    pub sectors: Vec<String>,
    pub services: Vec<ServiceKind>,
    pub communes: Vec<String>,
    pub labels: Vec<String>,
    pub esus: bool,
    /// Levels of the HQS label (`or`, `argent`, `bronze`, `sans-niveau`); `hqs=tous` in the
    /// address asks for them all.
    pub hqs: Vec<String>,
    /// An HQS requirement profile the results must satisfy (by their declared facts).
    pub profile: Option<String>,
    /// The commune (INSEE code) the distance is measured from, when chosen by name.
    pub near_commune: Option<String>,
    /// Where distances are measured from: the commune's centre, or the buyer's position.
    pub origin: Option<Point>,
    pub radius_km: Option<u32>,
    pub sort: Sort,
    pub page: u32,
}

impl SearchQuery {
    /// Reads the parameters of an address. Unknown values are dropped (an old shared link
    /// still opens); the text is trimmed and bounded.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self { page: 1, ..Self::default() };
        let mut lat = None;
        let mut lng = None;
        for (key, value) in pairs {
            let Some(param) = Param::from_code(key) else { continue };
            let value = value.trim();
            match param {
                Param::Text => query.text = value.chars().take(200).collect(),
                Param::Target => {
                    query.target =
                        if value == "structures" { Target::Structures } else { Target::Offers }
                }
                Param::Kind => query.kinds.extend(StructureKind::parse(value).ok()),
                Param::Family => query.families.extend(Family::from_code(value)),
                Param::Sector if Sector::find(value).is_some() => {
                    query.sectors.push(value.to_owned())
                }
                Param::Service => query.services.extend(ServiceKind::parse(value).ok()),
                Param::Commune if InseeCode::parse(value).is_ok() => {
                    query.communes.push(value.to_owned())
                }
                // No label name holds a backslash or a control character; dropped, they can
                // neither break nor bend the index's filter.
                // Trimmed once cleaned: a backslash before a no-break space leaves no label.
                Param::Label => {
                    let clean: String =
                        value.chars().filter(|c| *c != '\\' && !c.is_control()).take(120).collect();
                    let clean = clean.trim();
                    if !clean.is_empty() {
                        query.labels.push(clean.to_owned());
                    }
                }
                Param::Esus => query.esus = matches!(value, "1" | "oui" | "on" | "true"),
                Param::Hqs if value == HQS_ALL => {
                    query.hqs.extend(INDEX_VALUES.iter().map(|v| (*v).to_owned()))
                }
                Param::Hqs if INDEX_VALUES.contains(&value) => query.hqs.push(value.to_owned()),
                Param::Profile
                    if !value.is_empty()
                        && value.len() <= 64
                        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
                {
                    query.profile = Some(value.to_owned());
                }
                Param::NearCommune if commune_centres::centre(value).is_some() => {
                    query.near_commune = Some(value.to_owned());
                }
                Param::Lat => {
                    lat = value
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|v| (-90.0..=90.0).contains(v))
                }
                Param::Lng => {
                    lng = value
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|v| (-180.0..=180.0).contains(v))
                }
                Param::Radius => {
                    query.radius_km =
                        value.parse::<u32>().ok().filter(|km| (1..=MAX_RADIUS_KM).contains(km))
                }
                Param::Sort => {
                    query.sort = match value {
                        "nom" => Sort::Name,
                        "recent" => Sort::Recent,
                        "distance" => Sort::Distance,
                        _ => Sort::Relevance,
                    }
                }
                Param::Page => {
                    query.page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .unwrap_or(1)
                }
                // A value the checks above refused: dropped.
                Param::Sector
                | Param::Commune
                | Param::Hqs
                | Param::Profile
                | Param::NearCommune => {}
            }
        }
        query.origin = match (lat, lng) {
            (Some(lat), Some(lng)) => Some(Point { lat, lng }),
            _ => query
                .near_commune
                .as_deref()
                .and_then(commune_centres::centre)
                .map(|(lat, lng)| Point { lat, lng }),
        };
        if query.origin.is_none() {
            query.radius_km = None;
            if query.sort == Sort::Distance {
                query.sort = Sort::Relevance;
            }
        }
        for list in [&mut query.sectors, &mut query.communes, &mut query.labels, &mut query.hqs] {
            list.sort();
            list.dedup();
            list.truncate(MAX_VALUES);
        }
        query.kinds.sort();
        query.kinds.dedup();
        query.families.sort_by_key(|f| f.code());
        query.families.dedup();
        query.services.sort_by_key(|s| s.code());
        query.services.dedup();
        query
    }

    /// The address parameters of this search, in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.target == Target::Structures {
            pairs.push((Param::Target.code(), "structures".to_owned()));
        }
        if !self.text.is_empty() {
            pairs.push((Param::Text.code(), self.text.clone()));
        }
        pairs.extend(self.kinds.iter().map(|k| (Param::Kind.code(), k.code().to_owned())));
        pairs.extend(self.families.iter().map(|f| (Param::Family.code(), f.code().to_owned())));
        pairs.extend(self.sectors.iter().map(|s| (Param::Sector.code(), s.clone())));
        pairs.extend(self.services.iter().map(|s| (Param::Service.code(), s.code().to_owned())));
        pairs.extend(self.communes.iter().map(|c| (Param::Commune.code(), c.clone())));
        pairs.extend(self.labels.iter().map(|l| (Param::Label.code(), l.clone())));
        if self.esus {
            pairs.push((Param::Esus.code(), "1".to_owned()));
        }
        pairs.extend(self.hqs.iter().map(|l| (Param::Hqs.code(), l.clone())));
        if let Some(profile) = &self.profile {
            pairs.push((Param::Profile.code(), profile.clone()));
        }
        match (&self.near_commune, &self.origin) {
            (Some(code), _) => pairs.push((Param::NearCommune.code(), code.clone())),
            (None, Some(point)) => {
                pairs.push((Param::Lat.code(), format!("{:.5}", point.lat)));
                pairs.push((Param::Lng.code(), format!("{:.5}", point.lng)));
            }
            _ => {}
        }
        if let Some(km) = self.radius_km {
            pairs.push((Param::Radius.code(), km.to_string()));
        }
        match self.sort {
            Sort::Relevance => {}
            Sort::Name => pairs.push((Param::Sort.code(), "nom".to_owned())),
            Sort::Recent => pairs.push((Param::Sort.code(), "recent".to_owned())),
            Sort::Distance => pairs.push((Param::Sort.code(), "distance".to_owned())),
        }
        if self.page > 1 {
            pairs.push((Param::Page.code(), self.page.to_string()));
        }
        pairs
    }

    /// The address's query string of this search (`q=jardin&secteur=espaces-verts`).
    pub fn query_string(&self) -> String {
        self.to_pairs()
            .into_iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether anything narrows the search beyond its text.
    pub fn has_filters(&self) -> bool {
        !(self.kinds.is_empty()
            && self.families.is_empty()
            && self.sectors.is_empty()
            && self.services.is_empty()
            && self.communes.is_empty()
            && self.labels.is_empty()
            && !self.esus
            && self.hqs.is_empty()
            && self.profile.is_none()
            && self.radius_km.is_none())
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_round_trips() {
        let query = SearchQuery::from_pairs([
            ("q", " jardinage "),
            ("type", "ESAT"),
            ("type", "aci"),
            ("secteur", "espaces-verts"),
            ("famille", "handicap"),
            ("pres_de", "38185"),
            ("rayon", "10"),
            ("tri", "distance"),
            ("page", "2"),
        ]);
        assert_eq!(query.text, "jardinage");
        assert_eq!(query.kinds, vec![StructureKind::Aci, StructureKind::Esat]);
        assert_eq!(query.origin, Some(Point { lat: 45.188, lng: 5.724 }));
        assert_eq!(query.sort, Sort::Distance);
        let again = SearchQuery::from_pairs(query.to_pairs().iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, query);
        assert_eq!(
            SearchQuery::from_pairs([("q", "ça & là"), ("secteur", "espaces-verts")])
                .query_string(),
            "q=%C3%A7a%20%26%20l%C3%A0&secteur=espaces-verts"
        );
    }

    #[test]
    fn unknown_values_are_dropped_and_distance_needs_a_point() {
        let query = SearchQuery::from_pairs([
            ("type", "SARL"),
            ("secteur", "astronautique"),
            ("commune", "x"),
            ("rayon", "10"),
            ("tri", "distance"),
            ("page", "-3"),
        ]);
        assert!(query.kinds.is_empty() && query.sectors.is_empty() && query.communes.is_empty());
        assert_eq!(query.radius_km, None, "no radius without a point");
        assert_eq!(query.sort, Sort::Relevance);
        assert_eq!(query.page, 1);
        assert!(!query.has_filters());
    }

    #[test]
    fn a_label_loses_backslashes_and_control_characters() {
        let query = SearchQuery::from_pairs([
            ("label", "Commerce \\équitable\u{1}"),
            ("label", "\\"),
            ("label", "\u{2}"),
            ("label", "\\\u{a0}"),
        ]);
        assert_eq!(query.labels, ["Commerce équitable"]);
    }

    #[test]
    fn a_filter_keeps_at_most_fifty_values() {
        let communes: Vec<String> = (0..500).map(|i| format!("38{i:03}")).collect();
        let labels: Vec<String> = (0..500).map(|i| format!("Label {i}")).collect();
        let pairs = communes
            .iter()
            .map(|c| ("commune", c.as_str()))
            .chain(labels.iter().map(|l| ("label", l.as_str())));
        let query = SearchQuery::from_pairs(pairs);
        assert_eq!(query.communes.len(), MAX_VALUES);
        assert_eq!(query.labels.len(), MAX_VALUES);
    }
}
