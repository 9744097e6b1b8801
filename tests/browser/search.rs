use tests::{Browser, JavaScript, TestApp, catalogue_of};

use crate::steps::{fill, open, submit, wait_text};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,latitude,longitude
73282932000074,Les Jardins du Drac,ACI|ASSO,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole,45.1885,5.7245
44306184100047,ESAT du Vercors,ESAT,38151,b@exemple.fr,Travail adapté,espaces-verts|nettoyage-locaux,service,metropole,45.1436,5.7183
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,Entretien de pelouses,Tonte et ramassage,espaces-verts,service,30
44306184100047,Tonte de pelouses,Tonte par un ESAT,espaces-verts,service,28
44306184100047,Nettoyage de bureaux,Bureaux et sanitaires,nettoyage-locaux,service,25
";

/// A buyer types (with a typo), picks a facet, goes back, and shares the address.
async fn type_pick_go_back_share(app: &TestApp, javascript: JavaScript) {
    let browser = Browser::start(javascript).await;
    open(app, &browser, "/recherche", javascript).await;
    fill(&browser, "q", "pelouzes").await;
    if javascript == JavaScript::Disabled {
        submit(&browser, "#search-form").await;
    }
    // Hydrated, the results follow the typing without a click.
    wait_text(&browser, "#result-count", "2 résultats").await;
    wait_text(&browser, "#results", "Tonte de pelouses").await;

    browser.find("#facette-type-ESAT").await.click().await.expect("facet");
    if javascript == JavaScript::Disabled {
        submit(&browser, "#search-form").await;
    }
    wait_text(&browser, "#result-count", "1 résultat").await;
    let shared = browser.client.current_url().await.expect("url").to_string();
    assert!(shared.contains("type=ESAT") && shared.contains("q=pelouzes"), "{shared}");

    browser.client.back().await.expect("back");
    wait_text(&browser, "#result-count", "2 résultats").await;

    // The address alone gives the same results, in a new session.
    let other = Browser::start(javascript).await;
    other.client.goto(&shared).await.expect("open");
    if javascript == JavaScript::Enabled {
        other.wait_hydrated().await;
    }
    wait_text(&other, "#result-count", "1 résultat").await;
    wait_text(&other, "#results", "Tonte de pelouses").await;
    // The card tells the structure's family and the price; the chosen filter is a chip
    // above the results, and removing it widens the search again.
    wait_text(&other, "#results .badge-family", "Handicap").await;
    wait_text(&other, "#results .result-price", "28").await;
    wait_text(&other, "#filter-chips", "Établissement et service d'aide par le travail").await;
    other.find("#filter-chips a.chip").await.click().await.expect("chip");
    wait_text(&other, "#result-count", "2 résultats").await;
    let widened = other.client.current_url().await.expect("url").to_string();
    assert!(!widened.contains("type=") && widened.contains("q=pelouzes"), "{widened}");
    other.close().await;
    browser.close().await;
}

async fn catalogue() -> TestApp {
    catalogue_of(STRUCTURES, OFFERS).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_hydrated() {
    let app = catalogue().await;
    type_pick_go_back_share(&app, JavaScript::Enabled).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_without_javascript() {
    let app = catalogue().await;
    type_pick_go_back_share(&app, JavaScript::Disabled).await;
}

/// "Around my position": the browser's position (stubbed here: headless Chromium has no
/// sensor) fills the form, which searches nearest first within 10 km; the address keeps the
/// position, and without JavaScript that address shows the same results.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn around_my_position() {
    let app = catalogue().await;
    let browser = Browser::start(JavaScript::Enabled).await;
    open(&app, &browser, "/recherche?q=pelouses", JavaScript::Enabled).await;
    wait_text(&browser, "#result-count", "2 résultats").await;
    // Where the ESAT du Vercors is.
    browser
        .client
        .execute(
            "navigator.geolocation.getCurrentPosition = function (ok) { \
               ok({ coords: { latitude: 45.1436, longitude: 5.7183 } }); };",
            vec![],
        )
        .await
        .expect("position stubbed");
    browser.find("#my-position").await.click().await.expect("click");
    wait_text(&browser, "#results .distance", "0,0 km").await;
    let shared = browser.client.current_url().await.expect("url").to_string();
    assert!(
        shared.contains("lat=45.14360") && shared.contains("lng=5.71830"),
        "the position is in the address: {shared}"
    );
    assert!(shared.contains("tri=distance") && shared.contains("rayon=10"), "{shared}");
    let first = browser.find("#results li").await.text().await.expect("text");
    assert!(first.contains("Tonte de pelouses"), "nearest first: {first}");
    browser.close().await;

    let plain = Browser::start(JavaScript::Disabled).await;
    plain.client.goto(&shared).await.expect("open");
    wait_text(&plain, "#results .distance", "0,0 km").await;
    wait_text(&plain, "#champ-pres_de", "ma position").await;
    plain.close().await;
}
