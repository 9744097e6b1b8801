//! The dashboard's figures as the page writes them: amounts in euros, shares in per cent,
//! « secret » where the secret applies, the change against the previous period.

use crate::domain::{
    needs::budget::euros,
    watch::indicators::{Figures, Part, SECRET, Shown, percent},
};

pub fn count(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| p.contracts.to_string())
}

pub fn amount(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| euros(p.amount_cents))
}

pub fn suppliers(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| p.suppliers.to_string())
}

pub fn buyers(part: Shown<Part>) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| p.buyers.to_string())
}

/// A share of the total: secret when either is.
pub fn share(f: &Figures, part: Shown<Part>, value: Option<f64>) -> String {
    percent(value, part.is_secret() || f.total.is_secret())
}

pub fn hours(f: &Figures) -> String {
    f.hours.value().map_or_else(
        || SECRET.to_owned(),
        |h| {
            let rate = percent(f.shares.hours_done, false);
            format!("{} h réalisées sur {} h demandées ({rate})", h.done, h.asked)
        },
    )
}

/// `+12,5 %`, `−3,0 %`, « — » without a previous value.
pub fn change(current: Option<i64>, previous: Option<i64>) -> String {
    match (current, previous) {
        (None, _) | (_, None) => SECRET.to_owned(),
        (Some(_), Some(0)) => "—".to_owned(),
        (Some(c), Some(p)) => {
            let rate = (c - p) as f64 / p as f64 * 100.0;
            let sign = if rate >= 0.0 { "+" } else { "−" };
            format!("{sign}{:.1} %", rate.abs()).replace('.', ",")
        }
    }
}

/// The change of a share, in points.
pub fn points(current: Option<f64>, previous: Option<f64>) -> String {
    match (current, previous) {
        (Some(c), Some(p)) => {
            let d = (c - p) * 100.0;
            let sign = if d >= 0.0 { "+" } else { "−" };
            format!("{sign}{:.1} pt", d.abs()).replace('.', ",")
        }
        _ => "—".to_owned(),
    }
}

/// The key figures: (id, indicator, this period, the previous one, change).
pub fn key_rows(
    c: &Figures,
    p: &Figures,
) -> Vec<(&'static str, &'static str, String, String, String)> {
    let amount_of =
        |f: &Figures, part: fn(&Figures) -> Shown<Part>| part(f).value().map(|v| v.amount_cents);
    let count_of = |f: &Figures| f.total.value().map(|v| v.contracts);
    vec![
        (
            "achats",
            "Achats (nombre)",
            count(c.total),
            count(p.total),
            change(count_of(c), count_of(p)),
        ),
        (
            "montant",
            "Montant HT",
            amount(c.total),
            amount(p.total),
            change(amount_of(c, |f| f.total), amount_of(p, |f| f.total)),
        ),
        (
            "pnad-nombre",
            "Part avec considération sociale, en nombre (PNAD, objectif 30 %)",
            share(c, c.social, c.shares.social_by_count),
            share(p, p.social, p.shares.social_by_count),
            points(c.shares.social_by_count, p.shares.social_by_count),
        ),
        (
            "pnad-montant",
            "Part avec considération sociale, en montant",
            share(c, c.social, c.shares.social_by_amount),
            share(p, p.social, p.shares.social_by_amount),
            points(c.shares.social_by_amount, p.shares.social_by_amount),
        ),
        (
            "clause",
            "Part avec clause sociale (nombre)",
            share(c, c.clause, c.shares.clause_by_count),
            share(p, p.clause, p.shares.clause_by_count),
            points(c.shares.clause_by_count, p.shares.clause_by_count),
        ),
        (
            "critere",
            "Part avec critère social (nombre)",
            share(c, c.criterion, c.shares.criterion_by_count),
            share(p, p.criterion, p.shares.criterion_by_count),
            points(c.shares.criterion_by_count, p.shares.criterion_by_count),
        ),
        (
            "reserve",
            "Part de marchés réservés (nombre)",
            share(c, c.reserved, c.shares.reserved_by_count),
            share(p, p.reserved, p.shares.reserved_by_count),
            points(c.shares.reserved_by_count, p.shares.reserved_by_count),
        ),
        (
            "ess-montant",
            "Achats auprès de l'ESS",
            amount(c.ess),
            amount(p.ess),
            change(amount_of(c, |f| f.ess), amount_of(p, |f| f.ess)),
        ),
        (
            "ess-part",
            "Part ESS du montant",
            share(c, c.ess, c.shares.ess_by_amount),
            share(p, p.ess, p.shares.ess_by_amount),
            points(c.shares.ess_by_amount, p.shares.ess_by_amount),
        ),
        (
            "ess-fournisseurs",
            "Fournisseurs ESS distincts",
            suppliers(c.ess),
            suppliers(p.ess),
            String::new(),
        ),
        ("ess-acheteurs", "Acheteurs auprès de l'ESS", buyers(c.ess), buyers(p.ess), String::new()),
        (
            "siae-montant",
            "Achats auprès des SIAE",
            amount(c.siae),
            amount(p.siae),
            change(amount_of(c, |f| f.siae), amount_of(p, |f| f.siae)),
        ),
        (
            "siae-part",
            "Part SIAE du montant",
            share(c, c.siae, c.shares.siae_by_amount),
            share(p, p.siae, p.shares.siae_by_amount),
            points(c.shares.siae_by_amount, p.shares.siae_by_amount),
        ),
        (
            "siae-fournisseurs",
            "Fournisseurs SIAE distincts",
            suppliers(c.siae),
            suppliers(p.siae),
            String::new(),
        ),
        (
            "handicap-montant",
            "Achats auprès des structures du handicap (EA, ESAT)",
            amount(c.handicap),
            amount(p.handicap),
            change(amount_of(c, |f| f.handicap), amount_of(p, |f| f.handicap)),
        ),
        (
            "handicap-part",
            "Part handicap du montant",
            share(c, c.handicap, c.shares.handicap_by_amount),
            share(p, p.handicap, p.shares.handicap_by_amount),
            points(c.shares.handicap_by_amount, p.shares.handicap_by_amount),
        ),
        (
            "handicap-fournisseurs",
            "Fournisseurs du handicap distincts",
            suppliers(c.handicap),
            suppliers(p.handicap),
            String::new(),
        ),
        ("heures", "Heures d'insertion", hours(c), hours(p), String::new()),
    ]
}
