//! The partnership's secret: a value made of too few buyers is shown as « secret », and so
//! is any value from which a secret one could be computed back.
//!
//! **Primary rule.** A value is secret when fewer than three distinct buyers make it (one
//! or two: each of two buyers would read the other's figure), or when one or two *private*
//! buyers are among them. The second condition exists because public buyers' contracts
//! are published as open data (DECP): subtracting them from a cell with three public buyers
//! and one private one would give the private buyer's figure.
//!
//! **Secondary rule.** A table that shows its total gives away the sum of its secret rows
//! (the total minus the rows shown). So the secret rows of a table are taken together: while
//! the buyers of all of them, as one set, would themselves break the primary rule, the shown
//! row with the smallest amount is made secret too. With one secret row, that is always one
//! more row; with several secret rows of distinct buyers, none may be needed.
//!
//! A table without a total (the trend over the years) needs only the primary rule.

use std::collections::BTreeSet;

/// The buyers that make a value: all of them, and the private ones among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contributors {
    pub buyers: BTreeSet<String>,
    pub private: BTreeSet<String>,
}

impl Contributors {
    pub fn add(&mut self, buyer: &str, private: bool) {
        self.buyers.insert(buyer.to_owned());
        if private {
            self.private.insert(buyer.to_owned());
        }
    }

    pub fn merge(&mut self, other: &Self) {
        self.buyers.extend(other.buyers.iter().cloned());
        self.private.extend(other.private.iter().cloned());
    }

    /// The primary rule: nothing bought (zero) is no secret.
    pub fn too_few(&self) -> bool {
        let (all, private) = (self.buyers.len(), self.private.len());
        (1..3).contains(&all) || (1..3).contains(&private)
    }
}

/// Which rows of a table are secret. `rows`: each row's contributors and amount (the row
/// suppressed first is the smallest); `total`: the total's contributors when the table
/// shows it (the secondary rule applies then, to the rows where `in_total` is true).
pub fn secret_rows(
    rows: &[(Contributors, i64)],
    total: Option<&Contributors>,
    in_total: &[bool],
) -> Vec<bool> {
    let mut secret: Vec<bool> = rows.iter().map(|(c, _)| c.too_few()).collect();
    if total.is_none_or(Contributors::too_few) {
        return secret;
    }
    let counted = |i: usize| in_total.get(i).copied().unwrap_or(true);
    loop {
        let mut union = Contributors::default();
        for (i, (c, _)) in rows.iter().enumerate() {
            if secret[i] && counted(i) {
                union.merge(c);
            }
        }
        if !union.too_few() {
            return secret;
        }
        // The complement of the secret rows in the total is what the shown rows give away:
        // one more row joins the secret ones.
        let next = rows
            .iter()
            .enumerate()
            .filter(|(i, (c, _))| !secret[*i] && counted(*i) && !c.buyers.is_empty())
            .min_by_key(|(i, (_, amount))| (*amount, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => secret[i] = true,
            None => return secret,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(buyers: &[&str], private: &[&str]) -> Contributors {
        let mut c = Contributors::default();
        for b in buyers {
            c.add(b, private.contains(b));
        }
        c
    }

    #[test]
    fn the_primary_rule_counts_buyers_and_private_buyers() {
        assert!(!of(&[], &[]).too_few(), "nothing bought is no secret");
        assert!(of(&["a"], &[]).too_few());
        assert!(of(&["a", "b"], &[]).too_few());
        assert!(!of(&["a", "b", "c"], &[]).too_few());
        assert!(of(&["a", "b", "c", "p"], &["p"]).too_few(), "open data gives the rest");
        assert!(!of(&["a", "p", "q", "r"], &["p", "q", "r"]).too_few());
    }

    #[test]
    fn one_secret_row_takes_the_smallest_shown_row_with_it() {
        let rows = vec![
            (of(&["a", "b", "c"], &[]), 500),
            (of(&["d"], &[]), 100),
            (of(&["a", "e", "f"], &[]), 200),
            (of(&["b", "c", "e"], &[]), 900),
        ];
        let total = of(&["a", "b", "c", "d", "e", "f"], &[]);
        // Without the total, only the row of one buyer.
        assert_eq!(secret_rows(&rows, None, &[]), [false, true, false, false]);
        // With it, the smallest other row too: d's figure is no longer total − shown rows.
        assert_eq!(secret_rows(&rows, Some(&total), &[]), [false, true, true, false]);
    }

    #[test]
    fn secret_rows_of_three_buyers_together_need_nothing_more() {
        let rows = vec![
            (of(&["a"], &[]), 10),
            (of(&["b"], &[]), 20),
            (of(&["c"], &[]), 30),
            (of(&["d", "e", "f"], &[]), 40),
        ];
        let total = of(&["a", "b", "c", "d", "e", "f"], &[]);
        assert_eq!(secret_rows(&rows, Some(&total), &[]), [true, true, true, false]);
    }

    #[test]
    fn a_secret_total_protects_its_rows_by_itself() {
        let rows = vec![(of(&["a"], &[]), 10), (of(&["b"], &[]), 20)];
        let total = of(&["a", "b"], &[]);
        assert_eq!(secret_rows(&rows, Some(&total), &[]), [true, true]);
    }
}
