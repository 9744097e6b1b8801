//! Pages render to the end whatever else happens in the process.

use std::time::Duration;

use tests::spawn_app;

/// Leptos walks the app to list its routes with resource loading suppressed process-wide; a
/// page whose resources start in that window would never finish. Building routers (as every
/// server start does) while pages render must leave every page complete.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_complete_while_routers_are_built() {
    let app = spawn_app().await;
    let state = app.state.clone();
    let builder = tokio::task::spawn_blocking(move || {
        for _ in 0..300 {
            drop(server::http::router(state.clone()));
        }
    });
    let client =
        reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("HTTP client");
    let mut stalled = 0;
    for _ in 0..40 {
        let mut pages = tokio::task::JoinSet::new();
        for _ in 0..5 {
            let page = client.get(app.url("/organisations"));
            pages.spawn(async move { page.send().await?.text().await });
        }
        for answer in pages.join_all().await {
            match answer {
                Ok(body) => assert!(body.contains("</html>"), "a whole page"),
                Err(error) if error.is_timeout() => stalled += 1,
                Err(error) => panic!("request: {error}"),
            }
        }
    }
    builder.await.expect("router builds");
    assert_eq!(stalled, 0, "pages never finished while routers were built");
}
