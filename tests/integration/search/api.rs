use serde_json::Value;
use tests::{TestApp, catalogue_of, haversine_m};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,latitude,longitude,date_agrement_esus
73282932000074,Les Jardins du Drac,ACI|ASSO,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole,45.1885,5.7245,
44306184100047,ESAT du Vercors,ESAT,38151,b@exemple.fr,Travail adapté,espaces-verts|nettoyage-locaux,service,metropole,45.1436,5.7183,
35600000000048,Propreté Solidaire,EI,38421,c@exemple.fr,Entreprise d'insertion,nettoyage-locaux,service,metropole,45.1672,5.7653,2021-03-15
55210055400013,Vif Nature,SCOP,38545,d@exemple.fr,Coopérative,espaces-verts,service,metropole,45.0553,5.6708,
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,Entretien de pelouses,Tonte et ramassage,espaces-verts,service,30
73282932000074,Taille de haies,Haies et arbustes,espaces-verts,service,35
44306184100047,Tonte de pelouses,Tonte par un ESAT,espaces-verts,service,28
44306184100047,Nettoyage de bureaux,Bureaux et sanitaires,nettoyage-locaux,service,25
35600000000048,Nettoyage de locaux,Entretien quotidien,nettoyage-locaux,service,24
55210055400013,Création de jardins,Jardins et potagers,espaces-verts,service,40
";

async fn catalogue() -> TestApp {
    catalogue_of(STRUCTURES, OFFERS).await
}

async fn search(app: &TestApp, query: &str) -> Value {
    let response = app.get(&format!("/api/v1/search?{query}")).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON")
}

fn titles(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            h["title"]
                .as_array()
                .expect("segments")
                .iter()
                .map(|s| s["text"].as_str().unwrap_or_default())
                .collect()
        })
        .collect()
}

fn facet(results: &Value, param: &str, value: &str) -> u64 {
    results["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .find(|f| f["param"] == param)
        .and_then(|f| f["values"].as_array().expect("values").iter().find(|v| v["value"] == value))
        .map_or(0, |v| v["count"].as_u64().expect("count"))
}

#[tokio::test]
async fn typos_find_offers_and_matches_are_highlighted_as_text() {
    let app = catalogue().await;
    let results = search(&app, "q=pelouzes").await;
    let mut found = titles(&results);
    found.sort();
    assert_eq!(found, ["Entretien de pelouses", "Tonte de pelouses"]);
    let segments = results["hits"][0]["title"].as_array().expect("segments");
    assert!(
        segments.iter().any(|s| s["matched"] == true && s["text"] == "pelouses"),
        "{segments:?}"
    );
}

/// The trade's words: a typo of « jardinage », a synonym of it, and a plural the tokenizer
/// does not fold (« haie » is too short for a typo) each find the offers a buyer means; a
/// word of a structure's name (« Jardins ») finds none of its offers.
#[tokio::test]
async fn a_typo_a_synonym_and_a_plural_find_the_offers_meant() {
    let structures = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,latitude,longitude,date_agrement_esus
73282932000074,Les Jardins du Drac,ACI|ASSO,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole,45.1885,5.7245,
35600000000048,Propreté Solidaire,EI,38421,c@exemple.fr,Entreprise d'insertion,nettoyage-locaux,service,metropole,45.1672,5.7653,
";
    let offers = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
35600000000048,Jardinage à domicile,Potager et massifs,aide-domicile,service,30
73282932000074,Taille de haies,Arbustes et charmilles,espaces-verts,service,35
35600000000048,Nettoyage de bureaux,Bureaux et sanitaires,nettoyage-locaux,service,25
";
    let app = catalogue_of(structures, offers).await;
    // The typo finds what the word finds: the offer saying « jardinage » and the green-space
    // one, whose sector's trade words the index holds (it found the first only when synonyms
    // were applied to the words typed alone).
    let sorted = |mut found: Vec<String>| {
        found.sort();
        found
    };
    let typo = sorted(titles(&search(&app, "q=jardinnage").await));
    assert_eq!(typo, ["Jardinage à domicile", "Taille de haies"]);
    assert_eq!(sorted(titles(&search(&app, "q=jardinage").await)), typo);
    let mut green = titles(&search(&app, "q=espaces+verts").await);
    green.sort();
    // The hedges are in the green-space sector; the gardening is a home service that only
    // its title's word links to green spaces.
    assert_eq!(green, ["Jardinage à domicile", "Taille de haies"]);
    assert_eq!(titles(&search(&app, "q=haie+taille").await), ["Taille de haies"]);
    assert!(titles(&search(&app, "q=tondeuse").await).is_empty(), "and nothing else matches");
    assert!(
        titles(&search(&app, "q=drac").await).is_empty(),
        "a word of « Les Jardins du Drac » carries none of its offers"
    );
}

#[tokio::test]
async fn facet_counts_match_the_database_and_stay_disjunctive() {
    let app = catalogue().await;
    let db = tests::pool(&app.database_url).await;
    let by_sector = |sector: &'static str| {
        let db = db.clone();
        async move {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM offers WHERE sector = $1 AND status = 'published'",
            )
            .bind(sector)
            .fetch_one(&db)
            .await
            .expect("count");
            u64::try_from(n).expect("positive")
        }
    };
    let one = search(&app, "secteur=espaces-verts").await;
    assert_eq!(one["total"], by_sector("espaces-verts").await);
    // The other sector keeps its count while one is selected: counts are disjunctive.
    assert_eq!(facet(&one, "secteur", "nettoyage-locaux"), by_sector("nettoyage-locaux").await);
    assert_eq!(facet(&one, "secteur", "espaces-verts"), by_sector("espaces-verts").await);
    // Other groups count within the selection: ESAT offers among green-space offers.
    let esat_green: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM offers o JOIN structures s ON s.id = o.structure_id \
         WHERE o.sector = 'espaces-verts' AND s.kinds LIKE '% ESAT %'",
    )
    .fetch_one(&db)
    .await
    .expect("count");
    assert_eq!(facet(&one, "type", "ESAT"), u64::try_from(esat_green).expect("positive"));
    let both = search(&app, "secteur=espaces-verts&secteur=nettoyage-locaux").await;
    assert_eq!(both["total"], 6);
}

#[tokio::test]
async fn a_radius_keeps_what_haversine_keeps_sorted_by_distance() {
    let app = catalogue().await;
    let grenoble = (45.188, 5.724); // the centre of commune 38185, as the search uses it
    let places = [
        ("Les Jardins du Drac", (45.1885, 5.7245)),
        ("ESAT du Vercors", (45.1436, 5.7183)),
        ("Propreté Solidaire", (45.1672, 5.7653)),
        ("Vif Nature", (45.0553, 5.6708)),
    ];
    let within: Vec<&str> = places
        .iter()
        .filter(|(_, at)| haversine_m(grenoble, *at) <= 5_000.0)
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(within.len(), 3, "the fixture straddles the radius");
    let results = search(&app, "cible=structures&pres_de=38185&rayon=5&tri=distance").await;
    let hits = results["hits"].as_array().expect("hits");
    let names: Vec<String> = titles(&results);
    let mut expected: Vec<&str> = within.clone();
    expected.sort_by(|a, b| {
        let da = haversine_m(grenoble, places.iter().find(|p| p.0 == *a).expect("place").1);
        let db = haversine_m(grenoble, places.iter().find(|p| p.0 == *b).expect("place").1);
        da.total_cmp(&db)
    });
    assert_eq!(names, expected);
    let distances: Vec<u64> =
        hits.iter().map(|h| h["distance_m"].as_u64().expect("distance")).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
}

/// No index has a geo index: the cells and the places of the structures decide the radius.
/// A structure 50 m beyond the circle must stay out.
#[tokio::test]
async fn offers_within_a_radius_come_nearest_first_with_their_distance_and_counts() {
    let app = catalogue().await;
    // 3.05 km due west of Propreté Solidaire (45.1672, 5.7653).
    let origin = (45.1672, 5.72645);
    let places = [
        ("Les Jardins du Drac", (45.1885, 5.7245), 2),
        ("ESAT du Vercors", (45.1436, 5.7183), 2),
        ("Propreté Solidaire", (45.1672, 5.7653), 1),
        ("Vif Nature", (45.0553, 5.6708), 1),
    ];
    let within: Vec<_> = places.iter().filter(|p| haversine_m(origin, p.1) <= 3_000.0).collect();
    assert_eq!(within.len(), 2, "the fixture straddles the radius");
    assert!(haversine_m(origin, places[2].1) < 3_100.0, "one structure just beyond it");

    let results = search(&app, "lat=45.1672&lng=5.72645&rayon=3&tri=distance").await;
    let offers: usize = within.iter().map(|p| p.2).sum();
    assert_eq!(results["total"], offers);
    let hits = results["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), offers);
    let distances: Vec<u64> =
        hits.iter().map(|h| h["distance_m"].as_u64().expect("distance")).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    let mut expected: Vec<f64> =
        within.iter().flat_map(|p| vec![haversine_m(origin, p.1); p.2]).collect();
    expected.sort_by(f64::total_cmp);
    for (shown, computed) in distances.iter().zip(&expected) {
        assert!((*shown as f64 - computed).abs() < 2.0, "{shown} m against {computed} m");
    }
    assert_eq!(facet(&results, "type", "ESAT"), 2);
    assert_eq!(facet(&results, "type", "EI"), 0, "the structure beyond the circle is not counted");

    // Relevance order keeps the same offers and still shows how far they are.
    let relevance = search(&app, "lat=45.1672&lng=5.72645&rayon=3").await;
    assert_eq!(relevance["total"], offers);
    assert!(relevance["hits"].as_array().expect("hits").iter().all(|h| h["distance_m"].is_u64()));
    // Nearest first without a radius: every offer, the farthest last.
    let all = search(&app, "lat=45.1672&lng=5.72645&tri=distance").await;
    assert_eq!(all["total"], 6);
    assert_eq!(titles(&all).last().map(String::as_str), Some("Création de jardins"));
}

#[tokio::test]
async fn a_stale_index_never_shows_a_private_item() {
    let app = catalogue().await;
    // Hidden straight in the database, as if the index had not caught up yet.
    let db = tests::pool(&app.database_url).await;
    sqlx::query("UPDATE structures SET status = 'suspended' WHERE name = 'ESAT du Vercors'")
        .execute(&db)
        .await
        .expect("update");
    let results = search(&app, "q=tonte").await;
    assert!(!titles(&results).contains(&"Tonte de pelouses".to_owned()));
}

#[tokio::test]
async fn the_results_export_as_csv() {
    let app = catalogue().await;
    let response = app.get("/recherche.csv?secteur=nettoyage-locaux").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("text/csv"));
    let csv = response.text().await.expect("body");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "a header and the two cleaning offers: {csv}");
    assert!(csv.contains("\"Nettoyage de bureaux\"") && csv.contains("\"Nettoyage de locaux\""));
}

#[tokio::test]
async fn the_esus_filter_keeps_agreed_structures_only() {
    let app = catalogue().await;
    let results = search(&app, "esus=1").await;
    assert_eq!(titles(&results), ["Nettoyage de locaux"]);
    let structures = search(&app, "cible=structures&esus=1").await;
    assert_eq!(titles(&structures), ["Propreté Solidaire"]);
}
