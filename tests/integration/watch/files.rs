use serde_json::Value;
use tests::{TestApp, count, spawn_app, windows_1252};

/// Supplier, cents, day, precision, year, considerations, SIREN, category.
type StoredLine = (String, i64, String, String, i64, String, Option<String>, Option<String>);

/// The count of the ledger's lines of an organisation.
async fn lines_of(app: &TestApp, organisation_id: &str) -> i64 {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM purchases WHERE buyer_organisation_id = $1")
        .bind(organisation_id)
        .fetch_one(&db)
        .await
        .expect("count")
}

fn errors(page: &Value) -> Vec<String> {
    page["preview"]["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    format!(
                        "{}, ligne {}, colonne {} : {}",
                        e["file"].as_str().unwrap_or_default(),
                        e["line"],
                        e["column"].as_str().unwrap_or_default(),
                        e["message"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_windows_1252_csv_with_semicolons_and_french_amounts_imports() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    let text = "Fournisseur;SIRET;Montant HT;Date;Catégorie;Clause sociale\r\n\
                Régie de quartier;732 829 320 00074;1 250,50;15/03/2025;Entretien des espaces verts;Clause sociale\r\n\
                Café « Solidaire »;;980,00;2025;Traiteur;aucune\r\n";
    let bytes = windows_1252(text);
    assert!(std::str::from_utf8(&bytes).is_err(), "the file is not UTF-8");
    let id = app.pending_import(&buyer, "achats 2025.csv", bytes).await;

    // The mapping page: headers decoded, roles guessed, a preview with no error.
    let page = app.purchase_import(&buyer.client, &id).await;
    let headers: Vec<&str> = page["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["header"].as_str())
        .collect();
    assert_eq!(
        headers,
        ["Fournisseur", "SIRET", "Montant HT", "Date", "Catégorie", "Clause sociale"]
    );
    let roles: Vec<&str> = page["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["role"].as_str())
        .collect();
    assert_eq!(roles, ["supplier_name", "supplier_id", "amount", "date", "category", "social"]);
    assert_eq!(page["preview"]["line_count"], 2, "{page}");
    assert_eq!(page["preview"]["error_count"], 0, "{page}");
    assert_eq!(page["preview"]["total"], "2\u{202f}230,50 €");
    assert_eq!(page["preview"]["lines"][1]["supplier"], "Café « Solidaire »");
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 0, "nothing stored before confirming");

    // The same page without JavaScript.
    let html =
        buyer.client.get(app.url(&format!("/veille/imports/{id}"))).send().await.expect("GET");
    assert_eq!(html.status(), 200);
    let html = html.text().await.expect("page");
    assert!(html.contains("Régie de quartier") && html.contains("Importer les 2 lignes"), "{html}");

    let confirmed = app.confirm_import(&buyer.client, &id).await;
    assert_eq!(confirmed["Done"], id.as_str(), "{confirmed}");
    let db = tests::pool(&app.database_url).await;
    let rows: Vec<StoredLine> = sqlx::query_as(
        "SELECT supplier_name, amount_cents, purchased_on, date_precision, purchased_year, \
             social_considerations, supplier_siren, category FROM purchases \
             WHERE import_id = $1 ORDER BY line_number",
    )
    .bind(&id)
    .fetch_all(&db)
    .await
    .expect("lines");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, "Régie de quartier");
    assert_eq!((rows[0].1, rows[0].2.as_str(), rows[0].3.as_str()), (125_050, "2025-03-15", "day"));
    assert_eq!((rows[0].5.as_str(), rows[0].6.as_deref()), ("clause", Some("732829320")));
    assert_eq!(
        (rows[1].1, rows[1].2.as_str(), rows[1].3.as_str(), rows[1].4),
        (98_000, "2025-01-01", "year", 2025)
    );
    assert_eq!((rows[1].5.as_str(), rows[1].7.as_deref()), ("none", Some("Traiteur")));
    let source: String =
        sqlx::query_scalar("SELECT DISTINCT source FROM purchases WHERE import_id = $1")
            .bind(&id)
            .fetch_one(&db)
            .await
            .expect("source");
    assert_eq!(source, "file");

    // The list shows it with its counts and total.
    let list = app.call_ok(&buyer.client, "purchase-imports", &[]).await;
    let import = &list["imports"][0];
    assert_eq!(
        (import["state"].as_str(), import["line_count"].as_i64()),
        (Some("imported"), Some(2))
    );
    assert_eq!(import["total"], "2\u{202f}230,50 €");
    let html = buyer.client.get(app.url("/veille/imports")).send().await.expect("GET");
    assert!(html.text().await.expect("page").contains("achats 2025.csv"));
    assert_eq!(count(&app.database_url, "purchase_imports").await, 1);
}

#[tokio::test]
async fn an_xlsx_workbook_imports() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Entreprise Alpine", "achats@alpine.fr").await;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (col, header) in
        ["Raison sociale", "N° SIRET", "Montant H.T.", "Date de commande", "Code CPV"]
            .iter()
            .enumerate()
    {
        sheet.write_string(0, u16::try_from(col).expect("col"), *header).expect("header");
    }
    sheet.write_string(1, 0, "ESAT du Drac").expect("cell");
    sheet.write_number(1, 1, 73_282_932_000_074.0).expect("cell");
    sheet.write_number(1, 2, 4_200.75).expect("cell");
    let day = ExcelDateTime::from_ymd(2025, 6, 30).expect("date");
    sheet.write_datetime_with_format(1, 3, &day, &date).expect("cell");
    sheet.write_string(1, 4, "79810000-5").expect("cell");
    sheet.write_string(3, 0, "Atelier Vélo").expect("cell");
    sheet.write_string(3, 1, "").expect("cell");
    sheet.write_number(3, 2, 300).expect("cell");
    sheet.write_string(3, 3, "2024").expect("cell");
    let bytes = book.save_to_buffer().expect("workbook");

    let id = app.pending_import(&buyer, "achats.xlsx", bytes).await;
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(page["preview"]["error_count"], 0, "{page}");
    assert_eq!(page["preview"]["line_count"], 2, "the empty row is skipped: {page}");
    assert_eq!(page["preview"]["lines"][1]["line"], 4, "a workbook's row number");
    app.confirm_import(&buyer.client, &id).await;
    let lines = app.ledger_lines(&id).await;
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0].1.as_str(), lines[0].2), ("ESAT du Drac", 420_075));
    let db = tests::pool(&app.database_url).await;
    let (day, siret, cpv): (String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT purchased_on, supplier_siret, cpv FROM purchases WHERE import_id = $1 AND line_number = 2",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("line");
    assert_eq!(
        (day.as_str(), siret.as_deref(), cpv.as_deref()),
        ("2025-06-30", Some("73282932000074"), Some("79810000-5"))
    );
}

#[tokio::test]
async fn a_bad_file_gives_every_error_with_its_line_and_column_and_stores_nothing() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.fr").await;

    // A missing column: an error of the header.
    let id = app
        .pending_import(&buyer, "sans-montant.csv", b"Fournisseur;Date\nRegie;2025\n".to_vec())
        .await;
    let page = app.purchase_import(&buyer.client, &id).await;
    let found = errors(&page);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("sans-montant.csv, ligne 1, colonne Montant HT : Aucune colonne"),
        "{found:?}"
    );

    // Bad cells: each error with its line and column.
    let text = "Fournisseur;SIRET;Montant HT;Date\n\
                Régie;73282932000075;100;2025\n\
                Ressourcerie;;-50;2025\n\
                Jardins;;10;31/02/2025\n\
                Bonne ligne;;20;2025\n";
    let id = app.pending_import(&buyer, "achats.csv", text.as_bytes().to_vec()).await;
    let page = app.purchase_import(&buyer.client, &id).await;
    let found = errors(&page);
    assert_eq!(page["preview"]["error_count"], 3, "{page}");
    assert!(
        found[0]
            .starts_with("achats.csv, ligne 2, colonne B « SIRET » : Ce numéro SIRET n'existe pas"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(
            "achats.csv, ligne 3, colonne C « Montant HT » : Le montant ne peut pas être négatif"
        ),
        "{found:?}"
    );
    assert!(
        found[2].starts_with(
            "achats.csv, ligne 4, colonne D « Date » : « 31/02/2025 » n'est pas une date"
        ),
        "{found:?}"
    );
    // The page without JavaScript lists them and offers no import.
    let html =
        buyer.client.get(app.url(&format!("/veille/imports/{id}"))).send().await.expect("GET");
    let html = html.text().await.expect("page");
    assert!(html.contains("achats.csv, ligne 3, colonne C « Montant HT »"), "{html}");
    assert!(!html.contains("import-confirm-form"), "no import while a line has an error");

    // Confirming anyway stores nothing: all or nothing.
    let refused = app.confirm_import(&buyer.client, &id).await;
    let message = refused["Invalid"][0][1].as_str().unwrap_or_default();
    assert!(message.starts_with("3 erreurs dans le fichier : rien n'a été importé"), "{refused}");
    assert_eq!(count(&app.database_url, "purchases").await, 0);
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(page["summary"]["state"], "pending", "still to correct");

    // Not a table at all.
    let sent = app
        .upload_purchases(&buyer.client, &buyer.organisation_id, "scan.pdf", b"%PDF-1.4 x".to_vec())
        .await;
    let html = app.follow(&buyer.client, &sent).await;
    assert!(html.contains("ni un tableau CSV ni un classeur XLSX"), "{html}");
}

#[tokio::test]
async fn importing_the_same_file_again_replaces_its_lines() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Meylan", "achats@meylan.fr").await;
    let january = "Fournisseur;Montant HT;Date\nA;100;01/01/2025\nB;200;02/01/2025\n";
    let first = app.imported(&buyer, "achats-2025.csv", january.as_bytes().to_vec()).await;
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 2);

    // The same file completed, downloaded again by the browser: its lines replace the others.
    let march = format!("{january}C;300;03/03/2025\n");
    let second = app.imported(&buyer, "Achats-2025 (1).csv", march.clone().into_bytes()).await;
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 3, "replaced, not doubled");
    assert!(app.ledger_lines(&first).await.is_empty());
    let list = app.call_ok(&buyer.client, "purchase-imports", &[]).await;
    let states: Vec<(&str, &str)> = list["imports"]
        .as_array()
        .expect("imports")
        .iter()
        .map(|i| (i["id"].as_str().unwrap_or_default(), i["state"].as_str().unwrap_or_default()))
        .collect();
    assert!(states.contains(&(first.as_str(), "replaced")), "{states:?}");

    // The same content under another name is the same file too.
    let third = app.imported(&buyer, "export.csv", march.into_bytes()).await;
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 3);
    assert!(app.ledger_lines(&second).await.is_empty());

    // Another file adds its lines.
    app.imported(&buyer, "achats-2024.csv", b"Fournisseur;Montant HT;Date\nD;50;2024\n".to_vec())
        .await;
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 4);
    assert_eq!(app.ledger_lines(&third).await.len(), 3);

    // Another buyer's file of the same name is not the same file.
    let other = app.verified_buyer("Ville de Sassenage", "achats@sassenage.fr").await;
    app.imported(&other, "achats-2025.csv", january.as_bytes().to_vec()).await;
    assert_eq!(lines_of(&app, &buyer.organisation_id).await, 4);
}
