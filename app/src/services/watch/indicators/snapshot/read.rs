//! The reads of the dashboard over the ledger's copy: for each row and buyer, the sums of
//! each group, from which the service adds rows up and knows which buyers make each value
//! (the secret needs those sets, not their counts); and for each row, the distinct
//! suppliers of each group, which cannot be added up across buyers.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    Ledger,
    build::{self, CLAUSE, CRITERION, Kind, Line, RESERVED, handicap_bits, siae_bits},
    filter::Test,
    interner::{Interner, NONE},
};
use crate::domain::watch::indicators::{Dimension, Filters, Period};

/// Whose lines a read takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// One buyer organisation's.
    Organisation(String),
    /// Every buyer's.
    All,
    /// Public buyers' only.
    Public,
}

/// What the rows of a read are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One row: the total.
    Total,
    /// A row per year, every year (the trend).
    Years,
    /// The breakdown; `own`: a buyer's own view (by buying entity, not by buyer).
    By(Dimension, bool),
}

/// One read: whose lines, which period (and the one compared with), the filters.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    pub lines: &'a Lines,
    pub filters: &'a Filters,
    /// `None`: every year.
    pub period: Option<Period>,
    pub previous: Option<Period>,
    pub rows: Rows,
}

/// A row's figures for one buyer. `side`: `c` for the period, `p` for the one before.
#[derive(Debug, Clone, Default)]
pub struct BuyerCell {
    pub side: String,
    pub key: String,
    pub buyer: String,
    pub private: i64,
    pub buyer_name: String,
    pub contracts: i64,
    pub amount: i64,
    pub social_n: i64,
    pub social_a: i64,
    pub clause_n: i64,
    pub clause_a: i64,
    pub criterion_n: i64,
    pub criterion_a: i64,
    pub reserved_n: i64,
    pub reserved_a: i64,
    pub ess_n: i64,
    pub ess_a: i64,
    pub siae_n: i64,
    pub siae_a: i64,
    pub handicap_n: i64,
    pub handicap_a: i64,
    pub asked: i64,
    pub done: i64,
}

/// A row's distinct suppliers, per group.
#[derive(Debug, Clone, Default)]
pub struct SupplierCounts {
    pub side: String,
    pub key: String,
    pub every_s: i64,
    pub social_s: i64,
    pub clause_s: i64,
    pub criterion_s: i64,
    pub reserved_s: i64,
    pub ess_s: i64,
    pub siae_s: i64,
    pub handicap_s: i64,
}

/// The groups' bits of a line: social, clause, criterion, reserved, ESS, SIAE, handicap.
const GROUPS: usize = 7;
const EVERY: u8 = 1 << 7;

/// A row's key, before it is written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Empty,
    /// In the snapshot's strings.
    Text(u32),
    Year(i32),
    Quarter(u32, u32),
    Month(u32, u32),
    Kind(Kind),
    Private,
    /// In the attributes' communes.
    Commune(u32),
    /// The bit of a structure kind.
    StructureKind(u8),
}

#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    contracts: i64,
    amount: i64,
    n: [i64; GROUPS],
    a: [i64; GROUPS],
    asked: i64,
    done: i64,
    name: u32,
}

/// Keeps the first of two names in alphabetical order, as SQL's `MIN(buyer_name)` would.
fn first_name(strings: &Interner, kept: &mut u32, name: u32) {
    if *kept != name && strings.text(name) < strings.text(*kept) {
        *kept = name;
    }
}

/// The row's keys of a line (several for a structure of several kinds).
fn keys(
    rows: Rows,
    line: &Line,
    kind: Kind,
    structure: Option<&build::Structure>,
    out: &mut Vec<Key>,
) {
    out.clear();
    let dated = !line.year_only && line.day != 0;
    let (year, month) = (line.day / 10_000, line.day / 100 % 100);
    let key = match rows {
        Rows::Total => Key::Empty,
        Rows::Years | Rows::By(Dimension::Annee, _) => Key::Year(line.year),
        Rows::By(Dimension::Trimestre, _) if dated => Key::Quarter(year, month.div_ceil(3)),
        Rows::By(Dimension::Mois, _) if dated => Key::Month(year, month),
        Rows::By(Dimension::Trimestre | Dimension::Mois, _) => Key::Empty,
        Rows::By(Dimension::TypeAcheteur, _) => Key::Kind(kind),
        Rows::By(Dimension::Acheteur, true) => Key::Text(line.entity),
        Rows::By(Dimension::Acheteur, false) if kind == Kind::Private => Key::Private,
        Rows::By(Dimension::Acheteur, false) => Key::Text(line.buyer),
        Rows::By(Dimension::Cpv, _) if line.cpv == NONE => Key::Empty,
        Rows::By(Dimension::Cpv, _) => Key::Text(line.cpv),
        Rows::By(Dimension::CommuneFournisseur, _) => match structure {
            Some(s) if s.commune != NONE => Key::Commune(s.commune),
            _ => Key::Empty,
        },
        Rows::By(Dimension::CommuneExecution, _) if line.execution == NONE => Key::Empty,
        Rows::By(Dimension::CommuneExecution, _) => Key::Text(line.execution),
        Rows::By(Dimension::TypeStructure, _) => {
            // A structure of several kinds is in each kind's row; a supplier outside the
            // directory, in the row ''.
            match structure {
                Some(s) => out
                    .extend((0..64u8).filter(|i| s.kinds & (1 << i) != 0).map(Key::StructureKind)),
                None => out.push(Key::Empty),
            }
            return;
        }
    };
    out.push(key);
}

impl Ledger {
    /// The figures of each (row, buyer), and the distinct suppliers of each row.
    pub fn cells(&self, read: &Read<'_>) -> (Vec<BuyerCell>, Vec<SupplierCounts>) {
        let (s, a) = (&*self.snapshot, &self.attributes);
        let Ok(test) = Test::new(s, a, read) else { return (Vec::new(), Vec::new()) };
        let (siae, handicap) = (siae_bits(), handicap_bits());
        let mut sums: FxHashMap<(u8, Key, u32, bool), Sums> = FxHashMap::default();
        let mut suppliers: FxHashMap<(u8, Key, u32), u8> = FxHashMap::default();
        let mut keys_of_line = Vec::with_capacity(4);
        for line in &s.lines {
            let kind = a.kind(line);
            let structure = a.structure(line);
            let Some(side) = test.side(line, kind, structure) else { continue };
            let kinds = structure.map_or(0, |s| s.kinds);
            let social = line.social;
            let bits = u8::from(social != 0)
                | u8::from(social & CLAUSE != 0) << 1
                | u8::from(social & CRITERION != 0) << 2
                | u8::from(social & RESERVED != 0) << 3
                | u8::from(structure.is_some()) << 4
                | u8::from(kinds & siae != 0) << 5
                | u8::from(kinds & handicap != 0) << 6;
            keys(read.rows, line, kind, structure, &mut keys_of_line);
            for &key in &keys_of_line {
                let cell = sums
                    .entry((side, key, line.buyer, kind == Kind::Private))
                    .or_insert(Sums { name: line.buyer_name, ..Sums::default() });
                cell.contracts += 1;
                cell.amount += line.amount;
                for g in 0..GROUPS {
                    if bits & (1 << g) != 0 {
                        cell.n[g] += 1;
                        cell.a[g] += line.amount;
                    }
                }
                cell.asked += line.asked;
                cell.done += line.done;
                first_name(&s.strings, &mut cell.name, line.buyer_name);
                *suppliers.entry((side, key, line.supplier)).or_default() |= bits | EVERY;
            }
        }
        let text = |key: Key| self.key_text(key);
        let side_text = |side: u8| if side == 0 { "c" } else { "p" }.to_owned();
        let cells = sums
            .into_iter()
            .map(|((side, key, buyer, private), c)| BuyerCell {
                side: side_text(side),
                key: text(key),
                buyer: s.strings.text(buyer).to_owned(),
                private: i64::from(private),
                buyer_name: s.strings.text(c.name).to_owned(),
                contracts: c.contracts,
                amount: c.amount,
                social_n: c.n[0],
                social_a: c.a[0],
                clause_n: c.n[1],
                clause_a: c.a[1],
                criterion_n: c.n[2],
                criterion_a: c.a[2],
                reserved_n: c.n[3],
                reserved_a: c.a[3],
                ess_n: c.n[4],
                ess_a: c.a[4],
                siae_n: c.n[5],
                siae_a: c.a[5],
                handicap_n: c.n[6],
                handicap_a: c.a[6],
                asked: c.asked,
                done: c.done,
            })
            .collect();
        let mut counts: FxHashMap<(u8, Key), [i64; 8]> = FxHashMap::default();
        for ((side, key, _), bits) in suppliers {
            let row = counts.entry((side, key)).or_default();
            for (g, n) in row.iter_mut().enumerate() {
                *n += i64::from(bits & (1 << g) != 0);
            }
        }
        let counts = counts
            .into_iter()
            .map(|((side, key), n)| SupplierCounts {
                side: side_text(side),
                key: text(key),
                social_s: n[0],
                clause_s: n[1],
                criterion_s: n[2],
                reserved_s: n[3],
                ess_s: n[4],
                siae_s: n[5],
                handicap_s: n[6],
                every_s: n[7],
            })
            .collect();
        (cells, counts)
    }

    fn key_text(&self, key: Key) -> String {
        match key {
            Key::Empty => String::new(),
            Key::Text(id) => self.snapshot.strings.text(id).to_owned(),
            Key::Year(y) => y.to_string(),
            Key::Quarter(y, q) => format!("{y:04}-T{q}"),
            Key::Month(y, m) => format!("{y:04}-{m:02}"),
            Key::Kind(kind) => kind.code().to_owned(),
            Key::Private => "prive".to_owned(),
            Key::Commune(id) => self.attributes.communes.text(id).to_owned(),
            Key::StructureKind(i) => build::kind_code(i).to_owned(),
        }
    }

    /// The years the lines hold, latest first.
    pub fn years(&self, lines: &Lines) -> Vec<i32> {
        let filters = Filters::default();
        let read =
            Read { lines, filters: &filters, period: None, previous: None, rows: Rows::Years };
        let (s, a) = (&*self.snapshot, &self.attributes);
        let Ok(test) = Test::new(s, a, &read) else { return Vec::new() };
        let mut years: FxHashSet<i32> = FxHashSet::default();
        for line in &s.lines {
            if line.year != i32::MIN && test.side(line, a.kind(line), a.structure(line)).is_some() {
                years.insert(line.year);
            }
        }
        let mut years: Vec<i32> = years.into_iter().collect();
        years.sort_unstable_by(|x, y| y.cmp(x));
        years
    }

    /// The public buyers of the ledger a filter offers: (organisation id or SIRET, name),
    /// by name.
    pub fn public_buyers(&self) -> Vec<(String, String)> {
        let (s, a) = (&*self.snapshot, &self.attributes);
        let mut names: FxHashMap<u32, u32> = FxHashMap::default();
        for line in s.lines.iter().filter(|l| a.kind(l) == Kind::Public) {
            let name = names.entry(line.buyer).or_insert(line.buyer_name);
            first_name(&s.strings, name, line.buyer_name);
        }
        let mut buyers: Vec<(String, String)> = names
            .into_iter()
            .map(|(b, n)| (s.strings.text(b).to_owned(), s.strings.text(n).to_owned()))
            .collect();
        buyers.sort_by(|x, y| x.1.cmp(&y.1).then_with(|| x.0.cmp(&y.0)));
        buyers
    }
}
