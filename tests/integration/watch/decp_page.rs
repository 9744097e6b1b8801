//! `/veille/decp`: the pôle's animators send a DECP file from the browser (a plain multipart
//! form); a dry run and a file with errors come back with their report; nobody else may.

use reqwest::multipart::{Form, Part};
use tests::{
    count,
    decp::{Contract, METROPOLE, v2_json},
    spawn_app,
};

const REGIE: &str = "73282932000074";

async fn send(
    app: &tests::TestApp,
    client: &reqwest::Client,
    bytes: Vec<u8>,
    dry_run: bool,
) -> reqwest::Response {
    let mut form = Form::new().part("file", Part::bytes(bytes).file_name("decp-2025.json"));
    if dry_run {
        form = form.text("dry_run", "1");
    }
    client.post(app.url("/veille/decp/envoi")).multipart(form).send().await.expect("POST")
}

#[tokio::test]
async fn an_animator_imports_tries_and_sees_the_errors() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let file = v2_json(&[Contract::new("M-1", METROPOLE, 1_250.0, REGIE)], 1);

    // A dry run: the counts, nothing stored.
    let sent = send(&app, &animator, file.clone(), true).await;
    assert_eq!(sent.headers()["location"], "/veille/decp");
    let html = app.follow(&animator, &sent).await;
    assert!(
        html.contains("Simulation : rien n&#x27;a été enregistré")
            || html.contains("Simulation : rien n'a été enregistré"),
        "{html}"
    );
    assert!(html.contains("1 marché lu, 1 retenu (1 ajouté, 0 mis à jour)"), "{html}");
    assert_eq!(count(&app.database_url, "purchases").await, 0);

    // The import: listed with its counts.
    let sent = send(&app, &animator, file, false).await;
    let location = sent.headers()["location"].to_str().expect("location").to_owned();
    assert!(location.starts_with("/veille/decp?importe="), "{location}");
    let html = app.follow(&animator, &sent).await;
    assert!(html.contains("id=\"decp-imported\""), "{html}");
    assert!(html.contains("decp-2025.json"), "{html}");
    assert_eq!(count(&app.database_url, "purchases").await, 1);
    let list = app.call_ok(&animator, "decp-imports", &[]).await;
    assert_eq!(list["imports"][0]["read"], 1);
    assert_eq!(list["imports"][0]["concessions"], 1);

    // A bad file: its errors on the page, nothing more stored.
    let bad = v2_json(&[Contract::new("M-2", METROPOLE, -5.0, REGIE)], 0);
    let sent = send(&app, &animator, bad, false).await;
    let html = app.follow(&animator, &sent).await;
    assert!(html.contains("Marché n° 1 (id « M-2 »), champ montant"), "{html}");
    assert_eq!(count(&app.database_url, "purchases").await, 1);

    // The imports page links to it for the pôle.
    let page = animator.get(app.url("/veille/imports")).send().await.expect("GET");
    let html = page.text().await.expect("page");
    assert!(html.contains("href=\"/veille/decp\""), "{html}");
}

#[tokio::test]
async fn only_the_pole_and_administrators_may_import_decp() {
    let app = spawn_app().await;
    let file = v2_json(&[Contract::new("M-1", METROPOLE, 10.0, REGIE)], 0);
    let visitor = send(&app, &app.new_client(), file.clone(), false).await;
    assert_eq!(visitor.status(), 401);
    let buyer = app.verified_buyer("Ville de Vizille", "achats@vizille.fr").await;
    let sent = send(&app, &buyer.client, file, false).await;
    assert_eq!(sent.status(), 403);
    assert_eq!(app.call(&buyer.client, "decp-imports", &[]).await.status(), 403);
    let page = buyer.client.get(app.url("/veille/decp")).send().await.expect("GET");
    assert_eq!(page.status(), 403);
    assert_eq!(count(&app.database_url, "purchases").await, 0);
}
