use tests::{Browser, JavaScript, TestApp, catalogue_of};

use crate::steps::{open, submit, wait_text};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,latitude,longitude
73282932000074,Les Jardins du Drac,ACI|ASSO,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole,45.1885,5.7245
44306184100047,ESAT du Vercors,ESAT,38151,b@exemple.fr,Travail adapté,espaces-verts,service,metropole,45.1436,5.7183
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,Entretien de pelouses,Tonte et ramassage,espaces-verts,service,30
44306184100047,Tonte de pelouses,Tonte par un ESAT,espaces-verts,service,28
";

/// A buyer lands on the home page, reads what the catalogue holds, and starts a search
/// from its box near a commune.
async fn search_from_the_home_page(app: &TestApp, javascript: JavaScript) {
    let browser = Browser::start(javascript).await;
    open(app, &browser, "/", javascript).await;
    assert_eq!(browser.client.title().await.expect("title"), "Accueil · Ecossol");
    wait_text(&browser, r#"[data-figure="structures"]"#, "2").await;
    wait_text(&browser, r#"[data-figure="handicap"]"#, "1").await;

    let input = browser.find("#accueil-q").await;
    input.send_keys("pelouses").await.expect("type");
    browser.find(r#"#accueil-pres_de option[value="38185"]"#).await.click().await.expect("commune");
    submit(&browser, "#home-search").await;
    wait_text(&browser, "#result-count", "2 résultats").await;
    let url = browser.client.current_url().await.expect("url").to_string();
    assert!(url.contains("/recherche?") && url.contains("q=pelouses"), "{url}");
    assert!(url.contains("pres_de=38185"), "{url}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_search_hydrated() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    search_from_the_home_page(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_search_without_javascript() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    search_from_the_home_page(&app, JavaScript::Disabled).await;
}
