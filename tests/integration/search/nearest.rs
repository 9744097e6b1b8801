//! Offers nearest first, page after page, where a small disk holds far more offers than a
//! page (the search must shrink it), farther offers are sparse (it must grow), and some
//! offers have no place at all (they come last).

use app::domain::directory::siret::passes_luhn;
use serde_json::Value;
use tests::{catalogue_of, haversine_m};

const ORIGIN: (f64, f64) = (45.188, 5.724);

/// The `n`-th valid SIRET of a series.
fn siret(n: u32) -> String {
    (0..10)
        .map(|check| format!("{:013}{check}", 4_400_000_000_000_u64 + u64::from(n) * 10))
        .find(|candidate| passes_luhn(candidate))
        .expect("a check digit")
}

#[tokio::test]
async fn offers_nearest_first_stay_in_order_from_the_first_page_to_the_last() {
    // Four structures within 300 m holding 80 offers each, twenty more from 1 to 20 km with
    // two offers each.
    let mut places: Vec<((f64, f64), u32)> = (0..4)
        .map(|n| ((ORIGIN.0 + 0.0005 * f64::from(n), ORIGIN.1 + 0.0007 * f64::from(n)), 80))
        .collect();
    places.extend((0..20).map(|n| {
        let angle = f64::from(n) * 1.1;
        let reach = 0.01 + 0.009 * f64::from(n);
        ((ORIGIN.0 + reach * angle.sin(), ORIGIN.1 + reach * 1.4 * angle.cos()), 2)
    }));
    let mut structures = String::from(
        "siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,\
         zone_intervention,latitude,longitude,date_agrement_esus\n",
    );
    let mut offers =
        String::from("siret,nom,presentation_detail,secteur,type_prestation,prix_ht\n");
    let mut expected = Vec::new();
    // A structure without coordinates: its three offers have no distance.
    let nowhere = siret(99);
    structures.push_str(&format!(
        "{nowhere},Atelier sans adresse,EI,38185,nowhere@exemple.fr,Entreprise d'insertion,\
         nettoyage-locaux,service,metropole,,,\n"
    ));
    for k in 0..3 {
        offers.push_str(&format!(
            "{nowhere},Nettoyage sans adresse {k},Entretien de locaux,nettoyage-locaux,service,20\n"
        ));
    }
    for (n, ((lat, lng), count)) in places.iter().enumerate() {
        let siret = siret(n as u32);
        structures.push_str(&format!(
            "{siret},Atelier {n},EI,38185,s{n}@exemple.fr,Entreprise d'insertion,\
             nettoyage-locaux,service,metropole,{lat:.6},{lng:.6},\n"
        ));
        for k in 0..*count {
            offers.push_str(&format!(
                "{siret},Nettoyage {n} {k},Entretien de locaux,nettoyage-locaux,service,20\n"
            ));
            expected.push(haversine_m(ORIGIN, (*lat, *lng)));
        }
    }
    expected.sort_by(f64::total_cmp);

    let app = catalogue_of(&structures, &offers).await;

    let (mut shown, mut ids) = (Vec::new(), std::collections::HashSet::new());
    for page in 1.. {
        let response = app
            .get(&format!(
                "/api/v1/search?lat={}&lng={}&tri=distance&page={page}",
                ORIGIN.0, ORIGIN.1
            ))
            .await;
        assert_eq!(response.status(), 200);
        let results: Value = response.json().await.expect("JSON");
        assert_eq!(results["total"], expected.len() + 3);
        let hits = results["hits"].as_array().expect("hits");
        shown.extend(hits.iter().map(|h| h["distance_m"].as_u64().map(|m| m as f64)));
        ids.extend(hits.iter().map(|h| h["id"].as_str().expect("id").to_owned()));
        if page >= results["pages"].as_u64().expect("pages") {
            break;
        }
    }
    assert_eq!(shown.len(), expected.len() + 3);
    assert_eq!(ids.len(), expected.len() + 3, "every offer once");
    for (n, (shown, computed)) in shown.iter().zip(&expected).enumerate() {
        let shown = shown.unwrap_or_else(|| panic!("offer {n} has no distance"));
        assert!((shown - computed).abs() < 2.0, "offer {n}: {shown} m, expected {computed} m");
    }
    assert_eq!(shown[expected.len()..], [None, None, None], "the offers of no place come last");
}
