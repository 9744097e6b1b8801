//! The insertion hours calculator's form: the four values of a clause, each bad one named by
//! its field, in French.

use crate::domain::{
    FieldErrors,
    hqs::{
        Clause,
        insertion_hours::{parse_amount, parse_hourly_cost, parse_percent},
    },
};

/// The form's fields, in the order shown.
pub const FIELDS: [&str; 4] = ["montant", "part", "taux", "cout"];

/// The values the page opens with: the domain notes' example (833 hours).
pub const DEFAULTS: [&str; 4] = ["1 000 000", "50", "5", "30"];

pub fn parse(values: &[(&str, &str)]) -> Result<Clause, FieldErrors> {
    let value = |key: &str| values.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| *v);
    let mut errors = FieldErrors::new();
    let amount_eur = errors.check("montant", parse_amount(value("montant")));
    let labour_share =
        errors.check("part", parse_percent(value("part"), "La part de main-d'œuvre"));
    let insertion_rate = errors.check("taux", parse_percent(value("taux"), "Le taux d'insertion"));
    let hourly_cost_eur = errors.check("cout", parse_hourly_cost(value("cout")));
    match (amount_eur, labour_share, insertion_rate, hourly_cost_eur) {
        (Some(amount_eur), Some(labour_share), Some(insertion_rate), Some(hourly_cost_eur)) => {
            Ok(Clause { amount_eur, labour_share, insertion_rate, hourly_cost_eur })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_give_the_domain_example_and_each_error_has_its_field() {
        let defaults: Vec<(&str, &str)> = FIELDS.into_iter().zip(DEFAULTS).collect();
        assert_eq!(parse(&defaults).expect("valid").hours(), 833);
        let bad = [("montant", "beaucoup"), ("part", "150"), ("taux", "5"), ("cout", "0")];
        let errors = parse(&bad).expect_err("invalid");
        assert_eq!(errors.fields().collect::<Vec<_>>(), ["montant", "part", "cout"]);
        assert_eq!(errors.get("part"), Some("La part de main-d'œuvre doit être entre 1 et 100 %."));
    }
}
