//! Storage: the files an organisation keeps (its structure's documents, the pieces it sends to
//! checks and label files, its needs' and quotes' files) stay within one quota, counted in
//! the database; beyond it an upload is refused in French next to its field, nothing stored.

use reqwest::multipart::{Form, Part};
use tests::{TestApp, count, need_fields, spawn_app};

const QUOTA: i64 = 200 * 1024 * 1024;
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// What the organisation already stores, short of the quota by `left` bytes: one file whose
/// recorded size says so (its content is a byte: the quota counts recorded sizes).
async fn fill_up_structure(app: &TestApp, structure_id: &str, left: i64) {
    sqlx::query(
        "INSERT INTO uploads (id, structure_id, purpose, file_name, content_type, size_bytes, \
         content, created_at) VALUES ('remplissage', $1, 'esus_evidence', 'archives.pdf', \
         'application/pdf', $2, $3, 0)",
    )
    .bind(structure_id)
    .bind(QUOTA - left)
    .bind(b"x".to_vec())
    .execute(&app.state.db)
    .await
    .expect("filler");
}

fn logo_form(structure_id: &str, back: &str) -> Form {
    Form::new()
        .text("structure_id", structure_id.to_owned())
        .text("purpose", "logo")
        .text("back", back.to_owned())
        .part("file", Part::bytes(PNG.to_vec()).file_name("logo.png"))
}

fn piece_form() -> Form {
    Form::new()
        .text("kind", "statuts")
        .text("valid_until", "")
        .part("file", Part::bytes(PDF.to_vec()).file_name("statuts.pdf"))
}

#[tokio::test]
async fn a_full_organisation_uploads_nothing_more_until_it_makes_room() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr"]).await;
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", &team[0]).await;
    let workspace = format!("/espace/structures/{}", supplier.structure_id);
    fill_up_structure(&app, &supplier.structure_id, 16).await;

    // A logo: refused next to the file field, nothing stored.
    let sent = supplier
        .client
        .post(app.url("/documents"))
        .multipart(logo_form(&supplier.structure_id, &workspace))
        .send()
        .await
        .expect("POST");
    assert_eq!(sent.headers()["location"], workspace.as_str(), "back, with the error");
    let page = app.follow(&supplier.client, &sent).await;
    assert!(page.contains("200 Mo"), "the quota's error shows on the page");
    assert_eq!(count(&app.database_url, "uploads").await, 1);

    // A piece of its label file: the same quota.
    let label = app.apply_label(&supplier.client, &supplier.structure_id).await;
    let check = app.label_file(&supplier.client, &label).await["check_id"]
        .as_str()
        .expect("check")
        .to_owned();
    let pieces = app.url(&format!("/hqs/controles/{check}/pieces"));
    let sent = supplier.client.post(&pieces).multipart(piece_form()).send().await.expect("POST");
    let page = app.follow(&supplier.client, &sent).await;
    let error = tests::piece_error(&page).expect("the quota's error shows under the upload");
    assert!(error.contains("200 Mo"), "{error}");
    assert_eq!(count(&app.database_url, "hqs_evidence").await, 0);

    // Room made: both go through.
    sqlx::query("UPDATE uploads SET size_bytes = 1 WHERE id = 'remplissage'")
        .execute(&app.state.db)
        .await
        .expect("room");
    let sent = supplier
        .client
        .post(app.url("/documents"))
        .multipart(logo_form(&supplier.structure_id, &workspace))
        .send()
        .await
        .expect("POST");
    assert_eq!(sent.headers()["location"], format!("{workspace}?document=1").as_str());
    let sent = supplier.client.post(&pieces).multipart(piece_form()).send().await.expect("POST");
    assert!(sent.headers()["location"].to_str().expect("ascii").contains("piece=1"));
    assert_eq!(count(&app.database_url, "hqs_evidence").await, 1);
}

#[tokio::test]
async fn a_buyers_need_files_count_against_its_organisation() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let drafted = app.draft_need(&buyer, need_fields(&app, "Entretien des espaces verts")).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    let other = app.draft_need(&buyer, need_fields(&app, "Nettoyage des locaux")).await;
    let other = other["Done"].as_str().expect("drafted").to_owned();
    // Another need of the same buyer holds nearly all its room.
    sqlx::query(
        "INSERT INTO need_files (id, need_id, file_name, content_type, size_bytes, content, \
         created_at) VALUES ('remplissage', $1, 'plans.pdf', 'application/pdf', $2, $3, 0)",
    )
    .bind(&other)
    .bind(QUOTA - 16)
    .bind(b"x".to_vec())
    .execute(&app.state.db)
    .await
    .expect("filler");

    let form = Form::new().part("file", Part::bytes(PDF.to_vec()).file_name("CCTP.pdf"));
    let sent = buyer
        .client
        .post(app.url(&format!("/besoins/{id}/fichiers")))
        .multipart(form)
        .send()
        .await
        .expect("POST");
    assert_eq!(sent.headers()["location"], format!("/besoins/{id}").as_str());
    let page = app.follow(&buyer.client, &sent).await;
    assert!(page.contains("200 Mo"), "the quota's error shows on the need's page");
    assert_eq!(count(&app.database_url, "need_files").await, 1, "nothing stored");
}
