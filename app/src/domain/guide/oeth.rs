//! What a company's purchases from EA, ESAT and independent disabled workers save on its
//! contribution to the obligation to employ disabled workers (OETH), under the rules in
//! force since 2020 (loi n° 2018-771, décret n° 2019-523):
//!
//! - a company of 20 employees or more employs 6 % of beneficiaries, rounded down
//!   (L5212-2 and L5212-3 du Code du travail);
//! - each missing beneficiary costs 400, 500 or 600 times the gross hourly SMIC by size:
//!   under 250, under 750, 750 and more (D5212-20);
//! - purchases deduct 30 % of their labour cost: the price excluding tax less raw
//!   materials, products, materials, subcontracting, intermediate consumption and sales
//!   costs (L5212-10-1, D5212-22);
//! - the deduction is capped at 50 % of the contribution when the company employs less than
//!   3 % of beneficiaries, 75 % otherwise (D5212-22).
//!
//! Headcounts are counted in hundredths (the URSSAF notifies annual averages such as
//! 2,5), amounts in cents: integer arithmetic, the same result on the server and in the
//! browser. The surcharged contribution (D5212-21) and the other deductions are not
//! computed; the guide's page says so.

use crate::domain::{FieldErrors, needs::budget::euros, watch::amount::parse_amount};

/// The form's fields.
pub const FIELDS: [&str; 5] = ["effectif", "beneficiaires", "achats", "couts", "smic"];

/// The gross hourly SMIC since 1 January 2026, in cents: the form's default, to be replaced
/// by the one in force on 31 December of the year declared.
pub const SMIC_2026_CENTS: i64 = 1_202;

/// Companies from this headcount are subject to the obligation.
pub const THRESHOLD: u64 = 20;

/// The calculator's input, as parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OethInput {
    /// Headcount subject to the obligation, in hundredths.
    pub headcount: u64,
    /// Beneficiaries employed, in hundredths.
    pub beneficiaries: u64,
    /// Price excluding tax of the year's purchases, in cents.
    pub purchases: i64,
    /// What the labour cost leaves out (materials, subcontracting, sales costs), in cents.
    pub costs: i64,
    /// Gross hourly SMIC, in cents.
    pub smic: i64,
}

/// What the calculator shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oeth {
    pub subject: bool,
    /// Beneficiaries the company must employ (whole people).
    pub required: u64,
    /// Beneficiaries missing, in hundredths.
    pub missing: u64,
    /// The multiple of the SMIC per missing beneficiary (400, 500 or 600).
    pub multiple: i64,
    /// The contribution before any deduction, in cents.
    pub contribution: i64,
    /// 30 % of the purchases' labour cost, in cents.
    pub deduction: i64,
    /// The cap, in percent of the contribution (50 or 75).
    pub cap_percent: i64,
    /// The deduction kept after the cap, in cents.
    pub kept: i64,
    /// The contribution due, in cents.
    pub due: i64,
}

impl Oeth {
    /// The part of the deduction the cap leaves unused, in cents.
    pub fn unused(&self) -> i64 {
        self.deduction - self.kept
    }
}

/// A headcount typed as `120`, `2,5` or `2.25`, in hundredths.
pub fn parse_headcount(text: &str, what: &str) -> Result<u64, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202f}' | '\u{a0}'))
        .collect();
    let message = || format!("Indiquez {what} en chiffres (par exemple 120 ou 2,5).");
    let (whole, fraction) = cleaned.split_once([',', '.']).unwrap_or((&cleaned, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && (fraction.len() > 2 || !digits(fraction))) {
        return Err(message());
    }
    let whole: u64 = whole.parse().map_err(|_| message())?;
    let fraction: u64 = format!("{fraction:0<2}").parse().map_err(|_| message())?;
    Ok(whole * 100 + fraction)
}

/// Reads the form; each bad value is named by its field, in French.
pub fn parse(values: &[(&str, &str)]) -> Result<OethInput, FieldErrors> {
    let value = |key: &str| values.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| *v);
    let mut errors = FieldErrors::new();
    let headcount =
        errors.check("effectif", parse_headcount(value("effectif"), "l'effectif de l'entreprise"));
    let beneficiaries = errors.check(
        "beneficiaires",
        parse_headcount(value("beneficiaires"), "le nombre de bénéficiaires employés"),
    );
    // Amounts excluding tax, zero allowed (no purchase, no cost to take out): the ledger's
    // reader; a SMIC of zero is refused below with its own message.
    let purchases = errors.check("achats", parse_amount(value("achats")));
    let costs = errors.check("couts", parse_amount(value("couts")));
    let smic = errors.check("smic", parse_amount(value("smic")));
    if let (Some(h), Some(b)) = (headcount, beneficiaries)
        && b > h
    {
        errors.add(
            "beneficiaires",
            "Les bénéficiaires ne peuvent être plus nombreux que l'effectif.",
        );
    }
    if let (Some(p), Some(c)) = (purchases, costs)
        && c > p
    {
        errors.add("couts", "Les coûts à retirer ne peuvent dépasser le prix HT des achats.");
    }
    if smic == Some(0) {
        errors.add("smic", "Indiquez le SMIC horaire brut (12,02 € depuis le 1er janvier 2026).");
    }
    match (headcount, beneficiaries, purchases, costs, smic) {
        (Some(headcount), Some(beneficiaries), Some(purchases), Some(costs), Some(smic))
            if errors.is_empty() =>
        {
            Ok(OethInput { headcount, beneficiaries, purchases, costs, smic })
        }
        _ => Err(errors),
    }
}

/// The contribution and what the purchases deduct from it.
pub fn compute(input: &OethInput) -> Oeth {
    let whole = input.headcount / 100;
    let subject = whole >= THRESHOLD;
    let required = if subject { input.headcount * 6 / 10_000 } else { 0 };
    let missing = (required * 100).saturating_sub(input.beneficiaries);
    let multiple = match whole {
        ..250 => 400,
        250..750 => 500,
        _ => 600,
    };
    let missing_i = i64::try_from(missing).unwrap_or(i64::MAX);
    let contribution = missing_i.saturating_mul(multiple).saturating_mul(input.smic) / 100;
    let deduction = (input.purchases - input.costs).max(0) * 30 / 100;
    // Under 3 % of beneficiaries (half of the 6 % asked), the cap is half the contribution.
    let cap_percent = if input.beneficiaries * 100 < 3 * input.headcount { 50 } else { 75 };
    let kept = deduction.min(contribution * cap_percent / 100);
    Oeth {
        subject,
        required,
        missing,
        multiple,
        contribution,
        deduction,
        cap_percent,
        kept,
        due: contribution - kept,
    }
}

/// A headcount in hundredths, in French: `4`, `2,5`, `0,25`.
pub fn headcount_text(hundredths: u64) -> String {
    match hundredths % 100 {
        0 => (hundredths / 100).to_string(),
        rest if rest % 10 == 0 => format!("{},{}", hundredths / 100, rest / 10),
        rest => format!("{},{rest:02}", hundredths / 100),
    }
}

/// An amount in cents, rounded to the euro, in French: `9 600 €`.
pub fn rounded_euros(cents: i64) -> String {
    euros((cents + 50) / 100 * 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(headcount: &str, beneficiaries: &str, purchases: &str, costs: &str) -> OethInput {
        let values = [
            ("effectif", headcount),
            ("beneficiaires", beneficiaries),
            ("achats", purchases),
            ("couts", costs),
            ("smic", "12"),
        ];
        parse(&values).expect("valid")
    }

    #[test]
    fn the_guide_examples_hold() {
        // 100 employees, 2 beneficiaries (2 %: cap 50 %), 55 000 € bought, 11 000 € of costs.
        let a = compute(&input("100", "2", "55 000", "11 000"));
        assert_eq!((a.required, a.missing, a.multiple), (6, 400, 400));
        assert_eq!(a.contribution, 1_920_000);
        assert_eq!(a.deduction, 1_320_000);
        assert_eq!((a.cap_percent, a.kept, a.due, a.unused()), (50, 960_000, 960_000, 360_000));
        // 3 beneficiaries: 3 %, the cap rises to 75 %.
        let b = compute(&input("100", "3", "55 000", "11 000"));
        assert_eq!(
            (b.contribution, b.cap_percent, b.kept, b.due),
            (1_440_000, 75, 1_080_000, 360_000)
        );
    }

    #[test]
    fn size_sets_the_multiple_and_small_companies_owe_nothing() {
        assert_eq!(compute(&input("250", "0", "0", "0")).multiple, 500);
        assert_eq!(compute(&input("749,99", "0", "0", "0")).multiple, 500);
        assert_eq!(compute(&input("750", "0", "0", "0")).multiple, 600);
        let small = compute(&input("19,5", "0", "10 000", "0"));
        assert!(!small.subject);
        assert_eq!((small.contribution, small.kept, small.due), (0, 0, 0));
        // 6 % of 49 is 2,94: two beneficiaries asked, rounded down.
        assert_eq!(compute(&input("49", "0", "0", "0")).required, 2);
        // Annual averages: 2,5 beneficiaries of 6 asked leave 3,5 missing.
        assert_eq!(compute(&input("100", "2,5", "0", "0")).missing, 350);
    }

    #[test]
    fn bad_values_are_named_by_field() {
        let values = [
            ("effectif", "cent"),
            ("beneficiaires", "2"),
            ("achats", "1 000"),
            ("couts", "2 000"),
            ("smic", "0"),
        ];
        let errors = parse(&values).expect_err("invalid");
        assert!(errors.get("effectif").is_some());
        assert!(errors.get("couts").is_some_and(|m| m.contains("dépasser")));
        assert!(errors.get("smic").is_some());
        assert!(errors.get("beneficiaires").is_none());
        let more = [
            ("effectif", "10"),
            ("beneficiaires", "12"),
            ("achats", "0"),
            ("couts", "0"),
            ("smic", "12"),
        ];
        assert!(parse(&more).expect_err("more than the headcount").get("beneficiaires").is_some());
    }

    #[test]
    fn figures_read_in_french() {
        assert_eq!(headcount_text(350), "3,5");
        assert_eq!(headcount_text(25), "0,25");
        assert_eq!(headcount_text(400), "4");
        assert_eq!(rounded_euros(960_049), "9\u{202f}600 €");
        assert_eq!(parse_headcount("1 200", "x"), Ok(120_000));
        assert!(parse_headcount("-3", "x").is_err());
        assert!(parse_headcount("2,555", "x").is_err());
    }
}
