//! The copy of the ledger, read line by line into compact values, and the attributes of
//! the structures and organisations its lines name.

use futures_util::TryStreamExt;
use strum::VariantArray;

use super::interner::{Interner, NONE};
use crate::{
    db::{Db, ledger_snapshot, ledger_snapshot::SnapshotRow},
    domain::{
        Code,
        directory::{Family, StructureKind},
    },
};

/// A buyer kind, as a line or its organisation gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Unknown,
    Public,
    Private,
}

impl Kind {
    fn of(code: Option<&str>) -> Self {
        match code {
            Some("public") => Self::Public,
            Some("private") => Self::Private,
            _ => Self::Unknown,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Unknown => "",
            Self::Public => "public",
            Self::Private => "private",
        }
    }
}

/// Social considerations of a line, as bits.
pub const CLAUSE: u8 = 1;
pub const CRITERION: u8 = 2;
pub const RESERVED: u8 = 4;

/// One line: numbers of strings and small values (72 bytes).
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub amount: i64,
    pub asked: i64,
    pub done: i64,
    /// In `Snapshot::strings`.
    pub buyer: u32,
    pub buyer_name: u32,
    pub buyer_siret: u32,
    pub entity: u32,
    pub supplier: u32,
    pub cpv: u32,
    pub execution: u32,
    /// In `Snapshot::organisations`.
    pub organisation: u32,
    /// In `Snapshot::structures`.
    pub structure: u32,
    /// `AAAAMMJJ`, 0 when unreadable.
    pub day: u32,
    /// `i32::MIN` when unknown.
    pub year: i32,
    pub kind: Kind,
    pub year_only: bool,
    pub social: u8,
}

/// The ledger's lines at one revision.
#[derive(Debug)]
pub struct Snapshot {
    pub revision: i64,
    pub lines: Vec<Line>,
    pub strings: Interner,
    pub organisations: Interner,
    pub structures: Interner,
}

/// `AAAA-MM-JJ` as `AAAAMMJJ`.
pub fn day_number(text: &str) -> u32 {
    let b = text.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return 0;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r).filter(|d| d.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
    };
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => y * 10_000 + m * 100 + d,
        _ => 0,
    }
}

fn social_bits(codes: &str) -> u8 {
    codes.split_whitespace().fold(0, |bits, code| match code {
        "clause" => bits | CLAUSE,
        "criterion" => bits | CRITERION,
        "reserved" => bits | RESERVED,
        _ => bits,
    })
}

impl Snapshot {
    /// Reads every line of the ledger; `revision` was read before.
    pub async fn read(db: &Db, revision: i64) -> Result<Self, sqlx::Error> {
        let mut snapshot = Self {
            revision,
            lines: Vec::new(),
            strings: Interner::default(),
            organisations: Interner::default(),
            structures: Interner::default(),
        };
        let mut rows = ledger_snapshot::lines(db);
        while let Some(row) = rows.try_next().await? {
            let line = snapshot.line(&row);
            snapshot.lines.push(line);
        }
        snapshot.lines.shrink_to_fit();
        Ok(snapshot)
    }

    fn line(&mut self, r: &SnapshotRow) -> Line {
        let s = &mut self.strings;
        Line {
            amount: r.amount,
            asked: r.asked,
            done: r.done,
            buyer: s.intern(&r.buyer),
            buyer_name: s.intern(&r.buyer_name),
            buyer_siret: s.intern_option(r.buyer_siret.as_deref()),
            entity: s.intern(&r.entity),
            supplier: s.intern(&r.supplier),
            cpv: s.intern_option(r.cpv.as_deref()),
            execution: s.intern_option(r.execution.as_deref()),
            organisation: self.organisations.intern_option(r.organisation.as_deref()),
            structure: self.structures.intern_option(r.structure_id.as_deref()),
            day: day_number(&r.purchased_on),
            year: r.year.and_then(|y| i32::try_from(y).ok()).unwrap_or(i32::MIN),
            kind: Kind::of(r.buyer_kind.as_deref()),
            year_only: r.year_only == 1,
            social: social_bits(&r.social),
        }
    }
}

/// A structure the lines name, as the directory describes it now.
#[derive(Debug, Clone, Copy)]
pub struct Structure {
    /// Bit `i`: `StructureKind::VARIANTS[i]`.
    pub kinds: u64,
    /// In `Attributes::communes`; [`NONE`] when unknown.
    pub commune: u32,
}

/// The kinds' bits of a family or of the SIAE.
pub fn kind_bits(test: impl Fn(StructureKind) -> bool) -> u64 {
    StructureKind::VARIANTS
        .iter()
        .enumerate()
        .filter(|(_, k)| test(**k))
        .fold(0, |bits, (i, _)| bits | (1 << i))
}

pub fn siae_bits() -> u64 {
    kind_bits(StructureKind::is_siae)
}

pub fn handicap_bits() -> u64 {
    kind_bits(|k| k.families().contains(&Family::Handicap))
}

/// The structures' and buyer organisations' attributes now, by their numbers in a snapshot.
#[derive(Debug)]
pub struct Attributes {
    /// `None`: the structure is no longer in the directory.
    pub structures: Vec<Option<Structure>>,
    pub kinds: Vec<Kind>,
    pub communes: Interner,
}

impl Attributes {
    pub async fn read(db: &Db, snapshot: &Snapshot) -> Result<Self, sqlx::Error> {
        let mut structures = vec![None; snapshot.structures.len()];
        let mut communes = Interner::default();
        for (id, kinds, commune) in ledger_snapshot::structures(db).await? {
            let Some(i) = snapshot.structures.find(&id) else { continue };
            let kinds = kinds
                .split_whitespace()
                .filter_map(StructureKind::from_code)
                .fold(0u64, |bits, kind| bits | kind_bits(|k| k == kind));
            let commune = communes.intern_option(commune.as_deref());
            structures[i as usize] = Some(Structure { kinds, commune });
        }
        let mut kinds = vec![Kind::Unknown; snapshot.organisations.len()];
        for (id, kind) in ledger_snapshot::buyer_kinds(db).await? {
            if let Some(i) = snapshot.organisations.find(&id) {
                kinds[i as usize] = Kind::of(Some(&kind));
            }
        }
        Ok(Self { structures, kinds, communes })
    }

    pub fn structure(&self, line: &Line) -> Option<&Structure> {
        if line.structure == NONE {
            return None;
        }
        self.structures.get(line.structure as usize).and_then(Option::as_ref)
    }

    /// The line's buyer kind: its own, else its organisation's.
    pub fn kind(&self, line: &Line) -> Kind {
        match line.kind {
            Kind::Unknown if line.organisation != NONE => {
                self.kinds.get(line.organisation as usize).copied().unwrap_or(Kind::Unknown)
            }
            kind => kind,
        }
    }
}

/// The code of the kind of bit `i`.
pub fn kind_code(i: u8) -> &'static str {
    StructureKind::VARIANTS.get(usize::from(i)).map_or("", |k| k.code())
}
