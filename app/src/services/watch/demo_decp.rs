//! A DECP file for the demo data (`server seed-demo`): three years of public contracts of the
//! Métropole and four communes — some with social considerations, one modified, some held by
//! structures of the demo directory — and two that the import leaves aside (a concession,
//! a contract of Lyon). Deterministic; only on a database seed-demo filled, once.

use serde_json::{Value, json};

use super::decp::{self, Options};
use crate::{
    db::{Db, decp_ledger, demo_data, structures},
    domain::calendar::Day,
    error::AppError,
};

/// The Métropole (listed as a followed buyer for the demo) and communes, by SIRET, with the
/// commune code where their contracts are carried out.
const BUYERS: &[(&str, &str)] = &[
    ("20004071500019", "38185"),
    ("21380185500015", "38185"),
    ("21380151500015", "38151"),
    ("21380421500019", "38421"),
    ("21382290000014", "38229"),
];

const TRADES: &[(&str, &str, &str)] = &[
    ("77310000-6", "Entretien des espaces verts", "Clause sociale"),
    ("90911200-8", "Nettoyage de locaux", "Marché réservé"),
    ("55520000-1", "Restauration collective", "Critère social"),
    ("79810000-5", "Impression", "Pas de considération sociale"),
    ("45000000-7", "Travaux de voirie", "Clause sociale"),
    ("90500000-2", "Collecte des déchets", "Pas de considération sociale"),
];

/// The holders: demo structures (by SIRET) first, then companies outside the directory.
fn holder(i: usize, known: &[String]) -> String {
    const OTHERS: &[&str] = &["55204599900869", "41234567800012", "38412345600020"];
    if i % 3 != 2 && !known.is_empty() {
        known[i % known.len()].clone()
    } else {
        OTHERS[i % OTHERS.len()].to_owned()
    }
}

/// The file's records, from `first_year` on.
fn file(first_year: i64, known: &[String]) -> Value {
    let mut marches = Vec::new();
    for i in 0..36 {
        let (buyer, commune) = BUYERS[i % BUYERS.len()];
        let (cpv, object, social) = TRADES[i % TRADES.len()];
        let year = first_year + (i as i64 % 3);
        let on = format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 27);
        let amount = 8_000 + (i * 7_919) % 240_000;
        let mut record = json!({
            "id": format!("{year}-DEMO-{i:03}"), "acheteur": {"id": buyer}, "nature": "Marché",
            "objet": object, "codeCPV": cpv, "techniques": {"technique": ["Sans objet"]},
            "modalitesExecution": {"modaliteExecution": ["Bons de commande"]},
            "marcheInnovant": false, "ccag": "Fournitures courantes et services",
            "offresRecues": 1 + i % 5, "attributionAvance": false,
            "typeGroupementOperateurs": "Pas de groupement", "sousTraitanceDeclaree": false,
            "procedure": if amount > 90_000 { "Appel d'offres ouvert" } else { "Procédure adaptée" },
            "lieuExecution": {"code": commune, "typeCode": "Code commune"},
            "dureeMois": 12 + 12 * (i % 3), "dateNotification": on,
            "datePublicationDonnees": on, "montant": amount,
            "typesPrix": {"typePrix": ["Définitif ferme"]}, "formePrix": "Forfaitaire",
            "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": holder(i, known)}}],
            "considerationsSociales": {"considerationSociale": [social]},
            "considerationsEnvironnementales":
                {"considerationEnvironnementale": ["Pas de considération environnementale"]}
        });
        if i == 4 {
            record["modifications"] = json!([{"modification": {
                "id": 1, "dateNotificationModification": format!("{}-06-15", year + 1),
                "datePublicationDonneesModification": format!("{}-06-20", year + 1),
                "montant": amount + 25_000, "dureeMois": 36}}]);
        }
        marches.push(record);
    }
    // Lyon's contract in Lyon: read, left aside.
    let mut lyon = marches[0].clone();
    lyon["id"] = json!("LYON-001");
    lyon["acheteur"] = json!({"id": "21690123100011"});
    lyon["lieuExecution"] = json!({"code": "69123", "typeCode": "Code commune"});
    marches.push(lyon);
    let concession = json!({"id": "DSP-EAU", "autoriteConcedante": {"id": BUYERS[0].0},
        "nature": "Concession de service", "valeurGlobale": 12_000_000});
    json!({"marches": {"marche": marches, "contrat-concession": [concession]}})
}

/// Imports the demo DECP file once; returns the lines kept (0 when nothing was done).
pub async fn seed(db: &Db, now: i64) -> Result<u64, AppError> {
    if !demo_data::is_demo(db).await? || !decp_ledger::imports(db, 1).await?.is_empty() {
        return Ok(0);
    }
    let known: Vec<String> = structures::published(db, 40, 0)
        .await?
        .into_iter()
        .filter_map(|s| s.siret)
        .filter(|siret| siret.len() == 14)
        .take(6)
        .collect();
    let first_year = Day::of_instant(now).year() - 3;
    let bytes = serde_json::to_vec(&file(first_year, &known)).map_err(AppError::internal)?;
    let buyers = [BUYERS[0].0.to_owned()];
    let options = Options { buyers: &buyers, dry_run: false, user_id: None, now };
    let report = decp::import(db, std::io::Cursor::new(bytes), "decp-demo.json", &options).await?;
    if !report.is_ok() {
        tracing::warn!(errors = ?report.error_lines(), "demo DECP file refused");
        return Ok(0);
    }
    Ok(report.kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Siret;

    #[test]
    fn the_demo_buyers_are_sirets_and_every_record_reads() {
        for (siret, _) in BUYERS {
            assert!(Siret::parse(siret).is_ok(), "{siret}");
        }
        let known = vec!["73282932000074".to_owned()];
        let file = file(2023, &known);
        let marches = file["marches"]["marche"].as_array().expect("list");
        assert_eq!(marches.len(), 37);
        for record in marches {
            assert!(decp::record::contract(record).is_ok(), "{record}");
        }
    }
}
