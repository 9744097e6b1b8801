//! Work anyone may ask of the server is bounded: the directory's export is made once per
//! five minutes per server, the search export and profile changes are limited, and a search
//! address cannot name thousands of filter values.

use app::services::{directory::export::EXPORT_FRESH_FOR_MS, limits};
use tests::{catalogue_of, count, profile_fields, spawn_app};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention
73282932000074,Les Jardins du Drac,ACI,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole
";
const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,Entretien de pelouses,Tonte et ramassage,espaces-verts,service,30
";

#[tokio::test]
async fn the_directory_export_is_made_once_per_five_minutes() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let first = app.get("/annuaire.csv").await.text().await.expect("body");
    assert!(first.contains("Les Jardins du Drac"), "{first}");
    sqlx::query("UPDATE structures SET name = 'Jardins renommés'")
        .execute(&app.state.db)
        .await
        .expect("rename");
    app.clock.advance_ms(EXPORT_FRESH_FOR_MS - 1_000);
    let cached = app.get("/annuaire.csv").await.text().await.expect("body");
    assert_eq!(cached, first, "served from this server's copy");
    app.clock.advance_ms(1_000);
    let fresh = app.get("/annuaire.csv").await.text().await.expect("body");
    assert!(fresh.contains("Jardins renommés"), "{fresh}");
}

#[tokio::test]
async fn the_search_export_is_limited_per_client_address() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let max = limits::SEARCH_EXPORTS_PER_IP.max;
    for _ in 0..max {
        assert_eq!(app.get("/recherche.csv?q=pelouses").await.status(), 200);
    }
    let refused = app.get("/recherche.csv?q=pelouses").await;
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.text().await.expect("body"), limits::TRY_LATER);
    app.clock.advance_ms(limits::SEARCH_EXPORTS_PER_IP.window_ms);
    assert_eq!(app.get("/recherche.csv?q=pelouses").await.status(), 200, "an hour later");
}

const CRITERIA: &[(&str, &str)] = &[("gouvernance-democratique.use", "1")];

#[tokio::test]
async fn an_organisation_changes_its_profiles_at_most_thirty_times_an_hour() {
    let app = spawn_app().await;
    let buyer = app.buyer("Ville de Saint-Égrève", "achats@st-egreve.fr").await;
    let max = limits::PROFILE_CHANGES_PER_ORGANISATION.max;
    for i in 0..max {
        let fields = profile_fields(&format!("Profil {i}"), false, CRITERIA);
        app.create_profile(&buyer, fields).await;
    }
    let mut pairs = vec![("organisation_id".to_owned(), buyer.organisation_id.clone())];
    pairs.extend(profile_fields("Un de trop", false, CRITERIA));
    let refused = app.call_pairs_ok(&buyer.client, "hqs-profile-create", &pairs).await;
    let message = refused["Refused"].as_str().unwrap_or_default();
    assert!(message.contains("plus de 30 fois dans l'heure"), "{refused}");
    assert_eq!(count(&app.database_url, "hqs_profiles").await, max, "nothing stored");
    app.clock.advance_ms(limits::PROFILE_CHANGES_PER_ORGANISATION.window_ms);
    app.create_profile(&buyer, profile_fields("Le lendemain", false, CRITERIA)).await;
}
