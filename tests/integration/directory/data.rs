use app::{
    clock::Clock,
    services::directory::{demo, import::import},
};
use tests::{count, spawn_app};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,code_postal,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,rayon_km,latitude,longitude
73282932000074,Régie de quartier Villeneuve,RQ|ASSO,38185,38100,contact@regie.example,Entretien et propreté,espaces-verts|nettoyage-urbain,service,metropole,,\"45,1667\",5.7333
44306184100047,ESAT Les Ateliers du Drac,ESAT,38151,,esat@exemple.fr,Conditionnement,conditionnement,service,radius,15,,
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht,unite,sur_devis
73282932000074,Tonte de pelouses,Tonte et ramassage,espaces-verts,service,\"30,00\",heure,
44306184100047,Mise sous pli,Courriers et routage,mise-sous-pli,service,,,oui
";

#[tokio::test]
async fn an_import_with_a_bad_row_stores_nothing_and_names_every_error() {
    let app = spawn_app().await;
    let bad = STRUCTURES
        .replace("44306184100047,ESAT", "44306184100048,ESAT")
        .replace("ESAT,38151", "XYZ,38151");
    let report = import(&app.state.db, app.clock.now_ms(), Some(&bad), Some(OFFERS), false, "test")
        .await
        .expect("import");
    assert!(!report.stored);
    let lines: Vec<String> =
        report.errors.iter().map(|e| format!("{}:{}:{}", e.file, e.line, e.column)).collect();
    assert!(lines.contains(&"structures:3:siret".to_owned()), "{lines:?}");
    assert!(lines.contains(&"structures:3:typologie".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"offres:3:siret".to_owned()),
        "the ESAT's offer has no structure: {lines:?}"
    );
    assert!(report.to_string().contains("rien n'a été importé"));
    assert_eq!(count(&app.database_url, "structures").await, 0, "all or nothing");
    assert_eq!(count(&app.database_url, "offers").await, 0);
}

#[tokio::test]
async fn a_dry_run_checks_without_storing_then_the_import_stores_everything() {
    let app = spawn_app().await;
    let dry =
        import(&app.state.db, app.clock.now_ms(), Some(STRUCTURES), Some(OFFERS), true, "test")
            .await
            .expect("dry run");
    assert!(dry.errors.is_empty(), "{dry}");
    assert_eq!((dry.structures, dry.offers, dry.stored), (2, 2, false));
    assert_eq!(count(&app.database_url, "structures").await, 0);

    let done =
        import(&app.state.db, app.clock.now_ms(), Some(STRUCTURES), Some(OFFERS), false, "test")
            .await
            .expect("import");
    assert!(done.stored, "{done}");
    assert_eq!(count(&app.database_url, "structures").await, 2);
    assert_eq!(count(&app.database_url, "offers").await, 2);
    let page = app.get("/structures/esat-les-ateliers-du-drac").await;
    assert_eq!(page.status(), 200, "imported structures are published");
    assert!(page.text().await.expect("body").contains("Sur devis"));

    // The same file again: every SIRET is already there, nothing is stored twice.
    let again = import(&app.state.db, app.clock.now_ms(), Some(STRUCTURES), None, false, "test")
        .await
        .expect("import");
    assert!(!again.stored && again.errors.len() == 2, "{again}");
    assert_eq!(count(&app.database_url, "structures").await, 2);
}

#[tokio::test]
async fn the_export_lists_public_structures_only_and_imports_back() {
    let app = spawn_app().await;
    import(&app.state.db, app.clock.now_ms(), Some(STRUCTURES), None, false, "test")
        .await
        .expect("import");
    let draft = app.supplier("Brouillon secret", "brouillon@exemple.fr").await;
    let response = app.get("/annuaire.csv").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("text/csv"));
    let csv = response.text().await.expect("body");
    assert!(!csv.contains("Brouillon secret"), "drafts are not exported");
    assert_eq!(
        app.column("structures", "status", &draft.structure_id).await.as_deref(),
        Some("draft")
    );

    let other = spawn_app().await;
    let report = import(&other.state.db, other.clock.now_ms(), Some(&csv), None, false, "test")
        .await
        .expect("re-import");
    assert!(report.stored, "{report}");
    let first =
        other.get("/structures/regie-de-quartier-villeneuve").await.text().await.expect("body");
    assert!(
        first.contains("73282932000074")
            && first.contains("Grenoble")
            && first.contains("Propreté urbaine")
    );
    let again = other.get("/annuaire.csv").await.text().await.expect("body");
    assert_eq!(again, csv, "export → import → export is stable");
}

#[tokio::test]
async fn demo_data_fills_the_directory_the_same_way_each_time() {
    let app = spawn_app().await;
    let (structures, offers) =
        demo::seed(&app.state.db, 42, 30, 90, app.clock.now_ms()).await.expect("seed");
    assert_eq!((structures, offers), (30, 90));
    assert_eq!(count(&app.database_url, "structures").await, 30);
    let listing = |html: String| {
        let start = html.find(r#"id="directory""#).expect("the list");
        let end = start + html[start..].find("</ul>").expect("its end");
        html[start..end].to_owned()
    };
    let first = listing(app.get("/annuaire").await.text().await.expect("body"));
    assert_eq!(first.matches("<li>").count(), 30);
    let other = spawn_app().await;
    demo::seed(&other.state.db, 42, 30, 90, other.clock.now_ms()).await.expect("seed");
    assert_eq!(listing(other.get("/annuaire").await.text().await.expect("body")), first);
}
