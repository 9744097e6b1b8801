//! A retained structure's side of « l'achat a-t-il eu lieu ? »: it declares the amount it
//! was paid and the day; the buyer sees it beside its own confirmation, which alone records
//! the purchase.

use serde::{Deserialize, Serialize};

use crate::domain::{
    FieldErrors, calendar::Day, directory::text::optional_date, needs::budget::parse_euros,
};

/// The form of a declaration, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurchaseDeclarationForm {
    /// Excluding tax, in euros (`12 000,50`).
    pub amount: String,
    /// `JJ/MM/AAAA` or `AAAA-MM-JJ`.
    pub purchased_on: String,
}

/// A declaration read from its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurchaseDeclared {
    pub amount_cents: i64,
    pub purchased_on: Day,
}

impl PurchaseDeclarationForm {
    /// Reads the form on `today` (Paris): an amount in euros, a day that is not to come.
    pub fn parse(&self, today: Day) -> Result<PurchaseDeclared, FieldErrors> {
        let mut errors = FieldErrors::new();
        let amount = errors.check("amount", parse_euros(&self.amount));
        let day = errors
            .check(
                "purchased_on",
                optional_date(&self.purchased_on)
                    .and_then(|d| d.ok_or_else(|| "Indiquez la date de l'achat.".to_owned())),
            )
            .and_then(|iso| Day::parse(&iso));
        if day.is_some_and(|d| d > today) {
            errors.add(
                "purchased_on",
                "Un achat déclaré a eu lieu : sa date ne peut pas être à venir.",
            );
        }
        match (amount, day) {
            (Some(amount_cents), Some(purchased_on)) if errors.is_empty() => {
                Ok(PurchaseDeclared { amount_cents, purchased_on })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(amount: &str, purchased_on: &str) -> PurchaseDeclarationForm {
        PurchaseDeclarationForm { amount: amount.into(), purchased_on: purchased_on.into() }
    }

    #[test]
    fn a_declaration_reads_an_amount_and_a_past_day() {
        let today = Day::parse("2027-01-10").expect("a day");
        assert_eq!(
            form("14 000,50", "08/01/2027").parse(today),
            Ok(PurchaseDeclared {
                amount_cents: 1_400_050,
                purchased_on: Day::parse("2027-01-08").expect("a day"),
            })
        );
        let bad = form("beaucoup", "").parse(today).expect_err("invalid");
        assert!(bad.get("amount").is_some_and(|m| m.contains("montant")), "{bad:?}");
        assert!(bad.get("purchased_on").is_some_and(|m| m.contains("date")), "{bad:?}");
        let future = form("100", "2027-01-11").parse(today).expect_err("to come");
        assert!(future.get("purchased_on").is_some_and(|m| m.contains("à venir")), "{future:?}");
        assert!(future.get("amount").is_none());
    }
}
