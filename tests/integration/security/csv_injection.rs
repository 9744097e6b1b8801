//! Exports opened in a spreadsheet: a cell typed as a formula stays text there, and the
//! directory's export still imports back as typed.

use app::{clock::Clock, services::directory::import::import};
use tests::{catalogue_of, spawn_app};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,telephone,presentation_detail,secteurs,type_prestation,zone_intervention
73282932000074,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Voir\"\")\",ASSO,38185,a@exemple.fr,+33 4 76 00 00 00,Chantier,espaces-verts,service,metropole
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Voir\"\")\",Tonte,espaces-verts,service,30
73282932000074,@SUM(A1),Taille,espaces-verts,service,40
";

const FORMULA: &str = "=HYPERLINK(\"\"https://evil.example\"\",\"\"Voir\"\")";

/// Every cell of a CSV text that a spreadsheet would take for a formula.
fn formulas(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    reader
        .records()
        .flat_map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .collect()
}

#[tokio::test]
async fn the_search_export_writes_formulas_as_text() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let response = app.get("/recherche.csv?secteur=espaces-verts").await;
    assert_eq!(response.status(), 200);
    let csv = response.text().await.expect("body");
    assert!(csv.contains(&format!("\"'{FORMULA}\"")), "the title kept, as text: {csv}");
    assert!(csv.contains("\"'@SUM(A1)\""), "{csv}");
    assert_eq!(formulas(&csv), Vec::<String>::new(), "{csv}");
}

#[tokio::test]
async fn the_directory_export_writes_formulas_as_text_and_imports_back_as_typed() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let csv = app.get("/annuaire.csv").await.text().await.expect("body");
    assert!(csv.contains(&format!("\"'{FORMULA}\"")), "{csv}");
    assert!(csv.contains(",'+33 4 76 00 00 00,"), "{csv}");
    assert_eq!(formulas(&csv), Vec::<String>::new(), "{csv}");

    let other = spawn_app().await;
    let report = import(&other.state.db, other.clock.now_ms(), Some(&csv), None, false, "test")
        .await
        .expect("re-import");
    assert!(report.stored, "{report}");
    let name: String = sqlx::query_scalar("SELECT name FROM structures")
        .fetch_one(&other.state.db)
        .await
        .expect("the structure");
    assert_eq!(name, "=HYPERLINK(\"https://evil.example\",\"Voir\")", "imported as typed");
    let again = other.get("/annuaire.csv").await.text().await.expect("body");
    assert_eq!(again, csv, "export → import → export is stable");
}
