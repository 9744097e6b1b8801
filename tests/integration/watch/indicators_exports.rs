//! The indicators as JSON (`GET /api/v1/indicators`), CSV and XLSX: the page's figures.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use tests::{Line, spawn_app};

use super::indicators_ledger::{dashboard, partnership};

#[tokio::test]
async fn the_api_and_the_exports_give_the_page_s_figures() {
    let app = spawn_app().await;
    partnership(&app).await;
    let visitor = app.new_client();
    let page = dashboard(&app, &visitor, "annee=2025&ventilation=cpv").await;
    let api = visitor
        .get(app.url("/api/v1/indicators?annee=2025&ventilation=cpv"))
        .send()
        .await
        .expect("api");
    assert_eq!(api.status(), 200);
    let api: serde_json::Value = api.json().await.expect("json");
    assert_eq!(api, page);

    // The key figures as CSV: the public part of 2025 (7 lines, 103 000 €, 4 of 7 social).
    let csv = visitor
        .get(app.url("/veille/export.csv?tableau=chiffres&annee=2025"))
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), 200);
    let bytes = csv.bytes().await.expect("bytes");
    let text =
        std::str::from_utf8(&bytes).expect("utf-8").trim_start_matches('\u{feff}').to_owned();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let cell = |row: usize, name: &str| {
        let column = headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
        rows[row][column].to_owned()
    };
    assert_eq!(cell(0, "Période"), "2025");
    assert_eq!(cell(0, "Achats"), "7");
    assert_eq!(cell(0, "Montant HT (€)"), "103000,00");
    assert_eq!(cell(0, "Part en nombre (PNAD)"), "57,1 %");
    assert_eq!(cell(0, "Montant SIAE (€)"), "secret");
    assert_eq!(cell(1, "Montant HT (€)"), "40000,00", "2024");

    // The same table as XLSX, cell for cell.
    let xlsx = visitor
        .get(app.url("/veille/export.xlsx?tableau=chiffres&annee=2025"))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.expect("bytes").to_vec();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("workbook");
    let sheet = book.worksheet_range("Indicateurs").expect("sheet");
    let read: Vec<Vec<String>> =
        sheet.rows().skip(2).map(|r| r.iter().map(ToString::to_string).collect()).collect();
    assert_eq!(read[0], headers.iter().map(str::to_owned).collect::<Vec<_>>());
    assert_eq!(read[1], rows[0].iter().map(str::to_owned).collect::<Vec<_>>());

    // The breakdown's secret rows stay secret in the export.
    let csv = visitor
        .get(app.url("/veille/export.csv?tableau=ventilation&annee=2025&ventilation=cpv"))
        .send()
        .await
        .expect("csv");
    let text = csv.text().await.expect("text");
    assert!(text.contains("Division 90;2025;secret"), "{text}");

    // Bad parameters: the French errors, nothing exported.
    let bad = visitor
        .get(app.url("/veille/export.csv?tableau=tout&annee=2025"))
        .send()
        .await
        .expect("bad");
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.expect("text").contains("Choisissez le tableau"));
    let bad = visitor.get(app.url("/api/v1/indicators?annee=25")).send().await.expect("bad");
    assert_eq!(bad.status(), 400);
    let body: serde_json::Value = bad.json().await.expect("json");
    assert_eq!(body["errors"][0]["field"], "annee", "{body}");
}

#[tokio::test]
async fn a_buyer_s_token_reads_its_own_figures() {
    let app = spawn_app().await;
    partnership(&app).await;
    let buyer = app.verified_buyer("Ville de Seyssinet", "achats@seyssinet.fr").await;
    let line = Line {
        buyer: buyer.organisation_id.clone(),
        buyer_kind: "public",
        euros: 2_500,
        on: "2025-02-01",
        social: "clause",
        cpv: "45",
        ..Line::default()
    };
    app.ledger(&[line]).await;
    let token = app.api_token(&buyer, "Logiciel financier").await;
    let answer = reqwest::Client::new()
        .get(app.url("/api/v1/indicators?annee=2025"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("api");
    assert_eq!(answer.status(), 200);
    let d: serde_json::Value = answer.json().await.expect("json");
    assert_eq!(d["scope"]["kind"], "organisation", "{d}");
    assert_eq!(d["current"]["total"]["amount_cents"], 250_000);
    assert_eq!(d["current"]["shares"]["social_by_count"], 1.0);
    let refused = reqwest::Client::new()
        .get(app.url("/api/v1/indicators"))
        .bearer_auth("ecossol_inconnu")
        .send()
        .await
        .expect("api");
    assert_eq!(refused.status(), 401);
}
