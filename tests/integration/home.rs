use app::services::figures::FRESH_FOR_MS;
use tests::spawn_app;

use crate::support::{insert_offer, insert_structure, pool};

#[tokio::test]
async fn the_home_page_starts_a_search_and_shows_the_marketplace_in_figures() {
    let app = spawn_app().await;
    let db = pool(&app.database_url).await;
    insert_structure(&db, "pub-1", "published").await;
    insert_structure(&db, "pub-2", "published").await;
    insert_structure(&db, "draft-1", "draft").await;
    sqlx::query("UPDATE structures SET kinds = ' ACI RQ ' WHERE id = 'pub-1'")
        .execute(&db)
        .await
        .expect("kinds");
    sqlx::query("UPDATE structures SET kinds = ' ESAT ' WHERE id = 'pub-2'")
        .execute(&db)
        .await
        .expect("kinds");
    insert_offer(&db, "o1", "pub-1", "published").await;
    insert_offer(&db, "o2", "pub-2", "published").await;
    insert_offer(&db, "o3", "pub-2", "draft").await;
    // A published offer of an unpublished structure is not public.
    insert_offer(&db, "o4", "draft-1", "published").await;

    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"<html lang="fr""#), "French document");
    assert!(html.contains(r#"<link rel="icon" href="/favicon.svg""#), "{html}");
    // The search box comes first, a GET form to the search page, and the trades as links.
    let search = html.find(r#"id="home-search""#).expect("a search box");
    let figures = html.find(r#"id="figures-title""#).expect("the figures");
    assert!(search < figures, "the search comes before the figures");
    assert!(html.contains(r#"action="/recherche""#), "{html}");
    assert!(html.contains(r#"href="/recherche?q=espaces%20verts""#), "{html}");
    assert!(!html.contains("index de recherche"), "no engineer's figure");
    for (figure, value) in [
        ("structures", 2),
        ("insertion", 1),
        ("handicap", 1),
        ("ess", 1),
        ("offers", 2),
        ("labelled", 0),
        ("needs", 0),
        ("purchases", 0),
    ] {
        assert!(html.contains(&format!(r#"data-figure="{figure}">{value}<"#)), "{figure}: {html}");
    }
}

#[tokio::test]
async fn the_home_figures_are_read_again_once_a_minute_old() {
    let app = spawn_app().await;
    let db = pool(&app.database_url).await;
    insert_structure(&db, "first", "published").await;
    let figures = |app: &tests::TestApp| {
        let request = app.client.post(app.url("/api/figures"));
        async move {
            let response = request.send().await.expect("POST");
            assert_eq!(response.status(), 200);
            response.json::<app::domain::Figures>().await.expect("JSON")
        }
    };
    assert_eq!(figures(&app).await.structures, 1);

    // A new structure is not counted while the figures read are fresh…
    insert_structure(&db, "second", "published").await;
    app.clock.advance_ms(FRESH_FOR_MS - 1_000);
    assert_eq!(figures(&app).await.structures, 1, "served from this server's cache");
    // …and is once they are a minute old.
    app.clock.advance_ms(1_000);
    assert_eq!(figures(&app).await.structures, 2);
}

#[tokio::test]
async fn the_site_icon_is_served_and_the_old_address_points_to_it() {
    let app = spawn_app().await;
    let icon = app.get("/favicon.svg").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    assert!(icon.text().await.expect("body").starts_with("<svg"));
    let old = app.get("/favicon.ico").await;
    assert_eq!(old.status(), 308);
    assert_eq!(old.headers()["location"], "/favicon.svg");
}
