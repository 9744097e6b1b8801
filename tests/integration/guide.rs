//! The buyers' guide: its pages served from the repository's Markdown, the live count of
//! each page's search, and the calculators computed by the server for a plain `GET`.

use tests::{TestApp, catalogue_of, spawn_app};

const STRUCTURES: &str = "\
siret,nom,typologie,code_insee,courriel,presentation_detail,secteurs,type_prestation,zone_intervention,latitude,longitude,date_agrement_esus
73282932000074,Les Jardins du Drac,ACI|ASSO,38185,a@exemple.fr,Chantier d'insertion,espaces-verts,service,metropole,45.1885,5.7245,
44306184100047,ESAT du Vercors,ESAT,38151,b@exemple.fr,Travail adapté,espaces-verts,service,metropole,45.1436,5.7183,
35600000000048,Propreté Solidaire,EI,38421,c@exemple.fr,Entreprise d'insertion,nettoyage-locaux,service,metropole,45.1672,5.7653,2021-03-15
55210055400013,Vif Nature,SCOP,38545,d@exemple.fr,Coopérative,espaces-verts,service,metropole,45.0553,5.6708,
";

const OFFERS: &str = "\
siret,nom,presentation_detail,secteur,type_prestation,prix_ht
73282932000074,Entretien de pelouses,Tonte et ramassage,espaces-verts,service,30
44306184100047,Tonte de pelouses,Tonte par un ESAT,espaces-verts,service,28
35600000000048,Nettoyage de locaux,Entretien quotidien,nettoyage-locaux,service,24
55210055400013,Création de jardins,Jardins et potagers,espaces-verts,service,40
";

async fn html(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    (response.status().as_u16(), response.text().await.expect("body"))
}

#[tokio::test]
async fn each_lever_has_its_page_and_counts_who_can_answer() {
    let app = catalogue_of(STRUCTURES, OFFERS).await;
    let (status, home) = html(&app, "/guide").await;
    assert_eq!(status, 200);
    assert!(home.contains(r#"href="/guide/marche-reserve-insertion""#), "{home}");
    assert!(home.contains(r#"href="/guide/deduction-oeth""#), "{home}");

    // An ACI and an EI may answer a contract reserved to insertion structures; one ESAT a
    // contract reserved to sheltered work.
    for (slug, found) in [("marche-reserve-insertion", 2), ("marche-reserve-handicap", 1)] {
        let page = app.call_ok(&app.new_client(), "guide-page", &[("slug", slug)]).await;
        assert_eq!(page["count"], found, "{slug}: {page}");
        let (status, text) = html(&app, &format!("/guide/{slug}")).await;
        assert_eq!(status, 200);
        assert!(text.contains(&format!("{found} résultat")), "{slug}: {text}");
        assert!(text.contains("Clause à reprendre"), "{slug}: the text is rendered");
        assert!(text.contains("/hqs/profils/nouveau?modele="), "{slug}: the template's link");
        assert!(text.contains("Texte vérifié le 04/12/2026"), "{slug}");
    }

    // The accessibility statement is linked from every page, not listed with the levers.
    assert!(!home.contains(r#"href="/guide/declaration-accessibilite""#), "{home}");
    assert!(home.contains(r#"href="/accessibilite""#), "the footer's link: {home}");
    let (status, statement) = html(&app, "/accessibilite").await;
    assert_eq!(status, 200);
    assert!(statement.contains("<h1>Déclaration d"), "{statement}");
    assert!(statement.contains("non conforme"), "{statement}");

    let (status, _) = html(&app, "/guide/marche-inconnu").await;
    assert_eq!(status, 404);
    let missing = app.call(&app.new_client(), "guide-page", &[("slug", "../Cargo")]).await;
    assert_eq!(missing.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn the_calculators_compute_without_javascript_and_name_each_bad_value() {
    let app = spawn_app().await;
    // The page opens on the domain notes' example; the address's values replace it.
    let (_, page) = html(&app, "/guide/heures-insertion").await;
    assert!(page.contains("833 heures d"), "{page}");
    let (_, page) =
        html(&app, "/guide/heures-insertion?montant=200000&part=70&taux=10&cout=32").await;
    assert!(page.contains("438 heures"), "{page}");
    let (_, page) =
        html(&app, "/guide/heures-insertion?montant=200000&part=170&taux=10&cout=32").await;
    assert!(page.contains("doit être entre 1 et 100 %"), "{page}");
    assert!(page.contains("Corrigez les valeurs signalées pour obtenir le nombre"), "{page}");
    assert!(!page.contains("438 heures"), "no result from a bad value: {page}");

    // 100 employees, 2 beneficiaries, 55 000 € bought less 11 000 € of materials, SMIC 12 €:
    // 19 200 € owed, 13 200 € of deduction capped at half, 9 600 € saved.
    let query = "effectif=100&beneficiaires=2&achats=55000&couts=11000&smic=12";
    let (_, page) = html(&app, &format!("/guide/deduction-oeth?{query}")).await;
    assert!(page.contains("réduisent votre contribution de 9\u{202f}600 €"), "{page}");
    assert!(page.contains("19\u{202f}200 €"), "{page}");
    let (_, page) = html(
        &app,
        "/guide/deduction-oeth?effectif=100&beneficiaires=2&achats=1000&couts=5000&smic=12",
    )
    .await;
    assert!(page.contains("ne peuvent dépasser le prix HT"), "{page}");
    assert!(!page.contains("réduisent votre contribution"), "{page}");
    app.stop().await;
}
