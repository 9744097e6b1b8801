//! Labour shares by trade that the insertion hours calculator offers to start from. The
//! first three are the domain notes' figures; the others are the middle of the ranges the
//! guide's page gives as orders of magnitude (`app/guide/heures-insertion.md`), to be
//! replaced by the facilitator's or the project manager's own estimate.

/// A trade and the usual share of labour in its price, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trade {
    pub name: &'static str,
    pub labour_share: u8,
}

pub const TRADES: [Trade; 8] = [
    Trade { name: "Peinture intérieure", labour_share: 70 },
    Trade { name: "Maçonnerie, gros œuvre", labour_share: 50 },
    Trade { name: "Charpente métallique", labour_share: 20 },
    Trade { name: "Nettoyage de locaux (estimation)", labour_share: 75 },
    Trade { name: "Entretien d'espaces verts (estimation)", labour_share: 60 },
    Trade { name: "Plâtrerie, cloisons, isolation (estimation)", labour_share: 50 },
    Trade { name: "Électricité, plomberie, chauffage (estimation)", labour_share: 40 },
    Trade { name: "Voirie et réseaux, terrassement (estimation)", labour_share: 30 },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_share_is_a_percentage_and_every_trade_is_named_once() {
        for (i, trade) in TRADES.iter().enumerate() {
            assert!((1..=100).contains(&trade.labour_share), "{trade:?}");
            assert!(TRADES[..i].iter().all(|t| t.name != trade.name), "{trade:?}");
        }
    }
}
