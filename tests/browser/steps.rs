//! Steps shared by the browser scenarios.

use tests::{Browser, JavaScript, PASSWORD, TestApp};

pub async fn fill(browser: &Browser, field: &str, value: &str) {
    let input = browser.find(&format!("#champ-{field}")).await;
    input.clear().await.expect("clear");
    input.send_keys(value).await.expect("type");
}

pub async fn text_of(browser: &Browser, css: &str) -> String {
    browser.find(css).await.text().await.expect("text")
}

/// Waits until the element's text contains `expected`.
pub async fn wait_text(browser: &Browser, css: &str, expected: &str) {
    let found = tests::eventually(10, async || {
        match browser.client.find(fantoccini::Locator::Css(css)).await {
            Ok(element) => element.text().await.is_ok_and(|t| t.contains(expected)),
            Err(_) => false,
        }
    })
    .await;
    let url = browser.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    let main = match browser.client.find(fantoccini::Locator::Css("main")).await {
        Ok(main) => main.html(false).await.unwrap_or_default(),
        Err(_) => browser.client.source().await.unwrap_or_default(),
    };
    assert!(found, "{css} never showed {expected:?} at {url}; main: {main}");
}

pub async fn submit(browser: &Browser, form: &str) {
    browser.find(&format!("{form} button[type=submit]")).await.click().await.expect("submit");
}

pub async fn open(app: &TestApp, browser: &Browser, path: &str, javascript: JavaScript) {
    browser.client.goto(&app.url(path)).await.expect("open");
    if javascript == JavaScript::Enabled {
        browser.wait_hydrated().await;
    }
    browser.assert_accessible().await;
}

pub async fn sign_in(app: &TestApp, browser: &Browser, email: &str, javascript: JavaScript) {
    open(app, browser, "/connexion", javascript).await;
    fill(browser, "email", email).await;
    fill(browser, "password", PASSWORD).await;
    submit(browser, "#sign-in-form").await;
    wait_text(browser, ".site-header nav", "Se déconnecter").await;
}
