use tests::{Browser, JavaScript, TestApp, spawn_app};

use crate::steps::{fill, open, submit, wait_text};

/// A company's buyer opens the guide, goes to the OETH calculator and types its figures:
/// hydrated the result follows the typing, without JavaScript the form's `GET` computes it;
/// a bad value is named next to its field.
async fn oeth_deduction(app: &TestApp, javascript: JavaScript) {
    let browser = Browser::start(javascript).await;
    open(app, &browser, "/guide", javascript).await;
    browser
        .find(r#"#guide-pages a[href="/guide/deduction-oeth"]"#)
        .await
        .click()
        .await
        .expect("link");
    wait_text(&browser, "h1", "déduction OETH").await;
    for (field, value) in [
        ("effectif", "100"),
        ("beneficiaires", "2"),
        ("achats", "55000"),
        ("couts", "11000"),
        ("smic", "12"),
    ] {
        fill(&browser, field, value).await;
    }
    let computed = "réduisent votre contribution de 9\u{202f}600 €";
    if javascript == JavaScript::Enabled {
        wait_text(&browser, "#oeth-result", computed).await;
        let url = browser.client.current_url().await.expect("url").to_string();
        assert!(!url.contains('?'), "computed in the page, not by a request: {url}");
    } else {
        submit(&browser, "#oeth-calculator").await;
        wait_text(&browser, "#oeth-result", computed).await;
    }
    wait_text(&browser, "#oeth-due", "9\u{202f}600 €").await;

    fill(&browser, "couts", "99000").await;
    if javascript == JavaScript::Disabled {
        submit(&browser, "#oeth-calculator").await;
    }
    wait_text(&browser, "#champ-couts-erreur", "ne peuvent dépasser le prix HT").await;
    wait_text(&browser, "#oeth-result", "Corrigez les valeurs signalées").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guide_calculator_hydrated() {
    let app = spawn_app().await;
    oeth_deduction(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guide_calculator_without_javascript() {
    let app = spawn_app().await;
    oeth_deduction(&app, JavaScript::Disabled).await;
}
