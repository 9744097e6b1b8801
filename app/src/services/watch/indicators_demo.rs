//! The demo ledger of the indicators (`server seed-demo`): three years of DECP-like
//! contracts of nine buyers of the Métropole, six public and three private, from structures
//! of the demo directory and from suppliers outside it, with every kind of social
//! consideration and insertion hours, so that `/veille` shows figures that are not all
//! secret. Only on a database seed-demo filled, once.

use crate::{
    db::{
        Db, demo_data,
        purchase_indicators::{DemoContract, demo_count, insert_demo},
        structures,
    },
    domain::{calendar::Day, directory::communes::communes},
    error::AppError,
};

/// DECP ids hold 16 characters at most.
const PREFIX: &str = "DEMOV";

/// (name, SIRET, kind).
const BUYERS: [(&str, &str, &str); 9] = [
    ("Grenoble-Alpes Métropole", "20004015900017", "public"),
    ("Ville de Grenoble", "21380185500015", "public"),
    ("Ville d'Échirolles", "21380151900016", "public"),
    ("Ville de Saint-Martin-d'Hères", "21380421400011", "public"),
    ("Ville de Fontaine", "21380169900010", "public"),
    ("CHU Grenoble Alpes", "26380030200014", "public"),
    ("Alpes Industries", "41234567800015", "private"),
    ("Banque du Dauphiné", "52345678900012", "private"),
    ("Transports de l'Isère", "63456789000019", "private"),
];

const CPV: [&str; 6] =
    ["77310000-6", "90911200-8", "45000000-7", "55520000-1", "79810000-5", "50000000-5"];
const SOCIAL: [(&str, &str); 6] = [
    ("clause", "clause"),
    ("none", "none"),
    ("reserved", "reserved"),
    ("criterion", "criterion"),
    ("none", "none"),
    ("clause", "clause criterion"),
];

/// Stores the demo contracts once; returns how many (0 when nothing was done).
pub async fn seed(db: &Db, now: i64) -> Result<usize, AppError> {
    if !demo_data::is_demo(db).await? || demo_count(db, PREFIX).await? > 0 {
        return Ok(0);
    }
    let known: Vec<(String, String, String)> = structures::published(db, 30, 0)
        .await?
        .into_iter()
        .filter_map(|s| s.siret.map(|siret| (s.id, s.name, siret)))
        .collect();
    let today = Day::of_instant(now);
    let (year, month) = (today.year(), today.iso()[5..7].parse::<i64>().unwrap_or(12));
    let places = communes();
    let mut n = 0_usize;
    for y in year - 2..=year {
        let growth = y - (year - 2);
        for (b, (buyer, siret, kind)) in BUYERS.iter().enumerate() {
            for c in 0..8 + growth * 2 {
                let i = b * 31 + usize::try_from(c + y).unwrap_or(0) * 7;
                let m = 1 + i64::try_from(i % 12).unwrap_or(0);
                if y == year && m > month {
                    continue;
                }
                // ESS structures more often as the years pass.
                let from_ess =
                    !known.is_empty() && (i % 5 < 2 + usize::try_from(growth).unwrap_or(0) / 2);
                let (structure, supplier, supplier_siret) = if from_ess {
                    let (id, name, s) = &known[i % known.len()];
                    (Some(id.clone()), name.clone(), Some(s.clone()))
                } else {
                    (None, format!("Entreprise locale {}", i % 23 + 1), None)
                };
                let (strongest, all) = SOCIAL[i % SOCIAL.len()];
                let amount_cents = 150_000 + i64::try_from(i % 17).unwrap_or(0) * 231_700;
                let hours = (strongest == "clause").then_some(amount_cents / 100 / 600);
                let contract = DemoContract {
                    id: uuid::Uuid::new_v4().to_string(),
                    external_id: format!("{PREFIX}{}-{b}-{c}", y % 100),
                    buyer_siret: (*siret).to_owned(),
                    buyer_name: (*buyer).to_owned(),
                    buyer_kind: kind,
                    structure_id: structure,
                    supplier_name: supplier,
                    supplier_siret,
                    amount_cents,
                    purchased_on: format!("{y:04}-{m:02}-{:02}", 1 + i % 28),
                    cpv: CPV[i % CPV.len()].to_owned(),
                    social_consideration: strongest,
                    social_considerations: all.to_owned(),
                    insertion_hours: hours,
                    insertion_hours_done: hours.filter(|_| y < year).map(|h| h * 4 / 5),
                    execution_commune: places[i % places.len()].insee.to_owned(),
                };
                insert_demo(db, &contract, now).await?;
                n += 1;
            }
        }
    }
    Ok(n)
}
