//! A structure's quote for a need: a price excluding tax per lot it answers, a lead time, a
//! message, and an answer to each of the need's questions.

use serde::{Deserialize, Serialize};

use super::{
    budget::{parse_euros, plain_euros},
    lots::Lot,
};
use crate::domain::{FieldErrors, directory::text::optional_text};

/// The quote's form: one price per lot and one answer per question, in their order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteForm {
    pub price: Vec<String>,
    pub answer: Vec<String>,
    pub lead_time: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotPrice {
    pub lot: u8,
    pub cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub prices: Vec<LotPrice>,
    pub lead_time: String,
    pub message: String,
    pub answers: Vec<String>,
}

impl Quote {
    pub fn total_cents(&self) -> i64 {
        self.prices.iter().map(|p| p.cents).sum()
    }

    /// Parses the form against the need's lots and questions: a lot left empty is not
    /// answered, but at least one must be; every question gets an answer.
    pub fn parse(
        form: &QuoteForm,
        lots: &[Lot],
        questions: &[String],
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut prices = Vec::new();
        for (i, lot) in lots.iter().enumerate() {
            let typed = form.price.get(i).map(String::as_str).unwrap_or_default();
            if typed.trim().is_empty() {
                continue;
            }
            match parse_euros(typed) {
                Ok(cents) => prices.push(LotPrice { lot: lot.number, cents }),
                Err(e) => errors.add(&format!("price_{}", lot.number), e),
            }
        }
        if prices.is_empty() && errors.is_empty() {
            errors.add("price_1", "Indiquez le prix hors taxes d'au moins un lot.");
        }
        let lead_time = errors
            .check(
                "lead_time",
                optional_text(&form.lead_time, 100, false).and_then(|t| {
                    t.ok_or_else(|| {
                        "Indiquez le délai d'exécution (par exemple : 3 semaines).".to_owned()
                    })
                }),
            )
            .unwrap_or_default();
        let message = errors
            .check("message", optional_text(&form.message, 3000, true))
            .flatten()
            .unwrap_or_default();
        let mut answers = Vec::new();
        for (i, _) in questions.iter().enumerate() {
            let typed = form.answer.get(i).map(String::as_str).unwrap_or_default();
            match optional_text(typed, 2000, true) {
                Ok(Some(answer)) => answers.push(answer),
                Ok(None) => errors.add(&format!("answer_{}", i + 1), "Répondez à cette question."),
                Err(e) => errors.add(&format!("answer_{}", i + 1), e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self { prices, lead_time, message, answers })
    }

    /// The form filled with this quote, to change it.
    pub fn to_form(&self, lots: &[Lot]) -> QuoteForm {
        QuoteForm {
            price: lots
                .iter()
                .map(|l| {
                    self.prices
                        .iter()
                        .find(|p| p.lot == l.number)
                        .map(|p| plain_euros(p.cents))
                        .unwrap_or_default()
                })
                .collect(),
            answer: self.answers.clone(),
            lead_time: self.lead_time.clone(),
            message: self.message.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::needs::lots::parse_lots;

    #[test]
    fn a_quote_prices_the_lots_it_answers_and_answers_every_question() {
        let lots = parse_lots("Tonte ; 12\nHaies ; 2", "x").expect("lots");
        let questions = vec!["Combien de salariés en insertion ?".to_owned()];
        let form = QuoteForm {
            price: vec!["12 000".into(), String::new()],
            answer: vec!["Quatre".into()],
            lead_time: "2 semaines".into(),
            message: String::new(),
        };
        let quote = Quote::parse(&form, &lots, &questions).expect("valid");
        assert_eq!(quote.prices, vec![LotPrice { lot: 1, cents: 1_200_000 }]);
        assert_eq!(quote.total_cents(), 1_200_000);
        assert_eq!(Quote::parse(&quote.to_form(&lots), &lots, &questions), Ok(quote));

        let empty = QuoteForm { price: vec![String::new(), "deux".into()], ..QuoteForm::default() };
        let errors = Quote::parse(&empty, &lots, &questions).expect_err("invalid");
        for field in ["price_2", "lead_time", "answer_1"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let nothing = Quote::parse(
            &QuoteForm {
                lead_time: "1 mois".into(),
                answer: vec!["x".into()],
                ..QuoteForm::default()
            },
            &lots,
            &questions,
        );
        assert!(nothing.expect_err("no price").get("price_1").is_some());
    }
}
