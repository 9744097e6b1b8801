//! The figures of one cell of the dashboard (a period, a row of a breakdown), each group of
//! them shown or « secret ».

use serde::{Deserialize, Serialize};

/// A value, or « secret » when too few buyers make it (see [`super::secrecy`]). In JSON: the
/// value, or the string `"secret"`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Shown<T> {
    Value(T),
    Secret(Secret),
}

/// The mark of a secret value: `"secret"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Secret {
    Secret,
}

impl<T: Copy> Shown<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            Self::Value(v) => Some(*v),
            Self::Secret(_) => None,
        }
    }

    pub fn is_secret(&self) -> bool {
        matches!(self, Self::Secret(_))
    }
}

pub const SECRET: &str = "secret";

/// Contracts (purchase lines) and what they amount to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Part {
    pub contracts: i64,
    /// Excluding tax.
    pub amount_cents: i64,
    /// Distinct buyers.
    pub buyers: i64,
    /// Distinct suppliers.
    pub suppliers: i64,
}

/// Insertion hours the clauses ask for, and those declared done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Hours {
    pub asked: i64,
    pub done: i64,
    pub buyers: i64,
}

/// The groups of figures, each shown or secret on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::VariantArray)]
pub enum Group {
    Total,
    Social,
    Clause,
    Criterion,
    Reserved,
    Ess,
    Siae,
    Handicap,
    Hours,
}

/// Shares, from 0 to 1; `None` when a part is secret or nothing was bought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Shares {
    /// PNAD: contracts with at least one social consideration, by number.
    pub social_by_count: Option<f64>,
    pub social_by_amount: Option<f64>,
    pub clause_by_count: Option<f64>,
    pub criterion_by_count: Option<f64>,
    pub reserved_by_count: Option<f64>,
    /// Spend with the directory's structures (ESS), SIAE, handicap structures, by amount.
    pub ess_by_amount: Option<f64>,
    pub siae_by_amount: Option<f64>,
    pub handicap_by_amount: Option<f64>,
    /// Insertion hours done over hours asked.
    pub hours_done: Option<f64>,
}

/// One cell's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Figures {
    pub total: Shown<Part>,
    /// Contracts with at least one social consideration.
    pub social: Shown<Part>,
    pub clause: Shown<Part>,
    pub criterion: Shown<Part>,
    pub reserved: Shown<Part>,
    /// Bought from a structure of the directory.
    pub ess: Shown<Part>,
    pub siae: Shown<Part>,
    pub handicap: Shown<Part>,
    pub hours: Shown<Hours>,
    pub shares: Shares,
}

fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Figures {
    /// The figures with their shares computed.
    pub fn new(parts: [Shown<Part>; 8], hours: Shown<Hours>) -> Self {
        let [total, social, clause, criterion, reserved, ess, siae, handicap] = parts;
        let t = total.value();
        let count =
            |p: Shown<Part>| t.zip(p.value()).and_then(|(t, p)| ratio(p.contracts, t.contracts));
        let amount = |p: Shown<Part>| {
            t.zip(p.value()).and_then(|(t, p)| ratio(p.amount_cents, t.amount_cents))
        };
        let shares = Shares {
            social_by_count: count(social),
            social_by_amount: amount(social),
            clause_by_count: count(clause),
            criterion_by_count: count(criterion),
            reserved_by_count: count(reserved),
            ess_by_amount: amount(ess),
            siae_by_amount: amount(siae),
            handicap_by_amount: amount(handicap),
            hours_done: hours.value().and_then(|h| ratio(h.done, h.asked)),
        };
        Self { total, social, clause, criterion, reserved, ess, siae, handicap, hours, shares }
    }

    /// The part of a group (not the hours).
    pub fn part(&self, group: Group) -> Shown<Part> {
        match group {
            Group::Total | Group::Hours => self.total,
            Group::Social => self.social,
            Group::Clause => self.clause,
            Group::Criterion => self.criterion,
            Group::Reserved => self.reserved,
            Group::Ess => self.ess,
            Group::Siae => self.siae,
            Group::Handicap => self.handicap,
        }
    }
}

/// `12,5 %`, or « secret ».
pub fn percent(share: Option<f64>, secret: bool) -> String {
    match share {
        _ if secret => SECRET.to_owned(),
        None => "—".to_owned(),
        Some(s) => format!("{:.1} %", s * 100.0).replace('.', ","),
    }
}
