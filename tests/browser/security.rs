//! The Content-Security-Policy holds the hydrated pages: no violation in the console, and
//! hydration (which needs the nonce-bearing scripts and the WebAssembly) still works.

use tests::{Browser, JavaScript, catalogue_of};

use crate::steps::{open, wait_text};

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

/// The console messages that report a blocked script, style or frame.
async fn violations(browser: &Browser) -> Vec<String> {
    let console = browser.console().await;
    console
        .into_iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Refused to"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hydrated_pages_raise_no_policy_violation() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let browser = Browser::start(JavaScript::Enabled).await;
    for path in ["/", "/structures/les-jardins-du-drac", "/connexion"] {
        open(&app, &browser, path, JavaScript::Enabled).await;
        assert_eq!(violations(&browser).await, Vec::<String>::new(), "{path}");
    }

    open(&app, &browser, "/recherche?q=pelouses", JavaScript::Enabled).await;
    wait_text(&browser, "#result-count", "2 résultats").await;
    // A marker on `window` survives only if the facet filters without a page load.
    browser.client.execute("window.ecossolMarker = 42;", vec![]).await.expect("script");
    browser.find("#facette-type-ESAT").await.click().await.expect("facet");
    wait_text(&browser, "#result-count", "1 résultat").await;
    let marker = browser.client.execute("return window.ecossolMarker;", vec![]).await.expect("js");
    assert_eq!(marker, serde_json::json!(42), "the facet filtered without a reload");
    assert_eq!(violations(&browser).await, Vec::<String>::new(), "/recherche");
    browser.close().await;
}
