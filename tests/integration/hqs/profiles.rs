//! Buyers' profiles: creation from the form, privacy and sharing, French errors that store
//! nothing (hydrated and plain form), archiving, harmonisation, référentiel versions.

use tests::{count, profile_fields, spawn_app};

const HANDICAP: &[(&str, &str)] = &[
    ("reserve-handicap.use", "1"),
    ("reserve-handicap.requirement", "mandatory"),
    ("reserve-handicap.min", "60"),
    ("agrement-esus.use", "1"),
    ("agrement-esus.requirement", "weighted"),
    ("agrement-esus.weight", "3"),
];

#[tokio::test]
async fn a_profile_is_private_until_shared_and_bad_values_store_nothing() {
    let app = spawn_app().await;
    let ville = app.buyer("Ville d'Échirolles", "achats@echirolles.fr").await;
    let other = app.buyer("Bailleur social Alpes", "achats@bailleur.fr").await;

    let id = app.create_profile(&ville, profile_fields("Réservé handicap", false, HANDICAP)).await;
    let mine = app.profile(&ville.client, &id).await;
    assert_eq!(mine["summary"]["editable"], true, "{mine}");
    let items = mine["requirements"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["criterion"], "reserve-handicap");
    assert_eq!(items[0]["threshold"]["min"], 60);
    assert_eq!(items[1]["requirement"]["weight"], 3);
    // Private: another buyer neither reads it nor lists it.
    assert!(app.profile(&other.client, &id).await.is_null());
    let listed = app.call_ok(&other.client, "hqs-profiles", &[]).await;
    assert!(!listed.to_string().contains(&id));

    // A wrong threshold: an error under the criterion, nothing changed.
    let mut wrong = profile_fields("Réservé handicap", true, HANDICAP);
    wrong.retain(|(k, _)| k != "form[values][reserve-handicap.min]");
    wrong.push(("form[values][reserve-handicap.min]".into(), "120".into()));
    let mut pairs = vec![("profile_id".to_owned(), id.clone())];
    pairs.extend(wrong);
    let answer = app.call_pairs_ok(&ville.client, "hqs-profile-update", &pairs).await;
    assert_eq!(answer["Invalid"][0][0], "reserve-handicap", "{answer}");
    assert!(answer.to_string().contains("entre 1 et 100 %"));
    assert_eq!(app.profile(&ville.client, &id).await["summary"]["shared"], false);

    // The other buyer may not change it, even knowing its id.
    let mut theirs = vec![("profile_id".to_owned(), id.clone())];
    theirs.extend(profile_fields("Volé", true, HANDICAP));
    let refused = app.call_pairs(&other.client, "hqs-profile-update", &theirs).await;
    assert_eq!(refused.status(), 403);

    // Shared: the other buyer reads it, still cannot edit it.
    let mut share = vec![("profile_id".to_owned(), id.clone())];
    share.extend(profile_fields("Réservé handicap", true, HANDICAP));
    app.call_pairs_ok(&ville.client, "hqs-profile-update", &share).await;
    let seen = app.profile(&other.client, &id).await;
    assert_eq!(seen["summary"]["shared"], true);
    assert_eq!(seen["summary"]["editable"], false);

    // Without JavaScript, the errors and the values typed come back through the flash.
    let plain = ville
        .client
        .post(app.url("/api/hqs-profile-create"))
        .header("accept", "text/html")
        .form(&[
            ("organisation_id", ville.organisation_id.as_str()),
            ("form[name]", ""),
            ("form[values][reserve-handicap.use]", "1"),
            ("form[values][reserve-handicap.min]", "abc"),
        ])
        .send()
        .await
        .expect("POST");
    assert!(plain.status().is_redirection(), "{}", plain.status());
    let location = plain.headers()["location"].to_str().expect("location").to_owned();
    assert!(location.starts_with("/hqs/profils/nouveau?organisation="), "{location}");
    // (the organisation's id may hold the letters « abc » too)
    let typed = location.replace(ville.organisation_id.as_str(), "");
    assert!(!typed.contains("abc"), "nothing typed in the address: {location}");
    let page = app.follow(&ville.client, &plain).await;
    assert!(page.contains("Donnez un nom au profil."), "the error shows");
    assert!(page.contains(r#"value="abc""#), "the value typed is kept");
    assert_eq!(count(&app.database_url, "hqs_profiles").await, 1);

    // Archived: gone from the lists, its page a 404.
    app.call_ok(&ville.client, "hqs-profile-archive", &[("profile_id", &id)]).await;
    assert!(app.profile(&ville.client, &id).await.is_null());
    assert!(!app.call_ok(&ville.client, "hqs-profiles", &[]).await.to_string().contains(&id));
    app.stop().await;
}

#[tokio::test]
async fn templates_give_ready_profiles() {
    let app = spawn_app().await;
    let ville = app.buyer("Grenoble-Alpes Métropole", "achats@metro.fr").await;
    let new =
        app.call_ok(&ville.client, "hqs-new-profile", &[("template", "clause-insertion")]).await;
    let values = new["form"]["values"].as_object().expect("values");
    assert_eq!(values["clause-insertion.amount"], "1000000");
    // The template's form, sent back as is, makes a profile.
    let mut fields =
        vec![("form[name]".to_owned(), new["form"]["name"].as_str().expect("name").to_owned())];
    fields.extend(
        values
            .iter()
            .map(|(k, v)| (format!("form[values][{k}]"), v.as_str().expect("text").to_owned())),
    );
    let id = app.create_profile(&ville, fields).await;
    let profile = app.profile(&ville.client, &id).await;
    assert_eq!(profile["summary"]["name"], "Clause sociale d'insertion (L2112-2)");
    let page = ville.client.get(app.url(&format!("/hqs/profils/{id}"))).send().await.expect("GET");
    let page = page.text().await.expect("body");
    assert!(page.contains("833 h d'insertion"), "the clause's hours show");
    // Someone who is no buyer cannot create one.
    let supplier = app.supplier("ESAT du Drac", "esat@exemple.fr").await;
    let mut pairs = vec![("organisation_id".to_owned(), supplier.organisation_id.clone())];
    pairs.extend(profile_fields("Pas le droit", false, HANDICAP));
    assert_eq!(app.call_pairs(&supplier.client, "hqs-profile-create", &pairs).await.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn harmonisation_shows_differences_and_makes_a_profile_of_the_core() {
    let app = spawn_app().await;
    let ville = app.buyer("Ville de Grenoble", "achats@grenoble.fr").await;
    let entreprise = app.buyer("Entreprise privée", "achats@entreprise.fr").await;
    let a = app
        .create_profile(
            &ville,
            profile_fields(
                "Insertion ville",
                true,
                &[
                    ("reserve-insertion.use", "1"),
                    ("reserve-insertion.min", "60"),
                    ("agrement-esus.use", "1"),
                ],
            ),
        )
        .await;
    let b = app
        .create_profile(
            &entreprise,
            profile_fields(
                "Insertion entreprise",
                true,
                &[
                    ("reserve-insertion.use", "1"),
                    ("reserve-insertion.min", "50"),
                    ("commerce-equitable.use", "1"),
                ],
            ),
        )
        .await;
    let page =
        app.call_ok(&ville.client, "hqs-harmonisation", &[("ids", &format!("{a},{b}"))]).await;
    let comparison = &page["comparison"]["comparison"];
    let core = comparison["core"]["items"].as_array().expect("core");
    assert_eq!(core.len(), 1, "{comparison}");
    assert_eq!(core[0]["criterion"], "reserve-insertion");
    assert_eq!(core[0]["threshold"]["min"], 50, "the loosest threshold");
    let rows = comparison["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3);
    let insertion = rows.iter().find(|r| r["criterion"] == "reserve-insertion").expect("row");
    assert_eq!(insertion["cells"][0]["Present"]["against_core"], "Stricter");
    let esus = rows.iter().find(|r| r["criterion"] == "agrement-esus").expect("row");
    assert_eq!(esus["cells"][1], "Missing");

    let made = app
        .call_ok(
            &ville.client,
            "hqs-profile-from-core",
            &[
                ("organisation_id", &ville.organisation_id),
                ("ids", &format!("{a},{b}")),
                ("name", "Socle"),
            ],
        )
        .await;
    let id = made["Done"].as_str().expect("created").to_owned();
    let profile = app.profile(&ville.client, &id).await;
    assert_eq!(profile["requirements"]["items"].as_array().expect("items").len(), 1);
    assert_eq!(profile["summary"]["shared"], false);
    app.stop().await;
}

#[tokio::test]
async fn a_new_referential_version_applies_to_new_profiles_only() {
    let app = spawn_app().await;
    let ville = app.buyer("Ville de Fontaine", "achats@fontaine.fr").await;
    let local = &[
        ("ancrage-local.use", "1"),
        ("ancrage-local.km", "15"),
        ("ancrage-local.origin", "38169"),
    ];
    let before = app.create_profile(&ville, profile_fields("Local", false, local)).await;

    // Buyers do not publish versions.
    let refused = app
        .call(
            &ville.client,
            "hqs-referential-publish",
            &[("values[commerce-equitable.keep]", "1"), ("note", "x")],
        )
        .await;
    assert_eq!(refused.status(), 403);

    let animator = app.animator("anim@pole.fr").await;
    let empty_note = app
        .call_ok(
            &animator,
            "hqs-referential-publish",
            &[("values[commerce-equitable.keep]", "1"), ("note", "")],
        )
        .await;
    assert!(empty_note["Invalid"].to_string().contains("Dites ce qui change"));
    let published = app
        .call_ok(
            &animator,
            "hqs-referential-publish",
            &[
                ("values[commerce-equitable.keep]", "1"),
                ("values[reserve-handicap.keep]", "1"),
                ("values[reserve-handicap.min]", "55"),
                ("note", "L'ancrage local sort du référentiel."),
            ],
        )
        .await;
    assert_eq!(published["Done"], "2", "{published}");
    let referential = app.call_ok(&ville.client, "hqs-referential", &[]).await;
    assert_eq!(referential["versions"][0]["version"], 2);
    assert_eq!(
        referential["versions"][0]["referential"]["entries"].as_array().expect("entries").len(),
        2
    );

    // The profile built on version 1 keeps it; a new one may not use the criterion dropped.
    assert_eq!(app.profile(&ville.client, &before).await["summary"]["referential_version"], 1);
    let mut pairs = vec![("organisation_id".to_owned(), ville.organisation_id.clone())];
    pairs.extend(profile_fields("Local encore", false, local));
    let answer = app.call_pairs_ok(&ville.client, "hqs-profile-create", &pairs).await;
    assert!(answer["Invalid"].to_string().contains("n'est plus proposé"), "{answer}");
    // The publication is in the audit log.
    let logged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'referential' AND action = 'published'")
        .fetch_one(&app.state.db)
        .await
        .expect("count");
    assert_eq!(logged, 1);
    app.stop().await;
}
