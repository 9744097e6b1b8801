//! Free text in an address never shows on a page: errors travel in a flash kept on the
//! server, successes as fixed markers that each page words itself.

use tests::spawn_app;

#[tokio::test]
async fn text_put_in_an_address_never_shows_on_a_page() {
    let app = spawn_app().await;
    let claire = app.signed_in_user("Claire", "claire@exemple.fr").await;
    let bait = "Compte bloqué : appelez le 0899 00 00 00";
    let encoded = "Compte+bloqu%C3%A9+%3A+appelez+le+0899+00+00+00";
    for page in [
        "/connexion",
        "/inscription",
        "/verification-email",
        "/mot-de-passe-oublie",
        "/compte",
        "/organisations",
        "/espace",
    ] {
        for key in ["refus", "erreur", "message", "resultat", "mot-de-passe", "envoye"] {
            let address = format!("{page}?{key}={encoded}");
            let html = claire.get(app.url(&address)).send().await.expect("GET");
            let html = html.text().await.expect("page");
            assert!(!html.contains(bait) && !html.contains("0899"), "{address} shows the text");
        }
    }
}
