//! The HQS journey: an officer builds a profile from a template, filters the catalogue with
//! it, opens a check of a supplier; the supplier sends a document; the officer accepts it and
//! decides.

use sha2::{Digest, Sha256};
use tests::{Browser, JavaScript, TestApp, spawn_app};

use crate::steps::{fill, open, sign_in, submit, wait_text};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn sign_out(browser: &Browser) {
    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(browser, ".site-header nav", "Se connecter").await;
}

/// Opens `path` again until `css` shows `expected`: the search index follows the database
/// within the outbox's lag.
async fn reload_until(
    app: &TestApp,
    browser: &Browser,
    path: &str,
    javascript: JavaScript,
    css: &str,
    expected: &str,
) {
    let shown = tests::eventually(60, async || {
        open(app, browser, path, javascript).await;
        match browser.client.find(fantoccini::Locator::Css(css)).await {
            Ok(element) => element.text().await.is_ok_and(|t| t.contains(expected)),
            Err(_) => false,
        }
    })
    .await;
    assert!(shown, "{path}: {css} never showed {expected:?}");
}

async fn hqs_journey(app: &TestApp, javascript: JavaScript) {
    let animator = app.animator("anim@pole.fr").await;
    // An insertion company with 20 people in insertion out of 32 (62.5 %), and an
    // association that is no SIAE.
    let company =
        app.published_supplier("Tremplin Espaces Verts", "ei@exemple.fr", &animator).await;
    app.redeclare(
        &company,
        &animator,
        "Tremplin Espaces Verts",
        &["EI"],
        &[("legal_form", "SAS"), ("insertion_staff", "20")],
    )
    .await;
    app.published_supplier("Association des Jardins", "asso@exemple.fr", &animator).await;
    // The officer is a procurement officer of a town (who builds profiles and runs checks).
    let ville = app.verified_buyer("Ville de Saint-Égrève", "dgs@st-egreve.fr").await;
    app.signed_in_user("Agent", "achats@st-egreve.fr").await;
    app.add_member(&ville.organisation_id, "achats@st-egreve.fr", "procurement_officer").await;
    let browser = Browser::start(javascript).await;

    // The officer builds a profile from the "reserved to insertion structures" template.
    sign_in(app, &browser, "achats@st-egreve.fr", javascript).await;
    open(app, &browser, "/hqs/profils", javascript).await;
    browser.find("#modele-reserve-insertion").await.click().await.expect("template");
    wait_text(&browser, "#profile-form", "Critères").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    fill(&browser, "name", "Marché réservé espaces verts 2027").await;
    submit(&browser, "#profile-form").await;
    wait_text(&browser, "#profile-name", "Marché réservé espaces verts 2027").await;
    wait_text(&browser, "#requirements", "L2113-13").await;
    let profile_page = browser.client.current_url().await.expect("url");
    let profile_id = profile_page.path().rsplit('/').next().expect("id").to_owned();

    // The catalogue, filtered with it (chosen on the search page): the insertion company only.
    open(app, &browser, "/recherche?cible=structures", javascript).await;
    browser
        .find(&format!("#champ-profil option[value='{profile_id}']"))
        .await
        .click()
        .await
        .expect("choose the profile");
    if javascript == JavaScript::Disabled {
        submit(&browser, "#search-form").await;
    }
    let chosen = tests::eventually(10, async || {
        let url = browser.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        url.contains(&format!("profil={profile_id}"))
    })
    .await;
    assert!(chosen, "the choice is in the address");
    let filtered = format!("/recherche?cible=structures&profil={profile_id}");
    reload_until(app, &browser, &filtered, javascript, "#result-count", "1 résultat").await;
    wait_text(&browser, "#results", "Tremplin Espaces Verts").await;
    let results = browser.find("#results").await.text().await.expect("results");
    assert!(!results.contains("Association des Jardins"), "{results}");

    // A check of the company, from its page: evidence is missing, so "à justifier".
    browser
        .find("#results a[href='/structures/tremplin-espaces-verts']")
        .await
        .click()
        .await
        .expect("result");
    wait_text(&browser, "#check-opening", "Contrôle").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    submit(&browser, "#check-open-form").await;
    wait_text(&browser, "#check-state", "brouillon").await;
    wait_text(&browser, "#verdicts", "à justifier").await;
    wait_text(&browser, "#overall", "incomplet").await;
    let check_page = browser.client.current_url().await.expect("url").path().to_owned();
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    fill(&browser, "request-text", "Votre conventionnement IAE en cours de validité.").await;
    submit(&browser, "#request-form").await;
    wait_text(&browser, "#check-state", "pièces demandées").await;
    sign_out(&browser).await;

    // The supplier sends its agreement and hands the check back.
    sign_in(app, &browser, "ei@exemple.fr", javascript).await;
    open(app, &browser, "/hqs/controles", javascript).await;
    browser.find("#checks a").await.click().await.expect("the check");
    wait_text(&browser, "#check-state", "pièces demandées").await;
    let file = tempfile::Builder::new().suffix(".pdf").tempfile().expect("file");
    std::fs::write(file.path(), PDF).expect("write the document");
    browser
        .find("#champ-piece-kind option[value='conventionnement-siae']")
        .await
        .click()
        .await
        .expect("kind");
    browser
        .find("#champ-piece-file")
        .await
        .send_keys(&file.path().to_string_lossy())
        .await
        .expect("choose the file");
    submit(&browser, "#evidence-form").await;
    wait_text(&browser, "#evidence", "Conventionnement IAE").await;
    wait_text(&browser, "#evidence", "à examiner").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    submit(&browser, "#submit-form").await;
    wait_text(&browser, "#check-state", "en examen").await;
    sign_out(&browser).await;

    // The officer accepts the document and decides: compliant.
    sign_in(app, &browser, "achats@st-egreve.fr", javascript).await;
    open(app, &browser, &check_page, javascript).await;
    wait_text(&browser, "#overall", "conforme").await;
    browser.find("#review-forms button[value='accept']").await.click().await.expect("accept");
    wait_text(&browser, "#evidence", "acceptée").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    browser.find("#decide-form input[value='compliant']").await.click().await.expect("compliant");
    fill(&browser, "decide-text", "Conventionnement vérifié, 62,5 % de salariés en insertion.")
        .await;
    submit(&browser, "#decide-form").await;
    wait_text(&browser, "#check-state", "décidé").await;
    wait_text(&browser, "#check-decision", "conforme").await;

    // The printable report carries the decision and the document's hash.
    browser.find("#report-link").await.click().await.expect("report");
    wait_text(&browser, "#report-decision", "conforme").await;
    let sha: String = Sha256::digest(PDF).iter().map(|b| format!("{b:02x}")).collect();
    wait_text(&browser, "#report", &sha).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officer_profile_check_and_decision_hydrated() {
    let app = spawn_app().await;
    hqs_journey(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officer_profile_check_and_decision_without_javascript() {
    let app = spawn_app().await;
    hqs_journey(&app, JavaScript::Disabled).await;
}
