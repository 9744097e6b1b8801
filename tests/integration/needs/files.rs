//! PDF attachments: the buyer's files of a need (public with it once published) and the
//! files of each quote (for the buyer, the pôle and the structure only); plain multipart
//! forms answered by a redirection, French errors in the page's flash, nothing stored on
//! error; nothing changes after the deadline.

use reqwest::multipart::{Form, Part};
use tests::{TestApp, count, need_fields, spawn_app};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

/// Sends a file as the need page's form does (a browser sends the name in UTF-8 as it is).
async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let part = Part::bytes(bytes.to_vec()).file_name(name.to_owned());
    let form = Form::new().percent_encode_noop().part("file", part);
    client.post(app.url(path)).multipart(form).send().await.expect("POST")
}

fn location(response: &reqwest::Response) -> String {
    assert!(response.status().is_redirection(), "{}", response.status());
    response.headers()["location"].to_str().expect("ascii").to_owned()
}

/// The error shown under a file field of a page, if any.
fn field_error(page: &str, field: &str) -> Option<String> {
    let start = page.find(&format!(r#"id="champ-{field}-erreur""#))?;
    let text = &page[start..];
    let text = &text[text.find('>')? + 1..];
    let message = &text[..text.find("</p>")?];
    (!message.trim().is_empty()).then(|| message.to_owned())
}

async fn file_ids(app: &TestApp) -> Vec<String> {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar("SELECT id FROM need_files ORDER BY created_at, id")
        .fetch_all(&db)
        .await
        .expect("files")
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response.headers().get(name).map_or("", |v| v.to_str().expect("ascii"))
}

#[tokio::test]
async fn the_buyers_pdf_goes_with_its_draft_and_anyone_reads_it_once_published() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let drafted = app.draft_need(&buyer, need_fields(&app, "Entretien des espaces verts")).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    let page = format!("/besoins/{id}");

    let sent =
        send(&app, &buyer.client, &format!("{page}/fichiers"), "../CCTP <v2>.pdf", PDF).await;
    assert_eq!(location(&sent), format!("{page}?fichier=1"));
    let seen = app.need(&buyer.client, &id).await;
    assert_eq!(seen["adds_files"], true, "{seen}");
    let files = seen["files"].as_array().expect("files").clone();
    assert_eq!(files.len(), 1, "{seen}");
    assert_eq!(files[0]["file_name"], "CCTP v2.pdf", "the name is cleaned");
    assert_eq!(files[0]["size_bytes"], PDF.len());
    let file = format!("{page}/fichiers/{}", files[0]["id"].as_str().expect("id"));

    // A draft's file is its buyer's: kept out of caches, unknown to the others.
    let own = buyer.client.get(app.url(&file)).send().await.expect("GET");
    assert_eq!(own.status(), 200);
    assert_eq!(header(&own, "content-type"), "application/pdf");
    assert!(header(&own, "content-disposition").starts_with("attachment"));
    assert_eq!(header(&own, "x-content-type-options"), "nosniff");
    assert_eq!(header(&own, "cache-control"), "private, no-store");
    assert_eq!(app.get(&file).await.status(), 404);
    let stranger = app.signed_in_user("Intrus", "intrus@example.org").await;
    assert_eq!(stranger.get(app.url(&file)).send().await.expect("GET").status(), 404);

    // The audit log tells the name and size, never the content.
    let db = tests::pool(&app.database_url).await;
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'file_added' AND subject_id = $1",
    )
    .bind(&id)
    .fetch_one(&db)
    .await
    .expect("audited");
    assert!(details.contains("CCTP v2.pdf") && details.contains(&PDF.len().to_string()));
    assert!(!details.contains("Catalog"), "{details}");

    app.need_step(&buyer.client, &id, "submit", "").await;
    app.need_step(&animator, &id, "validate", "").await;
    let public = app.get(&file).await;
    assert_eq!(public.status(), 200, "a published need's files are public");
    assert_ne!(header(&public, "cache-control"), "private, no-store");
    assert_eq!(public.bytes().await.expect("bytes").as_ref(), PDF);
    let html = app.get(&page).await.text().await.expect("page");
    assert!(html.contains(&file) && html.contains("CCTP v2.pdf"), "the page links it");
    assert!(!html.contains(r#"id="fichier-form""#), "only its writers see the form");
    let visitor = app.need(&app.new_client(), &id).await;
    assert_eq!(visitor["files"].as_array().map(Vec::len), Some(1));
    assert_eq!(visitor["adds_files"], false);
}

#[tokio::test]
async fn a_wrong_type_a_big_file_or_a_sixth_file_is_refused_in_french_and_nothing_is_stored() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let mut fields = need_fields(&app, "Entretien des espaces verts");
    fields.push(("form[anonymous]".into(), "on".into()));
    let drafted = app.draft_need(&buyer, fields).await;
    let id = drafted["Done"].as_str().expect("drafted").to_owned();
    let page = format!("/besoins/{id}");
    let upload = format!("{page}/fichiers");

    let html = buyer.client.get(app.url(&page)).send().await.expect("GET").text().await;
    let html = html.expect("page");
    assert!(html.contains(r#"id="fichier-form""#), "the buyer has the form");
    assert!(html.contains(r#"id="need-files-anonymous""#), "an anonymous need warns its buyer");

    let png = send(&app, &buyer.client, &upload, "plan.pdf", PNG).await;
    assert_eq!(location(&png), page, "no success marker");
    let shown = app.follow(&buyer.client, &png).await;
    assert_eq!(
        field_error(&shown, "fichier").as_deref(),
        Some("Seuls les fichiers PDF sont acceptés."),
        "the error shows next to the field"
    );
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let too_big = send(&app, &buyer.client, &upload, "gros.pdf", &big).await;
    let shown = app.follow(&buyer.client, &too_big).await;
    assert_eq!(field_error(&shown, "fichier").as_deref(), Some("Le fichier dépasse 10 Mo."));
    assert_eq!(count(&app.database_url, "need_files").await, 0);

    for n in 1..=5 {
        let sent = send(&app, &buyer.client, &upload, &format!("annexe-{n}.pdf"), PDF).await;
        assert_eq!(location(&sent), format!("{page}?fichier=1"));
    }
    let sixth = send(&app, &buyer.client, &upload, "annexe-6.pdf", PDF).await;
    let shown = app.follow(&buyer.client, &sixth).await;
    let error = field_error(&shown, "fichier").expect("an error");
    assert!(error.contains("porte au plus 5 pièces jointes"), "{error}");
    assert_eq!(count(&app.database_url, "need_files").await, 5);

    // Outsiders neither add nor remove.
    let first = file_ids(&app).await.remove(0);
    let remove = format!("{page}/fichiers/{first}/supprimer");
    assert_eq!(send(&app, &app.new_client(), &upload, "x.pdf", PDF).await.status(), 401);
    let stranger = app.signed_in_user("Intrus", "intrus@example.org").await;
    assert_eq!(send(&app, &stranger, &upload, "x.pdf", PDF).await.status(), 403);
    let refused = stranger.post(app.url(&remove)).send().await.expect("POST");
    assert_eq!(refused.status(), 403);
    assert_eq!(count(&app.database_url, "need_files").await, 5);

    let removed = buyer.client.post(app.url(&remove)).send().await.expect("POST");
    assert_eq!(location(&removed), format!("{page}?fichier_retire=1"));
    assert_eq!(count(&app.database_url, "need_files").await, 4);
    let again = buyer.client.post(app.url(&remove)).send().await.expect("POST");
    let shown = app.follow(&buyer.client, &again).await;
    assert_eq!(field_error(&shown, "fichier").as_deref(), Some("Ce fichier n'existe plus."));
}

#[tokio::test]
async fn a_quotes_files_are_read_by_the_buyer_and_the_structure_only_and_change_until_the_deadline()
{
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let supplier =
        app.published_supplier("Régie des Jardins", "jardins@example.org", &animator).await;
    let other = app.published_supplier("Régie du Parc", "parc@example.org", &animator).await;
    let buyer = app.verified_buyer("Ville de Fontaine", "achats@fontaine.example").await;
    let id = app.published_need(&buyer, &animator, "Entretien des espaces verts").await;
    let page = format!("/besoins/{id}");
    let upload = format!("{page}/devis/{}/fichiers", supplier.structure_id);

    // The files go with a quote: none before it is sent.
    let early = send(&app, &supplier.client, &upload, "devis.pdf", PDF).await;
    let shown = app.follow(&supplier.client, &early).await;
    let error = field_error(&shown, "fichier_devis");
    assert!(
        error.as_deref().is_some_and(|e| e.contains("Envoyez d'abord votre devis")),
        "{error:?}"
    );
    assert_eq!(count(&app.database_url, "need_files").await, 0);

    let pairs: Vec<(String, String)> = vec![
        ("need_id".into(), id.clone()),
        ("structure_id".into(), supplier.structure_id.clone()),
        ("form[price][]".into(), "12 000".into()),
        ("form[price][]".into(), "3 000".into()),
        ("form[answer][]".into(), "Quatre salariés en insertion".into()),
        ("form[lead_time]".into(), "2 semaines".into()),
    ];
    let quoted = app.call_pairs_ok(&supplier.client, "quote-submit", &pairs).await;
    assert_eq!(quoted["Done"], id.as_str(), "{quoted}");
    let sent = send(&app, &supplier.client, &upload, "devis détaillé.pdf", PDF).await;
    assert_eq!(location(&sent), format!("{page}?fichier_devis=1"));
    // Another structure's editors do not write it.
    assert_eq!(send(&app, &other.client, &upload, "x.pdf", PDF).await.status(), 403);
    assert_eq!(count(&app.database_url, "need_files").await, 1);

    let side = app.need(&supplier.client, &id).await;
    assert_eq!(side["supplier"]["files"].as_array().map(Vec::len), Some(1), "{side}");
    let compared = app.need(&buyer.client, &id).await;
    let line = compared["comparison"]["quotes"][0].clone();
    assert_eq!(line["files"][0]["file_name"], "devis détaillé.pdf", "{line}");
    assert!(compared["files"].as_array().expect("files").is_empty(), "not the buyer's files");
    let file = format!("{upload}/{}", line["files"][0]["id"].as_str().expect("id"));
    let html = buyer.client.get(app.url(&page)).send().await.expect("GET").text().await;
    assert!(html.expect("page").contains(&file), "the comparison links it");

    for (who, client) in
        [("buyer", &buyer.client), ("supplier", &supplier.client), ("pôle", &animator)]
    {
        let read = client.get(app.url(&file)).send().await.expect("GET");
        assert_eq!(read.status(), 200, "{who}");
        assert_eq!(header(&read, "cache-control"), "private, no-store", "{who}");
        assert_eq!(read.bytes().await.expect("bytes").as_ref(), PDF, "{who}");
    }
    assert_eq!(other.client.get(app.url(&file)).send().await.expect("GET").status(), 404);
    assert_eq!(app.get(&file).await.status(), 404);
    // Through the need's route, a quote's file is not the buyer's.
    let elsewhere = format!("{page}/fichiers/{}", line["files"][0]["id"].as_str().expect("id"));
    assert_eq!(app.get(&elsewhere).await.status(), 404);

    // After the deadline, nothing is added nor removed.
    app.advance_days(31);
    let supplier_again = app.sign_in_again(&supplier.email).await;
    let late = send(&app, &supplier_again, &upload, "tard.pdf", PDF).await;
    let shown = app.follow(&supplier_again, &late).await;
    let error = field_error(&shown, "fichier_devis").unwrap_or_default();
    assert!(error.contains("date limite"), "{error}");
    let buyer_again = app.sign_in_again("achats@fontaine.example").await;
    let late = send(&app, &buyer_again, &format!("{page}/fichiers"), "tard.pdf", PDF).await;
    assert_eq!(location(&late), page);
    let removal = buyer_again.post(app.url(&format!("{file}/supprimer"))).send().await;
    assert_eq!(removal.expect("POST").status(), 403, "the buyer never removes a quote's file");
    let removal = supplier_again.post(app.url(&format!("{file}/supprimer"))).send().await;
    assert_eq!(location(&removal.expect("POST")), page, "refused after the deadline");
    assert_eq!(count(&app.database_url, "need_files").await, 1);
}
