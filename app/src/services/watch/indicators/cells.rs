//! The reads' rows added up into cells: each group's sums and the buyers who make it, then
//! the figures shown, with the secret applied (see `domain::watch::indicators::secrecy`).

use std::collections::BTreeMap;

use super::snapshot::{BuyerCell, SupplierCounts};
use crate::domain::watch::indicators::{
    Figures, Hours, Part, Shown,
    figures::Secret,
    secrecy::{Contributors, secret_rows},
};

/// Total, social, clause, criterion, reserved, ESS, SIAE, handicap, hours.
pub const GROUPS: usize = 9;
const HOURS: usize = 8;

/// One cell before the secret: its sums, and who makes each group.
#[derive(Debug, Clone, Default)]
pub struct Acc {
    pub parts: [Part; 8],
    pub hours: Hours,
    pub who: [Contributors; GROUPS],
    /// A buyer's name, for the rows of the breakdown by buyer.
    pub name: String,
}

impl Acc {
    fn add(&mut self, b: &BuyerCell) {
        let private = b.private == 1;
        let sums = [
            (b.contracts, b.amount),
            (b.social_n, b.social_a),
            (b.clause_n, b.clause_a),
            (b.criterion_n, b.criterion_a),
            (b.reserved_n, b.reserved_a),
            (b.ess_n, b.ess_a),
            (b.siae_n, b.siae_a),
            (b.handicap_n, b.handicap_a),
        ];
        for (g, (n, a)) in sums.into_iter().enumerate() {
            self.parts[g].contracts += n;
            self.parts[g].amount_cents += a;
            if n > 0 {
                self.who[g].add(&b.buyer, private);
            }
        }
        self.hours.asked += b.asked;
        self.hours.done += b.done;
        if b.asked > 0 || b.done > 0 {
            self.who[HOURS].add(&b.buyer, private);
        }
        if self.name.is_empty() || b.buyer_name < self.name {
            self.name.clone_from(&b.buyer_name);
        }
    }

    fn suppliers(&mut self, s: &SupplierCounts) {
        let counts = [
            s.every_s,
            s.social_s,
            s.clause_s,
            s.criterion_s,
            s.reserved_s,
            s.ess_s,
            s.siae_s,
            s.handicap_s,
        ];
        for (part, n) in self.parts.iter_mut().zip(counts) {
            part.suppliers = n;
        }
    }

    fn amount(&self, g: usize) -> i64 {
        if g == HOURS { self.hours.asked } else { self.parts[g].amount_cents }
    }

    /// The figures, with `secret` groups hidden.
    pub fn figures(&self, secret: &[bool; GROUPS]) -> Figures {
        let mut parts = [Shown::Secret(Secret::Secret); 8];
        for (g, shown) in parts.iter_mut().enumerate() {
            if !secret[g] {
                let mut part = self.parts[g];
                part.buyers = i64::try_from(self.who[g].buyers.len()).unwrap_or(i64::MAX);
                *shown = Shown::Value(part);
            }
        }
        let hours = if secret[HOURS] {
            Shown::Secret(Secret::Secret)
        } else {
            let buyers = i64::try_from(self.who[HOURS].buyers.len()).unwrap_or(i64::MAX);
            Shown::Value(Hours { buyers, ..self.hours })
        };
        Figures::new(parts, hours)
    }
}

/// The cells of a read, by (side, key).
pub fn add_up(
    cells: &[BuyerCell],
    suppliers: &[SupplierCounts],
) -> BTreeMap<(String, String), Acc> {
    let mut map: BTreeMap<(String, String), Acc> = BTreeMap::new();
    for b in cells {
        map.entry((b.side.clone(), b.key.clone())).or_default().add(b);
    }
    for s in suppliers {
        if let Some(acc) = map.get_mut(&(s.side.clone(), s.key.clone())) {
            acc.suppliers(s);
        }
    }
    map
}

/// Within a cell: the social considerations' kinds would give one another away through the
/// social total.
fn within(acc: &Acc, secret: &mut [bool; GROUPS]) {
    let kinds: Vec<(Contributors, i64)> =
        (2..5).map(|g| (acc.who[g].clone(), acc.amount(g))).collect();
    let social = (!secret[1]).then_some(&acc.who[1]);
    for (i, s) in secret_rows(&kinds, social, &[]).into_iter().enumerate() {
        secret[2 + i] |= s;
    }
}

/// Which groups of each row are secret: `total` is the table's shown total (the secondary
/// rule applies to the rows where `in_total`). Nothing is secret when `secret_on` is false.
pub fn secrets(
    rows: &[&Acc],
    total: Option<&Acc>,
    in_total: &[bool],
    secret_on: bool,
) -> Vec<[bool; GROUPS]> {
    let mut out = vec![[false; GROUPS]; rows.len()];
    if !secret_on {
        return out;
    }
    for g in 0..GROUPS {
        let column: Vec<(Contributors, i64)> =
            rows.iter().map(|a| (a.who[g].clone(), a.amount(g))).collect();
        let decided = secret_rows(&column, total.map(|t| &t.who[g]), in_total);
        for (row, s) in out.iter_mut().zip(decided) {
            row[g] = s;
        }
    }
    for (acc, secret) in rows.iter().zip(out.iter_mut()) {
        within(acc, secret);
    }
    out
}

/// A table's total: the primary rule and the kinds within it.
pub fn total_secret(acc: &Acc, secret_on: bool) -> [bool; GROUPS] {
    secrets(&[acc], None, &[], secret_on).pop().unwrap_or([false; GROUPS])
}
