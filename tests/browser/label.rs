//! The label in a browser: a structure applies and sends its statutes, one animator reviews
//! and prepares, another grants, and a visitor verifies the number.

use tests::{Browser, JavaScript, TestApp, spawn_app};

use crate::steps::{fill, open, sign_in, submit, text_of, wait_text};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn sign_out(browser: &Browser) {
    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(browser, ".site-header nav", "Se connecter").await;
}

async fn hydrated(browser: &Browser, javascript: JavaScript) {
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
}

async fn label_journey(app: &TestApp, javascript: JavaScript) {
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", &team[0]).await;
    let browser = Browser::start(javascript).await;

    // The structure applies from its workspace and sends its statutes.
    sign_in(app, &browser, "regie@exemple.fr", javascript).await;
    open(app, &browser, &format!("/espace/structures/{}", supplier.structure_id), javascript).await;
    submit(&browser, "#label-apply-form").await;
    wait_text(&browser, "#label-state", "dossier en préparation").await;
    let file = browser.client.current_url().await.expect("url").path().to_owned();
    browser.find("#label-check-link").await.click().await.expect("the file's criteria");
    wait_text(&browser, "#verdicts", "Gouvernance").await;
    let statutes = tempfile::Builder::new().suffix(".pdf").tempfile().expect("file");
    std::fs::write(statutes.path(), PDF).expect("write the statutes");
    browser.find("#champ-piece-kind option[value='statuts']").await.click().await.expect("kind");
    browser
        .find("#champ-piece-file")
        .await
        .send_keys(&statutes.path().to_string_lossy())
        .await
        .expect("choose the file");
    submit(&browser, "#evidence-form").await;
    wait_text(&browser, "#evidence", "à examiner").await;
    open(app, &browser, &file, javascript).await;
    submit(&browser, "#label-submit-form").await;
    wait_text(&browser, "#label-state", "dossier déposé").await;
    sign_out(&browser).await;

    // Anne accepts the statutes and prepares the file; the decision is not hers.
    sign_in(app, &browser, "anne@pole.fr", javascript).await;
    open(app, &browser, "/label-hqs/dossiers", javascript).await;
    browser.find("#label-files a").await.click().await.expect("the file");
    wait_text(&browser, "#label-state", "dossier déposé").await;
    browser.find("#label-check-link").await.click().await.expect("the file's pieces");
    hydrated(&browser, javascript).await;
    browser.find("#review-forms button[value='accept']").await.click().await.expect("accept");
    wait_text(&browser, "#evidence", "acceptée").await;
    open(app, &browser, &file, javascript).await;
    browser.find("#label-prepare-form input[value='grant']").await.click().await.expect("grant");
    fill(&browser, "prepare-text", "Statuts associatifs vérifiés, agrément ESUS de plein droit.")
        .await;
    submit(&browser, "#label-prepare-form").await;
    wait_text(&browser, "#label-state", "instruit").await;
    wait_text(&browser, "#four-eyes", "un autre animateur").await;
    sign_out(&browser).await;

    // Bruno grants it.
    sign_in(app, &browser, "bruno@pole.fr", javascript).await;
    open(app, &browser, &file, javascript).await;
    browser.find("#label-decide-form input[value='grant']").await.click().await.expect("grant");
    fill(&browser, "decide-text", "Dossier complet : label attribué.").await;
    submit(&browser, "#label-decide-form").await;
    wait_text(&browser, "#label-state", "label attribué").await;
    wait_text(&browser, "#label-number", "HQS-").await;
    let number = text_of(&browser, "#label-number").await;
    sign_out(&browser).await;

    // A visitor finds it in the registry, on the structure's page, and verifies the number.
    open(app, &browser, "/label-hqs", javascript).await;
    wait_text(&browser, "#registry", "Régie Mistral").await;
    fill(&browser, "numero", &number.to_lowercase()).await;
    submit(&browser, "#verify-form").await;
    wait_text(&browser, "#verification-state", "label attribué").await;
    open(app, &browser, "/structures/regie-mistral", javascript).await;
    wait_text(&browser, "#hqs-badge", "Label HQS").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_review_grant_verify_hydrated() {
    let app = spawn_app().await;
    label_journey(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_review_grant_verify_without_javascript() {
    let app = spawn_app().await;
    label_journey(&app, JavaScript::Disabled).await;
}
