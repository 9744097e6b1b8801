use serde::{Deserialize, Serialize};

use super::directory::{Family, StructureKind};

/// The public figures of the home page: what a buyer can find on Ecossol, and what it
/// has bought through it.
///
/// Fixed-width integers on the wire: `usize` differs between the server and WASM.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Published supplier structures in the directory.
    pub structures: u64,
    /// Published structures of the insertion family (SIAE, GEIQ, régies de quartier).
    pub insertion: u64,
    /// Published structures of sheltered and adapted work (EA, EATT, ESAT).
    pub handicap: u64,
    /// Published structures of the ESS by statute (cooperatives, associations…).
    pub ess: u64,
    /// Published offers of published structures.
    pub offers: u64,
    /// Published structures that hold the HQS label.
    pub labelled: u64,
    /// Needs open to answers now.
    pub open_needs: u64,
    /// Purchases awarded through Ecossol, and their amount excluding tax (cents).
    pub purchases: u64,
    pub purchases_cents: i64,
}

impl Figures {
    /// Adds `count` published structures of these kinds (a régie de quartier counts in
    /// insertion and in the ESS; a structure counts once in each family it belongs to).
    pub fn add_structures(&mut self, kinds: &[StructureKind], count: u64) {
        self.structures += count;
        let mut families: Vec<Family> = Vec::new();
        for family in kinds.iter().flat_map(|k| k.families().iter().copied()) {
            if !families.contains(&family) {
                families.push(family);
            }
        }
        for family in families {
            *match family {
                Family::Insertion => &mut self.insertion,
                Family::Handicap => &mut self.handicap,
                Family::Ess => &mut self.ess,
            } += count;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_structure_counts_once_in_each_of_its_families() {
        let mut figures = Figures::default();
        figures.add_structures(&[StructureKind::Aci, StructureKind::Ei], 2);
        figures.add_structures(&[StructureKind::Rq], 1);
        figures.add_structures(&[StructureKind::Esat], 3);
        figures.add_structures(&[], 1);
        assert_eq!(figures.structures, 7);
        assert_eq!(figures.insertion, 3, "two SIAE with two kinds each, and a régie");
        assert_eq!(figures.handicap, 3);
        assert_eq!(figures.ess, 1, "the régie de quartier is also ESS");
    }

    #[test]
    fn figures_round_trip_through_json() {
        let figures =
            Figures { structures: 1, offers: 2, purchases_cents: 300, ..Figures::default() };
        let text = serde_json::to_string(&figures).expect("serialises");
        assert_eq!(serde_json::from_str::<Figures>(&text).expect("deserialises"), figures);
    }
}
