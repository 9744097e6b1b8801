//! The needs' journey: a verified buyer drafts a need and sees its potential; an animator
//! validates it; the supplier says it is interested from its mail's link and sends a quote;
//! the buyer compares, awards and records the purchase.

use tests::{Browser, JavaScript, TestApp, spawn_app};

use crate::steps::{fill, open, sign_in, submit, wait_text};

async fn sign_out(browser: &Browser) {
    browser.find("#sign-out").await.click().await.expect("sign out");
    wait_text(browser, ".site-header nav", "Se connecter").await;
}

async fn choose(browser: &Browser, select: &str, value: &str) {
    let option = format!("#champ-{select} option[value='{value}']");
    browser.find(&option).await.click().await.expect("choose");
}

async fn hydrated(browser: &Browser, javascript: JavaScript) {
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
}

async fn needs_journey(app: &TestApp, javascript: JavaScript) {
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie des Jardins", "regie@exemple.fr", &animator).await;
    app.verified_buyer("Ville de Fontaine", "achats@fontaine.fr").await;
    let browser = Browser::start(javascript).await;

    // The buyer drafts the need; a wrong deadline is named next to its field.
    sign_in(app, &browser, "achats@fontaine.fr", javascript).await;
    open(app, &browser, "/besoins/nouveau", javascript).await;
    choose(&browser, "kind", "quote").await;
    fill(&browser, "title", "Entretien des espaces verts du parc").await;
    fill(
        &browser,
        "description",
        "Tonte et taille des haies d'avril à octobre, deux passages par mois.",
    )
    .await;
    choose(&browser, "sector", "espaces-verts").await;
    choose(&browser, "service_kind", "service").await;
    fill(&browser, "lots", "Tonte ; 12 ; passages").await;
    choose(&browser, "place", "38185").await;
    fill(&browser, "deadline_on", "31/02/2027").await;
    choose(&browser, "budget_kind", "exact").await;
    fill(&browser, "budget_amount", "18 000").await;
    fill(&browser, "questions", "Combien de salariés en insertion ?").await;
    submit(&browser, "#need-form").await;
    wait_text(&browser, "#champ-deadline_on-erreur", "date valide").await;
    let deadline = app.today().plus_days(20).french();
    fill(&browser, "deadline_on", &deadline).await;
    submit(&browser, "#need-form").await;
    wait_text(&browser, "#need-state", "Brouillon").await;
    wait_text(&browser, "#potential-total", "1").await;
    wait_text(&browser, "#potential-lever", "Sourcing d'abord").await;
    hydrated(&browser, javascript).await;
    submit(&browser, "#need-submit").await;
    wait_text(&browser, "#need-state", "En attente de validation").await;
    let need_page = browser.client.current_url().await.expect("url").path().to_owned();
    sign_out(&browser).await;

    // The pôle validates: the need is published and mailed to the structure.
    sign_in(app, &browser, "anim@pole.fr", javascript).await;
    open(app, &browser, &need_page, javascript).await;
    browser.find("#need-validate").await.click().await.expect("validate");
    wait_text(&browser, "#need-state", "Publié").await;
    wait_text(&browser, "#need-matches", "Régie des Jardins").await;
    sign_out(&browser).await;

    // The supplier answers from its mail's link, then sends a quote from the need's page.
    let token = app.link_token(&supplier.email, "Un acheteur cherche").await;
    open(app, &browser, &format!("/besoins/reponse?jeton={token}"), javascript).await;
    submit(&browser, "#link-interested").await;
    wait_text(&browser, "#link-answered", "intéressés").await;
    sign_in(app, &browser, &supplier.email, javascript).await;
    open(app, &browser, &need_page, javascript).await;
    wait_text(&browser, "#supplier-rung", "Intéressée").await;
    fill(&browser, "price_1", "16 500").await;
    fill(&browser, "answer_1", "Trois salariés en insertion").await;
    fill(&browser, "lead_time", "Dès le 1er avril").await;
    submit(&browser, "#quote-form").await;
    wait_text(&browser, "#supplier-rung", "Devis envoyé").await;
    sign_out(&browser).await;

    // The buyer compares, awards the lot with a reason and records the purchase.
    sign_in(app, &browser, "achats@fontaine.fr", javascript).await;
    open(app, &browser, &need_page, javascript).await;
    wait_text(&browser, "#quotes-table", "16\u{202f}500 €").await;
    fill(&browser, "award-reason-1", "Seule offre, prix dans le budget").await;
    submit(&browser, "#award-lot-1").await;
    wait_text(&browser, "#need-state", "Attribué").await;
    hydrated(&browser, javascript).await;
    fill(&browser, "purchased_on", &app.today().french()).await;
    submit(&browser, "#purchase-form").await;
    wait_text(&browser, "#need-purchases", "Régie des Jardins").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buyer_need_from_draft_to_purchase_hydrated() {
    let app = spawn_app().await;
    needs_journey(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buyer_need_from_draft_to_purchase_without_javascript() {
    let app = spawn_app().await;
    needs_journey(&app, JavaScript::Disabled).await;
}

/// Two companies buy together: the lead pools its draft and invites the second by its SIRET;
/// the second finds the invitation, states its quantities; once awarded, the purchase is
/// recorded for each.
async fn group_journey(app: &TestApp, javascript: JavaScript) {
    let animator = app.animator("anim@pole.fr").await;
    let supplier = app.published_supplier("Régie des Jardins", "regie@exemple.fr", &animator).await;
    let lead = app.verified_buyer("Papeteries du Drac", "achats@drac.fr").await;
    let second = app.verified_buyer("Coop Imprimerie", "achats@coop.fr").await;
    app.set_siret(&second.organisation_id, "44306184100047").await;
    let drafted = app.draft_need(&lead, tests::need_fields(app, "Entretien mutualisé")).await;
    let id = drafted["Done"].as_str().expect("draft").to_owned();
    let page = format!("/besoins/{id}");
    let browser = Browser::start(javascript).await;

    sign_in(app, &browser, "achats@drac.fr", javascript).await;
    open(app, &browser, &page, javascript).await;
    fill(&browser, "join_until", &app.today().plus_days(10).french()).await;
    submit(&browser, "#pool-form").await;
    wait_text(&browser, "#group-joining", "Adhésions ouvertes").await;
    hydrated(&browser, javascript).await;
    fill(&browser, "siret", "44306184100047").await;
    submit(&browser, "#invite-form").await;
    wait_text(&browser, "#group-members", "Coop Imprimerie").await;
    sign_out(&browser).await;

    sign_in(app, &browser, "achats@coop.fr", javascript).await;
    open(app, &browser, "/besoins/mes-besoins", javascript).await;
    wait_text(&browser, "#my-pooled-needs", "Entretien mutualisé").await;
    open(app, &browser, &page, javascript).await;
    submit(&browser, "#join-form").await;
    wait_text(&browser, "#champ-sites-erreur", "sites").await;
    fill(&browser, "quantity_1", "6").await;
    fill(&browser, "sites", "Siège, Échirolles").await;
    submit(&browser, "#join-form").await;
    wait_text(&browser, "#group-totals", "18").await;
    sign_out(&browser).await;

    // The consultation, the quote and the awards (their journey is the one above).
    let call = async |client: &reqwest::Client, endpoint: &str, pairs: &[(&str, &str)]| {
        let owned: Vec<(String, String)> =
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let answer = app.call_pairs_ok(client, endpoint, &owned).await;
        assert!(answer["Done"].is_string(), "{endpoint}: {answer}");
    };
    call(&lead.client, "need-step", &[("need_id", &id), ("step", "submit")]).await;
    call(&animator, "need-step", &[("need_id", &id), ("step", "validate")]).await;
    let structure = supplier.structure_id.as_str();
    let quote = [
        ("need_id", id.as_str()),
        ("structure_id", structure),
        ("form[price][]", "12 000"),
        ("form[price][]", "3 000"),
        ("form[answer][]", "Trois salariés en insertion"),
        ("form[lead_time]", "2 semaines"),
    ];
    call(&supplier.client, "quote-submit", &quote).await;
    for lot in ["1", "2"] {
        let award = [
            ("need_id", id.as_str()),
            ("lot", lot),
            ("structure_id", structure),
            ("reason", "Seule offre"),
        ];
        call(&lead.client, "need-award", &award).await;
    }

    sign_in(app, &browser, "achats@drac.fr", javascript).await;
    open(app, &browser, &page, javascript).await;
    hydrated(&browser, javascript).await;
    fill(&browser, "amount", "15 000").await;
    fill(&browser, "purchased_on", &app.today().french()).await;
    submit(&browser, "#purchase-form").await;
    wait_text(&browser, "#need-purchases", "pour Coop Imprimerie").await;
    wait_text(&browser, "#need-purchases", "4\u{202f}000 €").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_companies_buy_together_hydrated() {
    let app = spawn_app().await;
    group_journey(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_companies_buy_together_without_javascript() {
    let app = spawn_app().await;
    group_journey(&app, JavaScript::Disabled).await;
}
