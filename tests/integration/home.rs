use tests::spawn_app;

use crate::support::{insert_offer, insert_structure, pool};

#[tokio::test]
async fn the_home_page_renders_live_figures_on_the_server() {
    let app = spawn_app().await;
    let db = pool(&app.database_url).await;
    insert_structure(&db, "pub-1", "published").await;
    insert_structure(&db, "pub-2", "published").await;
    insert_structure(&db, "draft-1", "draft").await;
    insert_offer(&db, "o1", "pub-1", "published").await;
    insert_offer(&db, "o2", "pub-2", "published").await;
    insert_offer(&db, "o3", "pub-2", "draft").await;
    // A published offer of an unpublished structure is not public.
    insert_offer(&db, "o4", "draft-1", "published").await;

    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"<html lang="fr""#), "French document");
    assert!(
        html.contains("Acheter solidaire dans l&#x27;agglomération grenobloise")
            || html.contains("Acheter solidaire dans l'agglomération grenobloise")
    );
    assert!(html.contains(r#"data-figure="structures">2<"#), "{html}");
    assert!(html.contains(r#"data-figure="offers">2<"#), "{html}");
    assert!(html.contains(r#"data-figure="indexed">0<"#), "{html}");
}

#[tokio::test]
async fn the_figures_server_function_answers_at_its_stable_endpoint() {
    let app = spawn_app().await;
    let db = pool(&app.database_url).await;
    insert_structure(&db, "s", "published").await;
    let response = app.client.post(app.url("/api/figures")).send().await.expect("POST");
    assert_eq!(response.status(), 200);
    let figures: app::domain::Figures = response.json().await.expect("JSON");
    assert_eq!(figures.structures, 1);
    assert_eq!(figures.offers, 0);
    assert_eq!(figures.indexed_documents, Some(0));
}
