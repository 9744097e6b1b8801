//! Open data: the public buyers' lines as CSV and as DECP v2 JSON valid against the official
//! schema; private buyers' lines in neither; formulas neutralised; long files paged.

use serde_json::Value;
use tests::{TestApp, spawn_app};

const BUYER_SIRET: &str = "21380185500015";
const SUPPLIER_SIRET: &str = "73282932000074";

/// A line straight in the database; returns its id.
struct Line<'a> {
    buyer_kind: &'a str,
    supplier: &'a str,
    supplier_siret: Option<&'a str>,
    precision: &'a str,
    source: &'a str,
    external_id: Option<&'a str>,
    place: Option<(&'a str, &'a str)>,
}

impl Default for Line<'_> {
    fn default() -> Self {
        Self {
            buyer_kind: "public",
            supplier: "Régie de quartier",
            supplier_siret: Some(SUPPLIER_SIRET),
            precision: "day",
            source: "file",
            external_id: None,
            place: None,
        }
    }
}

async fn insert(app: &TestApp, line: Line<'_>) -> String {
    let db = tests::pool(&app.database_url).await;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO purchases (id, source, buyer_name, buyer_kind, buyer_siret, supplier_name, \
         supplier_siret, supplier_siren, amount_cents, purchased_on, purchased_year, \
         date_precision, cpv, social_consideration, social_considerations, external_id, \
         execution_place_kind, execution_place_code, created_at) \
         VALUES ($1, $2, 'Ville de Grenoble', $3, $4, $5, $6, '732829320', 1250050, \
         '2025-04-12', 2025, $7, '77310000', 'clause', 'clause criterion', $8, $9, $10, 0)",
    )
    .bind(&id)
    .bind(line.source)
    .bind(line.buyer_kind)
    .bind(BUYER_SIRET)
    .bind(line.supplier)
    .bind(line.supplier_siret)
    .bind(line.precision)
    .bind(line.external_id)
    .bind(line.place.map(|p| p.0))
    .bind(line.place.map(|p| p.1))
    .execute(&db)
    .await
    .expect("line");
    id
}

fn schema_validator() -> jsonschema::Validator {
    let text = include_str!("../../fixtures/decp/schema_decp_v2.0.3.json");
    let schema: Value = serde_json::from_str(text).expect("schema");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

async fn decp(app: &TestApp) -> Value {
    let response = app.get("/donnees/decp.json").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn assert_valid(validator: &jsonschema::Validator, document: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[tokio::test]
async fn the_public_part_is_published_as_csv_and_valid_decp() {
    let app = spawn_app().await;
    let validator = schema_validator();
    // An empty ledger is a valid file too.
    assert_valid(&validator, &decp(&app).await);

    insert(&app, Line { place: Some(("commune", "38185")), ..Line::default() }).await;
    insert(&app, Line { source: "decp", external_id: Some("2025-0042"), ..Line::default() }).await;
    insert(&app, Line { supplier_siret: None, ..Line::default() }).await;
    insert(&app, Line { precision: "year", ..Line::default() }).await;
    insert(&app, Line { supplier: "=HYPERLINK(\"x\")", ..Line::default() }).await;
    insert(&app, Line { buyer_kind: "private", supplier: "Fournisseur privé", ..Line::default() })
        .await;

    let document = decp(&app).await;
    assert_valid(&validator, &document);
    let contracts = document["marches"]["marche"].as_array().expect("contracts");
    // Without a supplier SIRET, or dated by the year: CSV only; the private line: nowhere.
    assert_eq!(contracts.len(), 3, "{document}");
    let ids: Vec<&str> = contracts.iter().filter_map(|c| c["id"].as_str()).collect();
    assert!(ids.contains(&"2025-0042"), "a DECP contract keeps its id: {ids:?}");
    assert!(ids.iter().all(|id| (1..=16).contains(&id.len())), "{ids:?}");
    let placed = contracts.iter().find(|c| c["lieuExecution"]["code"] == "38185").expect("place");
    assert_eq!(placed["lieuExecution"]["typeCode"], "Code commune");
    assert_eq!(placed["montant"], 12500.5);
    assert_eq!(
        placed["considerationsSociales"]["considerationSociale"],
        serde_json::json!(["Clause sociale", "Critère social"])
    );
    assert_eq!(decp(&app).await, document, "ids and contents are stable");

    let csv = app.get("/donnees/achats-publics.csv").await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/csv"));
    let text = csv.text().await.expect("body");
    let rows: Vec<&str> = text.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 6, "a header and five public lines: {text}");
    assert!(rows[0].starts_with("identifiant,source,acheteur,acheteur_siret"), "{}", rows[0]);
    assert!(!text.contains("Fournisseur privé"), "never a private buyer's line");
    assert!(text.contains(r#""'=HYPERLINK(""x"")""#), "formula neutralised: {text}");
    assert!(text.contains("12500.50"), "{text}");

    let page = app.get("/donnees").await.text().await.expect("page");
    assert!(page.contains("Licence Ouverte 2.0"), "{page}");
    assert!(page.contains("Pas de CCAG"), "the defaults are explained");
}

#[tokio::test]
async fn a_long_ledger_is_written_page_after_page() {
    let app = spawn_app().await;
    let db = tests::pool(&app.database_url).await;
    let mut tx = app::db::begin(&db).await.expect("transaction");
    for n in 0..2_345 {
        sqlx::query(
            "INSERT INTO purchases (id, source, buyer_name, buyer_kind, buyer_siret, \
             supplier_name, supplier_siret, amount_cents, purchased_on, purchased_year, cpv, \
             social_consideration, created_at) \
             VALUES ($1, 'file', 'Ville', 'public', $2, 'Régie', $3, 10000, '2025-01-02', 2025, \
             '90911200-8', 'none', 0)",
        )
        .bind(format!("line-{n:05}"))
        .bind(BUYER_SIRET)
        .bind(SUPPLIER_SIRET)
        .execute(&mut *tx)
        .await
        .expect("line");
    }
    tx.commit().await.expect("commit");
    let document = decp(&app).await;
    assert_valid(&schema_validator(), &document);
    let contracts = document["marches"]["marche"].as_array().expect("contracts");
    assert_eq!(contracts.len(), 2_345);
    let mut ids: Vec<&str> = contracts.iter().filter_map(|c| c["id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2_345, "every id is distinct");
    let csv = app.get("/donnees/achats-publics.csv").await.text().await.expect("body");
    assert_eq!(csv.split("\r\n").filter(|r| !r.is_empty()).count(), 2_346);
}
