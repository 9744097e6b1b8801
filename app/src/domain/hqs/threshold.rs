//! The thresholds a profile sets on its criteria, and how strict one is compared to another.

use serde::{Deserialize, Serialize};

use super::insertion_hours::Clause;

/// A criterion's threshold in a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Threshold {
    None,
    /// Minimum share of the workforce, in percent (1–100).
    Percent {
        min: u8,
    },
    /// The clause whose hours the supplier must be able to perform.
    Hours {
        clause: Clause,
    },
    /// In one of these communes (INSEE codes), or within `km` of `origin` (a commune's INSEE
    /// code); at least one of the two is set.
    Place {
        communes: Vec<String>,
        km: Option<u32>,
        origin: Option<String>,
    },
    /// One of these labels (codes of the known labels).
    Labels {
        codes: Vec<String>,
    },
}

/// How a threshold compares to another of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strictness {
    Same,
    Stricter,
    Looser,
    /// Neither includes the other (two different lists of communes, for example).
    Different,
}

fn set_strictness(mine: &[String], theirs: &[String]) -> Strictness {
    let within = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
    match (within(mine, theirs), within(theirs, mine)) {
        (true, true) => Strictness::Same,
        // Fewer accepted values: harder to meet.
        (true, false) => Strictness::Stricter,
        (false, true) => Strictness::Looser,
        (false, false) => Strictness::Different,
    }
}

fn order<T: PartialOrd>(mine: T, theirs: T, higher_is_stricter: bool) -> Strictness {
    if mine == theirs {
        Strictness::Same
    } else if (mine > theirs) == higher_is_stricter {
        Strictness::Stricter
    } else {
        Strictness::Looser
    }
}

impl Threshold {
    /// How `self` compares to `other`; `Different` when they are not of the same kind.
    pub fn compare(&self, other: &Threshold) -> Strictness {
        match (self, other) {
            (Self::None, Self::None) => Strictness::Same,
            (Self::Percent { min: a }, Self::Percent { min: b }) => order(a, b, true),
            (Self::Hours { clause: a }, Self::Hours { clause: b }) => {
                order(a.hours(), b.hours(), true)
            }
            (Self::Labels { codes: a }, Self::Labels { codes: b }) => set_strictness(a, b),
            (
                Self::Place { communes: ca, km: ka, origin: oa },
                Self::Place { communes: cb, km: kb, origin: ob },
            ) => {
                let communes = set_strictness(ca, cb);
                let distance = match (ka, kb) {
                    (Some(a), Some(b)) if oa == ob => order(a, b, false),
                    (None, None) => Strictness::Same,
                    _ => Strictness::Different,
                };
                match (communes, distance) {
                    (a, b) if a == b => a,
                    (Strictness::Same, b) => b,
                    (a, Strictness::Same) => a,
                    _ => Strictness::Different,
                }
            }
            _ => Strictness::Different,
        }
    }

    /// The loosest of two thresholds of the same kind: what both profiles at least require.
    /// `None` when no threshold is looser than both (different kinds or origins).
    pub fn loosest(&self, other: &Threshold) -> Option<Threshold> {
        match (self, other) {
            (Self::None, Self::None) => Some(Self::None),
            (Self::Percent { min: a }, Self::Percent { min: b }) => {
                Some(Self::Percent { min: *a.min(b) })
            }
            (Self::Hours { clause: a }, Self::Hours { clause: b }) => {
                Some(Self::Hours { clause: if a.hours() <= b.hours() { *a } else { *b } })
            }
            (Self::Labels { codes: a }, Self::Labels { codes: b }) => {
                let mut codes = a.clone();
                codes.extend(b.iter().filter(|c| !a.contains(c)).cloned());
                Some(Self::Labels { codes })
            }
            (
                Self::Place { communes: ca, km: ka, origin: oa },
                Self::Place { communes: cb, km: kb, origin: ob },
            ) => {
                let mut communes = ca.clone();
                communes.extend(cb.iter().filter(|c| !ca.contains(c)).cloned());
                let km = match (ka, kb) {
                    (Some(a), Some(b)) if oa == ob => Some(*a.max(b)),
                    (None, None) => None,
                    _ => return None,
                };
                Some(Self::Place {
                    communes,
                    km,
                    origin: if km.is_some() { oa.clone() } else { None },
                })
            }
            _ => None,
        }
    }

    /// The threshold in a few French words, for tables and verdicts.
    pub fn describe(&self) -> String {
        match self {
            Self::None => "—".to_owned(),
            Self::Percent { min } => format!("au moins {min} %"),
            Self::Hours { clause } => format!("{} h d'insertion", clause.hours()),
            Self::Place { communes, km, origin } => {
                let mut parts = Vec::new();
                if !communes.is_empty() {
                    let names: Vec<&str> = communes
                        .iter()
                        .map(|c| {
                            crate::domain::directory::communes::find(c)
                                .map_or(c.as_str(), |c| c.name)
                        })
                        .collect();
                    parts.push(format!("à {}", names.join(", ")));
                }
                if let (Some(km), Some(origin)) = (km, origin) {
                    let name = crate::domain::directory::communes::find(origin)
                        .map_or(origin.as_str(), |c| c.name);
                    parts.push(format!("à moins de {km} km de {name}"));
                }
                parts.join(" ou ")
            }
            Self::Labels { codes } => {
                let names: Vec<&str> = codes
                    .iter()
                    .map(|c| {
                        crate::domain::directory::KnownCertification::find(c)
                            .map_or(c.as_str(), |l| l.name)
                    })
                    .collect();
                names.join(" ou ")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_higher_share_is_stricter_and_the_loosest_is_the_lower() {
        let a = Threshold::Percent { min: 60 };
        let b = Threshold::Percent { min: 50 };
        assert_eq!(a.compare(&b), Strictness::Stricter);
        assert_eq!(b.compare(&a), Strictness::Looser);
        assert_eq!(a.loosest(&b), Some(b));
    }

    #[test]
    fn fewer_labels_or_communes_are_stricter() {
        let few = Threshold::Labels { codes: vec!["rge".into()] };
        let more = Threshold::Labels { codes: vec!["rge".into(), "lucie".into()] };
        assert_eq!(few.compare(&more), Strictness::Stricter);
        let other = Threshold::Labels { codes: vec!["b-corp".into()] };
        assert_eq!(few.compare(&other), Strictness::Different);
        assert_eq!(
            few.loosest(&other),
            Some(Threshold::Labels { codes: vec!["rge".into(), "b-corp".into()] })
        );
    }

    #[test]
    fn a_shorter_distance_from_the_same_place_is_stricter() {
        let near =
            Threshold::Place { communes: vec![], km: Some(10), origin: Some("38185".into()) };
        let far = Threshold::Place { communes: vec![], km: Some(30), origin: Some("38185".into()) };
        assert_eq!(near.compare(&far), Strictness::Stricter);
        assert_eq!(near.loosest(&far), Some(far));
    }
}
