use fantoccini::Locator;
use tests::{Browser, JavaScript, spawn_app};

#[tokio::test]
async fn the_home_page_hydrates_and_refreshes_its_figures_in_place() {
    let app = spawn_app().await;
    let browser = Browser::start(JavaScript::Enabled).await;
    browser.client.goto(&app.url("/")).await.expect("open home");
    browser.wait_hydrated().await;
    assert_eq!(browser.client.title().await.expect("title"), "Accueil · Ecossol");
    let structures = browser.find(r#"[data-figure="structures"]"#).await;
    assert_eq!(structures.text().await.expect("text"), "0");

    // A marker on `window` survives only if the click does not reload the page.
    browser.client.execute("window.ecossolMarker = 42;", vec![]).await.expect("script");
    browser.find("#refresh-figures").await.click().await.expect("click");
    let note = browser.find(".refresh-note").await;
    assert_eq!(note.text().await.expect("text"), "Chiffres actualisés.");
    let marker = browser.client.execute("return window.ecossolMarker;", vec![]).await.expect("js");
    assert_eq!(marker, serde_json::json!(42), "the figures refreshed without a page load");
    browser.close().await;
}

#[tokio::test]
async fn the_home_page_works_without_javascript() {
    let app = spawn_app().await;
    let browser = Browser::start(JavaScript::Disabled).await;
    browser.client.goto(&app.url("/")).await.expect("open home");
    let offers = browser.find(r#"[data-figure="offers"]"#).await;
    assert_eq!(offers.text().await.expect("text"), "0");
    let page = browser.find(".page").await;
    assert_eq!(page.attr("data-hydrated").await.expect("attr").as_deref(), Some("false"));

    // Without the bundle the button is a plain GET form: it reloads the page.
    browser.find("#refresh-figures").await.click().await.expect("click");
    browser
        .client
        .wait()
        .for_url(&url_with_query(&app.url("/")))
        .await
        .expect("the form reloads the page");
    browser.find(r#"[data-figure="structures"]"#).await;
    let notes = browser.client.find_all(Locator::Css(".refresh-note")).await.expect("query");
    assert!(notes.is_empty(), "no in-place refresh without JavaScript");
    let still = browser.find(".page").await.attr("data-hydrated").await.expect("attr");
    assert_eq!(still.as_deref(), Some("false"), "the bundle never ran");
    browser.close().await;
}

fn url_with_query(base: &str) -> url::Url {
    url::Url::parse(&format!("{base}?")).expect("url")
}
