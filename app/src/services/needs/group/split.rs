//! An award split between the buyers of a group purchase: each member's part of a supplier's
//! amount is its share of the lots that supplier won, valued at the supplier's prices.

use crate::domain::needs::{Quote, group::split_cents, lots::Lot};

/// One buyer's part of the lots.
pub struct BuyerShare<'a> {
    pub organisation_id: &'a str,
    pub name: &'a str,
    /// Quantities per lot, in the need's lots' order.
    pub quantities: Vec<f64>,
}

/// Splits `amount` cents paid to one supplier between the buyers, by the value of what each
/// ordered of the lots `won` (lot numbers) at the supplier's quoted prices; without prices,
/// by quantities. The parts add up to the amount exactly.
pub fn shares_of(
    amount: i64,
    lots: &[Lot],
    won: &[u8],
    quote: Option<&Quote>,
    buyers: &[BuyerShare<'_>],
) -> Vec<i64> {
    let weights: Vec<f64> = buyers
        .iter()
        .map(|b| {
            lots.iter()
                .enumerate()
                .filter(|(_, lot)| won.contains(&lot.number))
                .map(|(i, lot)| {
                    let total: f64 =
                        buyers.iter().map(|o| o.quantities.get(i).copied().unwrap_or(0.0)).sum();
                    let mine = b.quantities.get(i).copied().unwrap_or(0.0);
                    let price = quote
                        .and_then(|q| q.prices.iter().find(|p| p.lot == lot.number))
                        .map_or(1.0, |p| p.cents as f64);
                    if total > 0.0 { price * mine / total } else { 0.0 }
                })
                .sum()
        })
        .collect();
    split_cents(amount, &weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::needs::quote::LotPrice;

    #[test]
    fn each_buyer_pays_its_share_of_the_lots_won_at_their_prices() {
        let lots = vec![
            Lot { number: 1, title: "Ramettes".into(), quantity: 100.0, unit: String::new() },
            Lot { number: 2, title: "Enveloppes".into(), quantity: 10.0, unit: String::new() },
        ];
        let quote = Quote {
            prices: vec![LotPrice { lot: 1, cents: 90_000 }, LotPrice { lot: 2, cents: 10_000 }],
            lead_time: String::new(),
            message: String::new(),
            answers: Vec::new(),
        };
        let buyers = [
            BuyerShare { organisation_id: "a", name: "A", quantities: vec![100.0, 10.0] },
            BuyerShare { organisation_id: "b", name: "B", quantities: vec![100.0, 0.0] },
        ];
        // Lot 1 shared half and half, lot 2 all A's: A = 450 + 100, B = 450.
        assert_eq!(shares_of(100_000, &lots, &[1, 2], Some(&quote), &buyers), vec![55_000, 45_000]);
        // Only lot 2 won by this supplier: all A's.
        assert_eq!(shares_of(10_000, &lots, &[2], Some(&quote), &buyers), vec![10_000, 0]);
        // No prices: by quantities of the lots won.
        assert_eq!(shares_of(999, &lots, &[1], None, &buyers), vec![500, 499]);
    }
}
