use tests::{Browser, JavaScript, SIRET, TestApp, spawn_app};

use crate::steps::{fill, open, sign_in, submit, wait_text};

async fn choose(browser: &Browser, select: &str, value: &str) {
    browser
        .find(&format!("#champ-{select} option[value='{value}']"))
        .await
        .click()
        .await
        .expect("choose");
}

async fn sign_out(browser: &Browser) {
    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(browser, ".site-header nav", "Se connecter").await;
}

/// The journey: a supplier fills the profile with a wrong SIRET and sees the French
/// error, corrects it, adds an activity and an offer, submits; an animator validates; a
/// visitor sees the public pages.
async fn supplier_to_public_pages(app: &TestApp, javascript: JavaScript) {
    let supplier = app.supplier("Régie de quartier Mistral", "regie@exemple.fr").await;
    app.animator("anim@pole.fr").await;
    let browser = Browser::start(javascript).await;
    sign_in(app, &browser, &supplier.email, javascript).await;
    open(app, &browser, "/espace", javascript).await;
    browser.find("#my-structures a").await.click().await.expect("my structure");
    wait_text(&browser, "#structure-status", "Brouillon").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }

    // A wrong SIRET: the French message shows next to it, nothing is stored.
    fill(&browser, "siret", "732 829 320 00075").await;
    fill(&browser, "description", "Entretien des espaces verts et propreté urbaine.").await;
    fill(&browser, "contact_email", "contact@mistral.example").await;
    choose(&browser, "commune", "38185").await;
    browser.find("input[name='form[kind][]'][value='RQ']").await.click().await.expect("kind");
    submit(&browser, "#profile-form").await;
    wait_text(&browser, "#champ-siret-erreur", "n'existe pas").await;
    assert_eq!(app.column("structures", "siret", &supplier.structure_id).await, None);

    // Corrected: the values typed are still there, with or without JavaScript.
    fill(&browser, "siret", SIRET).await;
    submit(&browser, "#profile-form").await;
    wait_text(&browser, "#profile-saved", "Profil enregistré").await;
    assert_eq!(
        app.column("structures", "siret", &supplier.structure_id).await.as_deref(),
        Some(SIRET)
    );
    assert_eq!(
        app.column("structures", "kinds", &supplier.structure_id).await.as_deref(),
        Some(" RQ ")
    );
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }

    choose(&browser, "activite-sector", "espaces-verts").await;
    choose(&browser, "activite-service_kind", "service").await;
    choose(&browser, "activite-reach", "metropole").await;
    submit(&browser, "#activity-form").await;
    wait_text(&browser, "#activities", "Création et entretien d'espaces verts").await;

    browser.find("#nouvelle-offre summary").await.click().await.expect("open the offer form");
    fill(&browser, "offre-title", "Entretien de pelouses").await;
    fill(&browser, "offre-description", "Tonte, débroussaillage et ramassage.").await;
    choose(&browser, "offre-sector", "espaces-verts").await;
    choose(&browser, "offre-service_kind", "service").await;
    fill(&browser, "offre-price", "35,50").await;
    fill(&browser, "offre-unit", "heure").await;
    submit(&browser, "#offer-create-form").await;
    wait_text(&browser, "#offer-status", "Brouillon").await;
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    submit(&browser, "#publish-offer").await;
    wait_text(&browser, "#offer-status", "Publiée").await;

    open(app, &browser, &format!("/espace/structures/{}", supplier.structure_id), javascript).await;
    submit(&browser, "#submit-form").await;
    wait_text(&browser, "#structure-status", "En attente de validation").await;
    sign_out(&browser).await;

    // The animator validates from the moderation queue.
    sign_in(app, &browser, "anim@pole.fr", javascript).await;
    open(app, &browser, "/moderation", javascript).await;
    wait_text(&browser, "#pending-structures", "Régie de quartier Mistral").await;
    submit(&browser, "#pending-structures form[data-step='validate']").await;
    wait_text(&browser, "#no-pending", "Aucune fiche en attente").await;
    sign_out(&browser).await;

    // A visitor sees the structure and its offer.
    open(app, &browser, "/structures/regie-de-quartier-mistral", javascript).await;
    wait_text(&browser, "#structure-name", "Régie de quartier Mistral").await;
    wait_text(&browser, "#structure-siret", SIRET).await;
    browser.find("#structure-offers a").await.click().await.expect("the offer");
    wait_text(&browser, "#offer-title", "Entretien de pelouses").await;
    wait_text(&browser, "#offer-price", "35,50 € HT").await;
    wait_text(&browser, "#offer-structure", "Régie de quartier Mistral").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supplier_to_public_pages_hydrated() {
    let app = spawn_app().await;
    supplier_to_public_pages(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supplier_to_public_pages_without_javascript() {
    let app = spawn_app().await;
    supplier_to_public_pages(&app, JavaScript::Disabled).await;
}
