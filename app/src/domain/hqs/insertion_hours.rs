//! The insertion hours a social clause asks for (art. L2112-2 du Code de la commande
//! publique): amount excluding tax × labour share × insertion rate ÷ loaded hourly cost.

use serde::{Deserialize, Serialize};

/// A social clause's parameters, as the buyer states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// Amount of the contract, excluding tax, in euros.
    pub amount_eur: u64,
    /// Share of labour in the amount, in percent (≈ 70 % interior painting, 50 % masonry).
    pub labour_share: u8,
    /// Share of the labour hours given to people in insertion, in percent (usually 5–20 %).
    pub insertion_rate: u8,
    /// Loaded hourly cost, in euros.
    pub hourly_cost_eur: u32,
}

impl Clause {
    /// The clause's insertion hours, rounded to the nearest hour.
    pub fn hours(&self) -> u32 {
        insertion_hours(
            self.amount_eur,
            self.labour_share,
            self.insertion_rate,
            self.hourly_cost_eur,
        )
    }

    /// Parses the four values typed in a form; French messages (the first bad value's).
    pub fn parse(
        amount: &str,
        labour_share: &str,
        insertion_rate: &str,
        hourly_cost: &str,
    ) -> Result<Self, String> {
        Ok(Self {
            amount_eur: parse_amount(amount)?,
            labour_share: parse_percent(labour_share, "La part de main-d'œuvre")?,
            insertion_rate: parse_percent(insertion_rate, "Le taux d'insertion")?,
            hourly_cost_eur: parse_hourly_cost(hourly_cost)?,
        })
    }
}

/// A whole number typed in a form (spaces between thousands allowed; decimals dropped).
fn number(text: &str, what: &str) -> Result<u64, String> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    cleaned
        .split([',', '.'])
        .next()
        .unwrap_or_default()
        .parse::<u64>()
        .map_err(|_| format!("Indiquez {what} en chiffres."))
}

/// The contract's amount excluding tax, in euros.
pub fn parse_amount(text: &str) -> Result<u64, String> {
    let amount_eur = number(text, "le montant HT")?;
    if amount_eur == 0 || amount_eur > 10_000_000_000 {
        return Err("Le montant HT doit être compris entre 1 € et 10 milliards d'euros.".into());
    }
    Ok(amount_eur)
}

/// A share in percent, 1 to 100; `what` starts the message (« La part de main-d'œuvre »).
pub fn parse_percent(text: &str, what: &str) -> Result<u8, String> {
    let value = number(text, &what.to_lowercase())?;
    u8::try_from(value)
        .ok()
        .filter(|v| (1..=100).contains(v))
        .ok_or_else(|| format!("{what} doit être entre 1 et 100 %."))
}

/// The loaded hourly cost, in euros.
pub fn parse_hourly_cost(text: &str) -> Result<u32, String> {
    u32::try_from(number(text, "le coût horaire")?)
        .ok()
        .filter(|v| (1..=1_000).contains(v))
        .ok_or_else(|| "Le coût horaire chargé doit être compris entre 1 et 1 000 €.".to_owned())
}

/// Insertion hours for a clause: amount (€, excl. tax) × labour share (%) × insertion rate (%)
/// ÷ hourly cost (€), rounded to the nearest hour. Integer arithmetic: the same result on
/// every machine.
pub fn insertion_hours(
    amount_eur: u64,
    labour_share: u8,
    insertion_rate: u8,
    hourly_cost_eur: u32,
) -> u32 {
    if hourly_cost_eur == 0 {
        return 0;
    }
    let numerator = u128::from(amount_eur) * u128::from(labour_share) * u128::from(insertion_rate);
    let denominator = 10_000 * u128::from(hourly_cost_eur);
    u32::try_from((numerator + denominator / 2) / denominator).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_example_gives_833_hours() {
        assert_eq!(insertion_hours(1_000_000, 50, 5, 30), 833);
    }

    #[test]
    fn hours_on_several_amounts() {
        // 200 000 € of interior painting (70 %), 10 % insertion, 32 €/h: 437.5 → 438 h.
        assert_eq!(insertion_hours(200_000, 70, 10, 32), 438);
        // 3 M€ of metal framing (20 %), 5 %, 35 €/h: 857.1 → 857 h.
        assert_eq!(insertion_hours(3_000_000, 20, 5, 35), 857);
        // 50 000 € of masonry (50 %), 20 %, 28 €/h: 178.6 → 179 h.
        assert_eq!(insertion_hours(50_000, 50, 20, 28), 179);
        assert_eq!(insertion_hours(0, 50, 5, 30), 0);
        assert_eq!(insertion_hours(1_000, 50, 5, 0), 0);
    }

    #[test]
    fn the_form_is_parsed_with_french_messages() {
        let clause = Clause::parse("1 000 000", "50", "5", "30").expect("valid");
        assert_eq!(clause.hours(), 833);
        assert!(Clause::parse("beaucoup", "50", "5", "30").is_err());
        assert_eq!(
            Clause::parse("1000", "150", "5", "30").expect_err("out of range"),
            "La part de main-d'œuvre doit être entre 1 et 100 %."
        );
    }
}
