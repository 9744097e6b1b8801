use reqwest::multipart::{Form, Part};
use tests::{Supplier, TestApp, count, spawn_app};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const PDF: &[u8] = b"%PDF-1.4\n% agrement ESUS\n";

/// Sends a file as the workspace's multipart form does; returns the redirection's target.
async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    supplier: &Supplier,
    purpose: &str,
    extra: &[(&str, &str)],
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let mut form = Form::new()
        .text("structure_id", supplier.structure_id.clone())
        .text("purpose", purpose.to_owned())
        .text("back", workspace(supplier));
    for (k, v) in extra {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    form = form.part("file", Part::bytes(bytes.to_vec()).file_name(name.to_owned()));
    client.post(app.url("/documents")).multipart(form).send().await.expect("POST")
}

/// The structure's workspace, where uploads return.
fn workspace(supplier: &Supplier) -> String {
    format!("/espace/structures/{}", supplier.structure_id)
}

fn location(response: &reqwest::Response) -> String {
    assert!(response.status().is_redirection(), "{}", response.status());
    response.headers()["location"].to_str().expect("ascii").to_owned()
}

async fn document_id(app: &TestApp, purpose: &str) -> String {
    let db = tests::pool(&app.database_url).await;
    sqlx::query_scalar("SELECT id FROM uploads WHERE purpose = $1")
        .bind(purpose)
        .fetch_one(&db)
        .await
        .expect("stored")
}

#[tokio::test]
async fn a_logo_is_public_with_its_structure_and_evidence_stays_private() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.supplier("Atelier Vélo Solidaire", "velo@exemple.fr").await;

    // A PDF sent as a logo is refused in French; nothing is stored.
    let wrong = upload(&app, &supplier.client, &supplier, "logo", &[], "logo.png", PDF).await;
    assert_eq!(location(&wrong), workspace(&supplier));
    let page = app.follow(&supplier.client, &wrong).await;
    assert!(page.contains("Formats accept"), "the error shows on the page: {page}");
    assert_eq!(count(&app.database_url, "uploads").await, 0);

    let sent = upload(&app, &supplier.client, &supplier, "logo", &[], "logo.png", PNG).await;
    assert_eq!(location(&sent), format!("{}?document=1", workspace(&supplier)));
    let evidence =
        upload(&app, &supplier.client, &supplier, "esus_evidence", &[], "agrément.pdf", PDF).await;
    assert_eq!(location(&evidence), format!("{}?document=1", workspace(&supplier)));
    let (logo, esus) = (document_id(&app, "logo").await, document_id(&app, "esus_evidence").await);
    let logo_url = format!("/documents/{logo}");
    let esus_url = format!("/documents/{esus}");

    assert_eq!(app.get(&logo_url).await.status(), 404, "the structure is a draft");
    let own = supplier.client.get(app.url(&logo_url)).send().await.expect("GET");
    assert_eq!(own.status(), 200, "its editors see it");
    assert_eq!(own.headers()["cache-control"], "private, no-store", "not public yet");

    app.complete_structure(&supplier, "Atelier Vélo Solidaire").await;
    app.step(&supplier.client, &supplier.structure_id, "submit", "").await;
    let pending = animator.get(app.url(&esus_url)).send().await.expect("GET");
    assert_eq!(pending.status(), 200, "the pôle checks the evidence");
    assert_eq!(pending.headers()["content-type"], "application/pdf");
    assert_eq!(pending.headers()["cache-control"], "private, no-store", "evidence is not cached");
    assert!(
        pending.headers()["content-disposition"].to_str().expect("ascii").starts_with("attachment")
    );
    app.step(&animator, &supplier.structure_id, "validate", "").await;

    let public = app.get(&logo_url).await;
    assert_eq!(public.status(), 200);
    assert_eq!(public.headers()["content-type"], "image/png");
    assert_eq!(public.headers()["x-content-type-options"], "nosniff");
    assert_eq!(public.headers()["cache-control"], "private, max-age=300");
    assert_eq!(public.bytes().await.expect("bytes").as_ref(), PNG);
    let page = app.get("/structures/atelier-velo-solidaire").await.text().await.expect("body");
    assert!(page.contains(&logo_url), "the public page shows the logo");
    assert_eq!(app.get(&esus_url).await.status(), 404, "evidence is never public");

    // A new logo replaces the old one.
    upload(&app, &supplier.client, &supplier, "logo", &[], "nouveau.png", PNG).await;
    assert_eq!(app.get(&logo_url).await.status(), 404);
    assert_eq!(count(&app.database_url, "uploads").await, 2);
}

#[tokio::test]
async fn only_editors_upload_and_photos_follow_their_offer() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let supplier =
        app.published_supplier("Les Jardins de Vif", "jardins@exemple.fr", &animator).await;
    let offer = app.create_offer(&supplier, "Entretien de pelouses").await;

    let visitor = upload(&app, &app.new_client(), &supplier, "logo", &[], "x.png", PNG).await;
    assert_eq!(visitor.status(), 401);
    let stranger = app.signed_in_user("Intrus", "intrus@exemple.fr").await;
    let refused = upload(&app, &stranger, &supplier, "logo", &[], "x.png", PNG).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(count(&app.database_url, "uploads").await, 0);

    let sent = upload(
        &app,
        &supplier.client,
        &supplier,
        "photo",
        &[("offer_id", &offer)],
        "pelouse.png",
        PNG,
    )
    .await;
    assert_eq!(location(&sent), format!("{}?document=1", workspace(&supplier)));
    let photo = format!("/documents/{}", document_id(&app, "photo").await);
    assert_eq!(app.get(&photo).await.status(), 404, "the offer is a draft");
    app.call_ok(&supplier.client, "offer-status", &[("offer_id", &offer), ("status", "published")])
        .await;
    assert_eq!(app.get(&photo).await.status(), 200);
    let slug = app.column("offers", "slug", &offer).await.expect("slug");
    let page = app.get(&format!("/offres/{slug}")).await.text().await.expect("body");
    assert!(page.contains(&photo), "the offer page shows its photo");
}
