//! A read's filters and period, turned once into the snapshot's numbers and tested on each
//! line.

use super::{
    build::{self, Attributes, Kind, Line, Snapshot, day_number},
    interner::NONE,
    read::{Lines, Read},
};
use crate::domain::{organisations::BuyerKind, watch::indicators::Period};

/// A period as the lines are compared with it.
#[derive(Debug, Clone, Copy)]
pub enum Span {
    /// `AAAAMMJJ`, from (included) to (excluded): lines whose day is known.
    Days(u32, u32),
    Years(i32, i32),
}

impl Span {
    fn of(period: Period) -> Self {
        match period.days() {
            Some((from, to)) => Self::Days(day_number(&from), day_number(&to)),
            None => {
                let (a, b) = period.years();
                Self::Years(a, b)
            }
        }
    }

    fn holds(self, line: &Line) -> bool {
        match self {
            Self::Days(from, to) => !line.year_only && line.day >= from && line.day < to,
            Self::Years(a, b) => (a..=b).contains(&line.year),
        }
    }
}

/// The filters, as numbers of the snapshot. `Err(())`: a value no line bears.
pub struct Test {
    organisation: Option<u32>,
    public_only: bool,
    kind: Option<Kind>,
    buyer: Option<(u32, u32)>,
    cpv: Option<u32>,
    supplier_commune: Option<u32>,
    execution: Option<u32>,
    structure_kind: Option<u64>,
    current: Option<Span>,
    previous: Option<Span>,
}

fn found(id: Option<u32>) -> Result<u32, ()> {
    id.ok_or(())
}

impl Test {
    pub fn new(s: &Snapshot, a: &Attributes, read: &Read<'_>) -> Result<Self, ()> {
        let f = read.filters;
        let organisation = match read.lines {
            Lines::Organisation(id) => Some(found(s.organisations.find(id))?),
            _ => None,
        };
        let buyer = match &f.buyer {
            Some(b) => {
                let (o, t) = (s.organisations.find(b), s.strings.find(b));
                if o.is_none() && t.is_none() {
                    return Err(());
                }
                Some((o.unwrap_or(NONE - 1), t.unwrap_or(NONE - 1)))
            }
            None => None,
        };
        let structure_kind = f.structure_kind.map(|k| build::kind_bits(|v| v == k));
        Ok(Self {
            organisation,
            public_only: *read.lines == Lines::Public,
            kind: f
                .buyer_kind
                .map(|k| if k == BuyerKind::Public { Kind::Public } else { Kind::Private }),
            buyer,
            cpv: f.cpv_division.as_deref().map(|d| found(s.strings.find(d))).transpose()?,
            supplier_commune: f
                .supplier_commune
                .as_ref()
                .map(|c| found(a.communes.find(c.as_str())))
                .transpose()?,
            execution: f
                .execution_commune
                .as_ref()
                .map(|c| found(s.strings.find(c.as_str())))
                .transpose()?,
            structure_kind,
            current: read.period.map(Span::of),
            previous: read.period.and(read.previous).map(Span::of),
        })
    }

    /// The side of a line (0: the period, 1: the one before), or `None` if it is left out.
    pub fn side(
        &self,
        line: &Line,
        kind: Kind,
        structure: Option<&build::Structure>,
    ) -> Option<u8> {
        if self.organisation.is_some_and(|o| o != line.organisation)
            || (self.public_only && kind != Kind::Public)
            || self.kind.is_some_and(|k| k != kind)
            || self.buyer.is_some_and(|(o, t)| o != line.organisation && t != line.buyer_siret)
            || self.cpv.is_some_and(|c| c != line.cpv)
            || self.supplier_commune.is_some_and(|c| structure.is_none_or(|s| s.commune != c))
            || self.execution.is_some_and(|e| e != line.execution)
            || self.structure_kind.is_some_and(|k| structure.is_none_or(|s| s.kinds & k == 0))
        {
            return None;
        }
        match (self.current, self.previous) {
            (None, _) => Some(0),
            (Some(c), _) if c.holds(line) => Some(0),
            (Some(_), Some(p)) if p.holds(line) => Some(1),
            _ => None,
        }
    }
}
