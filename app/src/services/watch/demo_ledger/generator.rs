//! Deterministic ledger lines (ChaCha8, a fixed algorithm): buyers of the catalogue, a year,
//! a trade, a supplier — a structure of the directory (matched by SIRET) or one it does not
//! know — an amount around the buyer's usual one, and social considerations in proportions
//! near the national figures (about 12 % of contracts in 2022, growing some 3 points a year;
//! private buyers less), with insertion hours asked by the clauses and, for most of the
//! finished years, declared done.

use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::catalogue::{BUYERS, PLACES, PROCEDURES, STRANGERS, TRADES};
use crate::{
    db::ledger_bulk::BulkLine,
    domain::{calendar::Day, directory::siret::passes_luhn, watch::text::supplier_key},
};

/// `prefix` completed with the digit that makes it pass the Luhn check.
pub fn luhn_completed(prefix: &str) -> String {
    (0..10)
        .map(|d| format!("{prefix}{d}"))
        .find(|n| passes_luhn(n))
        .unwrap_or_else(|| format!("{prefix}0"))
}

/// A SIRET from eight digits of SIREN: SIREN and SIRET both pass the Luhn check.
pub fn siret_of(siren8: &str) -> String {
    luhn_completed(&format!("{}0001", luhn_completed(siren8)))
}

/// A structure of the directory the lines may name.
#[derive(Debug, Clone)]
pub struct KnownSupplier {
    pub id: String,
    pub name: String,
    pub siret: String,
}

/// A buyer as the lines name it: the catalogue's, with its SIRET and organisation.
#[derive(Debug, Clone)]
pub struct LineBuyer {
    pub index: usize,
    pub siret: String,
    pub organisation_id: Option<String>,
}

pub struct Generator {
    rng: ChaCha8Rng,
    known: Vec<KnownSupplier>,
    strangers: Vec<(String, Option<String>)>,
    today: Day,
    now: i64,
}

impl Generator {
    pub fn new(seed: u64, known: Vec<KnownSupplier>, now: i64) -> Self {
        let strangers = STRANGERS
            .iter()
            .map(|(name, siren8)| {
                ((*name).to_owned(), (!siren8.is_empty()).then(|| siret_of(siren8)))
            })
            .collect();
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
            known,
            strangers,
            today: Day::of_instant(now),
            now,
        }
    }

    pub fn today(&self) -> Day {
        self.today
    }

    /// A buyer picked in proportion to its lines a year, and a year of `years`.
    pub fn pick(&mut self, years: std::ops::RangeInclusive<i64>) -> (usize, i64) {
        let total: u32 = BUYERS.iter().map(|b| b.lines_a_year).sum();
        let mut pick = self.rng.random_range(0..total);
        let index = BUYERS
            .iter()
            .position(|b| {
                if pick < b.lines_a_year {
                    return true;
                }
                pick -= b.lines_a_year;
                false
            })
            .unwrap_or(0);
        (index, self.rng.random_range(years))
    }

    fn day_in(&mut self, year: i64) -> Day {
        let first = Day::parse(&format!("{year:04}-01-01")).unwrap_or(self.today);
        let last = if year == self.today.year() { first.days_until(self.today) } else { 364 };
        first.plus_days(self.rng.random_range(0..=last.max(0)))
    }

    /// The social considerations (codes, strongest first) of a line.
    fn social(&mut self, public: bool, year: i64) -> Vec<&'static str> {
        let share = 0.12 + 0.03 * (year - 2022).clamp(0, 6) as f64;
        let share = if public { share } else { share * 0.6 };
        if !self.rng.random_bool(share) {
            return vec!["none"];
        }
        match self.rng.random_range(0..100) {
            0..20 => vec!["reserved"],
            20..44 => vec!["clause"],
            44..55 => vec!["clause", "criterion"],
            _ => vec!["criterion"],
        }
    }

    /// One line of `buyer` in `year`, the `n`th of its file or import.
    pub fn line(&mut self, buyer: &LineBuyer, year: i64, n: i64) -> BulkLine {
        let b = &BUYERS[buyer.index];
        let (cpv, subject, ess_trade) = *TRADES.choose(&mut self.rng).unwrap_or(&TRADES[0]);
        let social = self.social(b.public, year);
        let to_ess =
            social[0] == "reserved" || self.rng.random_bool(if ess_trade { 0.45 } else { 0.15 });
        // The directory's first structure (the demo supplier's) holds some clause contracts,
        // so that its people have insertion hours to declare.
        let first = social.contains(&"clause") && self.rng.random_bool(0.1);
        let supplier = if first { self.known.first() } else { self.known.choose(&mut self.rng) };
        let (structure_id, supplier_name, supplier_siret) = match supplier {
            Some(k) if to_ess || first => {
                (Some(k.id.clone()), k.name.clone(), Some(k.siret.clone()))
            }
            _ => {
                let (name, siret) =
                    self.strangers.choose(&mut self.rng).cloned().unwrap_or_default();
                (None, name, siret)
            }
        };
        let factor = 10f64.powf(self.rng.random_range(-1.0..0.8));
        let amount_cents = ((f64::from(b.typical_euros) * factor) as i64).max(150) * 100
            + self.rng.random_range(0..100);
        let day = self.day_in(year);
        let clause = social.contains(&"clause");
        let asked = clause.then(|| (amount_cents / 100 * 7 / 100 / 30).max(35));
        let finished = year < self.today.year();
        let declared = asked.filter(|_| self.rng.random_bool(if finished { 0.75 } else { 0.35 }));
        let done = declared.map(|a| {
            let ratio = if finished {
                self.rng.random_range(0.7..1.35)
            } else {
                self.rng.random_range(0.2..0.7)
            };
            (a as f64 * ratio) as i64
        });
        let counted = done.map(|_| day.plus_days(300).min(self.today).iso());
        let environmental = match self.rng.random_range(0..100) {
            0..22 => "clause",
            22..34 => "criterion",
            _ => "none",
        };
        BulkLine {
            id: uuid::Uuid::new_v4().to_string(),
            source: if b.public { "decp" } else { "file" },
            line_number: Some(n),
            buyer_organisation_id: buyer.organisation_id.clone(),
            buyer_name: b.name.to_owned(),
            buyer_kind: if b.public { "public" } else { "private" },
            buyer_siret: Some(buyer.siret.clone()),
            match_kind: structure_id.as_ref().map(|_| "siret"),
            structure_id,
            supplier_key: supplier_key(&supplier_name),
            supplier_siren: supplier_siret.as_ref().map(|s| s[..9].to_owned()),
            supplier_siret,
            supplier_name,
            amount_cents,
            purchased_on: day.iso(),
            purchased_year: year,
            cpv: Some(cpv.to_owned()),
            social_consideration: social[0],
            social_considerations: social.join(" "),
            environmental_considerations: if b.public {
                environmental.to_owned()
            } else {
                String::new()
            },
            insertion_hours: asked,
            insertion_hours_done: done,
            insertion_hours_counted_on: counted,
            execution_place_kind: b.public.then_some("commune"),
            execution_place_code: b
                .public
                .then(|| (*PLACES.choose(&mut self.rng).unwrap_or(&PLACES[0])).to_owned()),
            external_id: b.public.then(|| format!("{year}-{n:05}")),
            object: b.public.then(|| subject.to_owned()),
            procedure: b
                .public
                .then(|| *PROCEDURES.choose(&mut self.rng).unwrap_or(&PROCEDURES[0])),
            duration_months: b.public.then(|| self.rng.random_range(1..=48)),
            notified_on: b.public.then(|| day.iso()),
            created_at: self.now,
            ..BulkLine::default()
        }
    }
}
