//! Group purchases (« achats groupés interentreprises »): the lead buyer pools its need, other
//! verified buyers join it with their quantities, sites and budget share until a day; the
//! consultation runs once for the total, and the award is split into one purchase per member.

use serde::{Deserialize, Serialize};

use super::{budget::parse_euros, lots::Lot};
use crate::domain::{
    FieldErrors,
    calendar::Day,
    directory::{
        Siret,
        text::{optional_date, optional_decimal, optional_text},
    },
};

/// How long ahead a joining day may be set.
pub const MAX_JOIN_DAYS: i64 = 365;
/// Buyers in one group purchase, the lead included.
pub const MAX_MEMBERS: usize = 30;
pub const MAX_SITES_CHARS: usize = 500;

/// The lead's form: until when others may join, and whether any verified buyer may.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolForm {
    pub join_until: String,
    /// `on` when any verified buyer may join (otherwise only those invited).
    pub open_to_all: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pool {
    pub join_until: Day,
    pub open_to_all: bool,
}

impl Pool {
    /// The joining day must come, within a year, and not after the need's answer deadline.
    pub fn parse(form: &PoolForm, today: Day, deadline: Option<Day>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let day = errors.check(
            "join_until",
            optional_date(&form.join_until).and_then(|d| {
                d.and_then(|iso| Day::parse(&iso)).ok_or_else(|| {
                    "Indiquez jusqu'à quel jour d'autres acheteurs peuvent se joindre.".to_owned()
                })
            }),
        );
        if let Some(day) = day {
            if day < today {
                errors
                    .add("join_until", "Ce jour est passé : choisissez aujourd'hui ou plus tard.");
            } else if today.days_until(day) > MAX_JOIN_DAYS {
                errors.add("join_until", "Choisissez un jour dans l'année qui vient.");
            } else if deadline.is_some_and(|d| day > d) {
                errors.add(
                    "join_until",
                    "Les acheteurs se joignent avant la date limite de réponse du besoin.",
                );
            }
        }
        match day {
            Some(join_until) if errors.is_empty() => {
                Ok(Self { join_until, open_to_all: form.open_to_all == "on" })
            }
            _ => Err(errors),
        }
    }
}

/// The lead's invitation: the SIRET of the buying entity it invites.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub siret: String,
}

/// A member's share as typed: one quantity per lot, in the lots' order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShareForm {
    pub quantity: Vec<String>,
    pub sites: String,
    pub budget_share: String,
}

/// A member's share, typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub quantities: Vec<f64>,
    pub sites: String,
    pub budget_share_cents: Option<i64>,
}

impl Share {
    /// Errors go to `quantity_N` (from 1), `quantities` (none at all), `sites` and
    /// `budget_share`.
    pub fn parse(form: &ShareForm, lots: &[Lot]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if form.quantity.len() > lots.len() {
            errors.add("quantities", "Une quantité est donnée pour un lot qui n'existe pas.");
        }
        let mut quantities = Vec::with_capacity(lots.len());
        for (i, _) in lots.iter().enumerate() {
            let typed = form.quantity.get(i).map_or("", String::as_str);
            let field = format!("quantity_{}", i + 1);
            let q = errors.check(&field, optional_decimal(typed, 0.0, 1e9)).flatten();
            quantities.push(q.unwrap_or(0.0));
        }
        if errors.is_empty() && quantities.iter().all(|q| *q <= 0.0) {
            errors.add("quantities", "Indiquez la quantité d'au moins un lot.");
        }
        let sites =
            errors.check("sites", optional_text(&form.sites, MAX_SITES_CHARS, true)).flatten();
        if sites.is_none() && errors.get("sites").is_none() {
            errors.add("sites", "Indiquez vos sites de livraison ou d'exécution.");
        }
        let budget = form.budget_share.trim();
        let budget_share_cents = if budget.is_empty() {
            None
        } else {
            errors.check("budget_share", parse_euros(budget))
        };
        match sites {
            Some(sites) if errors.is_empty() => Ok(Self { quantities, sites, budget_share_cents }),
            _ => Err(errors),
        }
    }

    /// The form filled with this share, to change it.
    pub fn to_form(&self) -> ShareForm {
        ShareForm {
            quantity: self.quantities.iter().map(|q| quantity_text(*q)).collect(),
            sites: self.sites.clone(),
            budget_share: self
                .budget_share_cents
                .map(super::budget::plain_euros)
                .unwrap_or_default(),
        }
    }

    /// The quantities read against the need's lots as they are now (lots added later count
    /// zero; lots removed are dropped).
    pub fn aligned(&self, lots: usize) -> Vec<f64> {
        (0..lots).map(|i| self.quantities.get(i).copied().unwrap_or(0.0)).collect()
    }
}

/// A quantity as a French reader writes it: no useless decimals, a comma.
pub fn quantity_text(q: f64) -> String {
    let text = format!("{q:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// Parses the invited SIRET.
pub fn invited_siret(form: &InviteForm) -> Result<Siret, FieldErrors> {
    Siret::parse(&form.siret).map_err(|e| {
        let mut errors = FieldErrors::new();
        errors.add("siret", e);
        errors
    })
}

/// The pooled quantity of each lot: the lead's (the need's lots) and every joined member's.
pub fn pooled_quantities(lots: &[Lot], members: &[Vec<f64>]) -> Vec<f64> {
    lots.iter()
        .enumerate()
        .map(|(i, lot)| {
            lot.quantity + members.iter().map(|m| m.get(i).copied().unwrap_or(0.0)).sum::<f64>()
        })
        .collect()
}

/// Splits `total` cents by `weights` so that the parts add up to it exactly (largest
/// remainders get the odd cents; ties to the earlier). Zero weights everywhere: equal parts.
pub fn split_cents(total: i64, weights: &[f64]) -> Vec<i64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let clean: Vec<f64> =
        weights.iter().map(|w| if w.is_finite() && *w > 0.0 { *w } else { 0.0 }).collect();
    let sum: f64 = clean.iter().sum();
    let clean = if sum > 0.0 { clean } else { vec![1.0; weights.len()] };
    let sum: f64 = clean.iter().sum();
    let exact: Vec<f64> = clean.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<i64> = exact.iter().map(|e| e.floor() as i64).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| {
        let ra = exact[*a] - exact[*a].floor();
        let rb = exact[*b] - exact[*b].floor();
        rb.partial_cmp(&ra).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(b))
    });
    for i in order.iter().cycle() {
        if left <= 0 {
            break;
        }
        parts[*i] += 1;
        left -= 1;
    }
    parts
}

/// A buyer's state in a group purchase.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MemberState {
    Invited,
    Joined,
    Left,
    Declined,
}

impl MemberState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Invited => "Invité",
            Self::Joined => "Membre",
            Self::Left => "Parti",
            Self::Declined => "Invitation déclinée",
        }
    }
}

/// One buyer of a group purchase, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub organisation_id: String,
    pub name: String,
    pub lead: bool,
    pub state: MemberState,
    /// One per lot of the need, in its order.
    pub quantities: Vec<f64>,
    pub sites: String,
    pub budget_share_cents: Option<i64>,
}

/// The reader's own buyer in a group purchase it may join, is invited to or belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnShare {
    pub organisation_id: String,
    pub name: String,
    /// `None`: it may join (the purchase is open to every verified buyer).
    pub state: Option<MemberState>,
    pub form: ShareForm,
}

/// A group purchase, for its buyers and the pôle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    /// `AAAA-MM-JJ`.
    pub join_until: String,
    pub open_to_all: bool,
    /// Buyers may still join, leave or change their share (before the consultation).
    pub joining: bool,
    /// The lead first, then the others by name.
    pub members: Vec<MemberView>,
    /// Pooled quantity of each lot.
    pub totals: Vec<f64>,
    /// The need's own budget (its exact amount or the top of its range) and the pooled one.
    pub lead_budget_cents: Option<i64>,
    pub pooled_budget_cents: Option<i64>,
    /// What pooling unlocks, written out with this purchase's figures.
    pub unlocks: Vec<String>,
    /// Set for the lead's writers: they invite and set the joining day.
    pub leads: bool,
    pub own: Option<OwnShare>,
}

/// What pooling changes, in sentences: the volume, the insertion hours a clause would ask
/// for (the potential's defaults), and — when the supply is known — the lever it supports
/// alone and together (lever labels).
pub fn unlocks(
    lead_budget_cents: Option<i64>,
    pooled_budget_cents: Option<i64>,
    buyers: usize,
    levers: Option<(&str, &str)>,
) -> Vec<String> {
    use super::potential::{CLAUSE_HOURLY_COST, CLAUSE_LABOUR_SHARE, CLAUSE_RATE};
    use crate::domain::hqs::insertion_hours::insertion_hours;
    let hours = |cents: i64| {
        insertion_hours(
            (cents / 100).max(0) as u64,
            CLAUSE_LABOUR_SHARE,
            CLAUSE_RATE,
            CLAUSE_HOURLY_COST,
        )
    };
    let mut lines = Vec::new();
    if let (Some(lead), Some(all)) = (lead_budget_cents, pooled_budget_cents)
        && all > lead
    {
        let ratio = format!("{:.1}", all as f64 / lead.max(1) as f64).replace('.', ",");
        lines.push(format!(
            "Volume : {buyers} acheteurs pour {} HT, au lieu de {} HT pour l'acheteur principal seul ({ratio} fois plus) — de quoi intéresser une structure qu'un petit marché ne ferait pas répondre.",
            super::budget::euros(all),
            super::budget::euros(lead),
        ));
        let (alone, together) = (hours(lead), hours(all));
        if together > alone {
            lines.push(format!(
                "Heures d'insertion partagées : une clause demanderait environ {together} heures pour l'ensemble, contre {alone} heures pour l'acheteur principal seul."
            ));
        }
    }
    match levers {
        Some((alone, together)) if alone != together => {
            lines.push(format!("Levier : « {together} » ensemble, au lieu de « {alone} » seul."));
        }
        Some((_, together)) => {
            lines.push(format!("Levier recommandé pour l'ensemble : « {together} »."))
        }
        None => {}
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lots() -> Vec<Lot> {
        vec![
            Lot { number: 1, title: "Ramettes".into(), quantity: 100.0, unit: "cartons".into() },
            Lot { number: 2, title: "Enveloppes".into(), quantity: 10.0, unit: "boîtes".into() },
        ]
    }

    #[test]
    fn a_share_asks_for_one_quantity_at_least_and_the_sites() {
        let form = ShareForm { quantity: vec![String::new(), "0".into()], ..Default::default() };
        let errors = Share::parse(&form, &lots()).expect_err("nothing asked");
        assert!(errors.get("quantities").is_some_and(|e| e.contains("au moins un lot")));
        let form = ShareForm {
            quantity: vec!["12,5".into(), "abc".into()],
            sites: "Mairie annexe, 38130 Échirolles".into(),
            budget_share: "4 000".into(),
        };
        let errors = Share::parse(&form, &lots()).expect_err("a letter");
        assert!(errors.get("quantity_2").is_some());
        let form = ShareForm { quantity: vec!["12,5".into()], ..form };
        let share = Share::parse(&form, &lots()).expect("valid");
        assert_eq!(share.quantities, vec![12.5, 0.0]);
        assert_eq!(share.budget_share_cents, Some(400_000));
        assert_eq!(Share::parse(&share.to_form(), &lots()).expect("again"), share);
        let form = ShareForm { sites: "  ".into(), ..form };
        assert!(Share::parse(&form, &lots()).expect_err("no site").get("sites").is_some());
        let form = ShareForm { quantity: vec!["1".into(); 3], sites: "x".into(), ..form };
        assert!(Share::parse(&form, &lots()).expect_err("3 for 2").get("quantities").is_some());
    }

    #[test]
    fn the_joining_day_comes_within_a_year_and_before_the_deadline() {
        let today = Day::parse("2026-12-01").expect("day");
        let form = |d: &str| PoolForm { join_until: d.into(), open_to_all: "on".into() };
        let pool = Pool::parse(&form("2026-12-15"), today, None).expect("valid");
        assert!(pool.open_to_all);
        for (day, why) in [("", "Indiquez"), ("2026-11-30", "passé"), ("2028-01-01", "année")] {
            let errors = Pool::parse(&form(day), today, None).expect_err(day);
            assert!(errors.get("join_until").is_some_and(|e| e.contains(why)), "{day}: {errors:?}");
        }
        let deadline = Day::parse("2026-12-10");
        assert!(Pool::parse(&form("2026-12-15"), today, deadline).is_err());
        assert!(
            !Pool::parse(
                &PoolForm { open_to_all: String::new(), ..form("2026-12-10") },
                today,
                deadline
            )
            .expect("ok")
            .open_to_all
        );
    }

    #[test]
    fn pooled_quantities_add_every_members_to_the_leads() {
        let totals = pooled_quantities(&lots(), &[vec![50.0], vec![25.0, 5.0, 99.0]]);
        assert_eq!(totals, vec![175.0, 15.0]);
    }

    #[test]
    fn a_split_adds_up_to_the_cent() {
        assert_eq!(split_cents(100, &[1.0, 1.0, 1.0]), vec![34, 33, 33]);
        assert_eq!(split_cents(100_000, &[3.0, 1.0]), vec![75_000, 25_000]);
        assert_eq!(split_cents(7, &[0.0, 0.0]), vec![4, 3]);
        assert_eq!(split_cents(10, &[]), Vec::<i64>::new());
        for total in [1, 99, 1_234_567, 10_000_000_000] {
            let parts = split_cents(total, &[0.2, 0.3, 0.5, f64::NAN]);
            assert_eq!(parts.iter().sum::<i64>(), total);
            assert_eq!(parts[3], 0);
        }
    }

    #[test]
    fn pooling_says_what_it_unlocks_with_the_figures() {
        let lines = unlocks(
            Some(2_000_000),
            Some(6_000_000),
            3,
            Some(("Sourcing d'abord", "Réserver un lot")),
        );
        assert!(lines[0].contains("3 acheteurs") && lines[0].contains("3,0 fois"), "{lines:?}");
        assert!(lines[1].contains("heures"), "{lines:?}");
        assert!(lines[2].contains("« Réserver un lot » ensemble"), "{lines:?}");
        assert_eq!(unlocks(None, None, 1, None), Vec::<String>::new());
    }

    #[test]
    fn quantities_are_written_the_french_way() {
        assert_eq!(quantity_text(12.5), "12,5");
        assert_eq!(quantity_text(100.0), "100");
        assert_eq!(quantity_text(0.125), "0,125");
    }
}
