//! Insertion hours declared done on clause contracts: by the supplier's people and by the
//! pôle's animators (the clause's facilitator), with French errors, kept in a history.

use tests::{count, spawn_app};

#[tokio::test]
async fn suppliers_and_the_facilitator_declare_hours_done() {
    let app = spawn_app().await;
    let regie = app.supplier("Régie de quartier", "regie@exemple.fr").await;
    let other = app.supplier("SCOP Les Jardins", "scop@exemple.fr").await;
    let clause = app.ledger_line(Some(&regie.structure_id), "clause criterion", Some(500)).await;
    let plain = app.ledger_line(Some(&regie.structure_id), "none", None).await;
    let others = app.ledger_line(Some(&other.structure_id), "clause", None).await;

    // The supplier sees its clause contract only.
    let page = app.call_ok(&regie.client, "insertion-hours", &[]).await;
    let listed: Vec<&str> = page["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .filter_map(|c| c["purchase_id"].as_str())
        .collect();
    assert_eq!(listed, [clause.as_str()], "{page}");
    assert_eq!(page["facilitator"], false);

    // Bad figures: each French error beside its field, nothing stored.
    let declare = |client: &reqwest::Client, id: &str, hours: &str, on: &str| {
        let form = [("form[purchase_id]", id), ("form[hours]", hours), ("form[counted_on]", on)];
        let (app, client, form) = (&app, client.clone(), form.map(|(k, v)| (k, v.to_owned())));
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_ok(&client, "insertion-hours-declare", &pairs).await
        }
    };
    let hours_field = format!("hours-{clause}");
    for (hours, on, field, message) in [
        ("-12", "", hours_field.clone(), "négatif"),
        ("5001", "", hours_field.clone(), "dix fois"),
        ("12,5", "", hours_field.clone(), "entier"),
        ("100", "2099-01-01", format!("counted_on-{clause}"), "futur"),
        ("100", "2024-12-31", format!("counted_on-{clause}"), "précède"),
    ] {
        let answer = declare(&regie.client, &clause, hours, on).await;
        let errors = answer["Invalid"].as_array().expect("invalid");
        assert!(
            errors
                .iter()
                .any(|e| e[0] == field.as_str()
                    && e[1].as_str().unwrap_or_default().contains(message)),
            "{hours} {on}: {answer}"
        );
    }
    let refused = declare(&regie.client, &plain, "10", "").await;
    assert!(refused["Refused"].as_str().unwrap_or_default().contains("pas de clause"), "{refused}");
    assert_eq!(count(&app.database_url, "insertion_hour_declarations").await, 0);

    // Another structure's people and a visitor: refused.
    let forbidden = app
        .call(
            &other.client,
            "insertion-hours-declare",
            &[("form[purchase_id]", clause.as_str()), ("form[hours]", "10")],
        )
        .await;
    assert_eq!(forbidden.status(), 403);
    let visitor = app
        .call(
            &app.new_client(),
            "insertion-hours-declare",
            &[("form[purchase_id]", clause.as_str()), ("form[hours]", "10")],
        )
        .await;
    assert_eq!(visitor.status(), 401);

    // The supplier declares; then the facilitator updates the running figure.
    let done = declare(&regie.client, &clause, "1 250", "2026-01-31").await;
    assert_eq!(done["Done"], clause.as_str(), "{done}");
    let animator = app.animator("anim@pole.fr").await;
    let page = app.call_ok(&animator, "insertion-hours", &[]).await;
    assert_eq!(page["facilitator"], true);
    let listed: Vec<&str> = page["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .filter_map(|c| c["purchase_id"].as_str())
        .collect();
    assert!(listed.len() == 2 && listed.contains(&others.as_str()), "{page}");
    let done = declare(&animator, &clause, "1400", "").await;
    assert_eq!(done["Done"], clause.as_str(), "{done}");
    let db = tests::pool(&app.database_url).await;
    let (hours, on): (Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT insertion_hours_done, insertion_hours_counted_on FROM purchases WHERE id = $1",
    )
    .bind(&clause)
    .fetch_one(&db)
    .await
    .expect("line");
    assert_eq!(hours, Some(1400));
    let today =
        app::domain::calendar::Day::of_instant(app::clock::Clock::now_ms(app.clock.as_ref()));
    assert_eq!(on, Some(today.iso()));
    let history: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT hours_done, counted_on, declared_as FROM insertion_hour_declarations \
         WHERE purchase_id = $1 ORDER BY hours_done",
    )
    .bind(&clause)
    .fetch_all(&db)
    .await
    .expect("history");
    assert_eq!(
        history,
        [
            (1250, "2026-01-31".to_owned(), "supplier".to_owned()),
            (1400, today.iso(), "facilitator".to_owned()),
        ]
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'insertion_hours_declared'",
    )
    .fetch_one(&db)
    .await
    .expect("audit");
    assert_eq!(audited, 2);
    let unknown = declare(&animator, "inconnu", "10", "").await;
    assert!(unknown["Refused"].is_string(), "{unknown}");
}

#[tokio::test]
async fn without_javascript_the_error_comes_back_beside_its_line() {
    let app = spawn_app().await;
    let regie = app.supplier("Régie de quartier", "regie@exemple.fr").await;
    let clause = app.ledger_line(Some(&regie.structure_id), "clause", Some(300)).await;
    let post = |hours: &'static str| {
        regie
            .client
            .post(app.url("/api/insertion-hours-declare"))
            .header("accept", "text/html")
            .form(&[("form[purchase_id]", clause.as_str()), ("form[hours]", hours)])
            .send()
    };
    let refused = post("-4").await.expect("POST");
    assert_eq!(refused.headers()["location"], "/veille/heures-insertion");
    let html = app.follow(&regie.client, &refused).await;
    let shown = format!(
        r#"id="hours-error-{clause}" class="field-error">Le nombre d'heures ne peut pas être négatif.</span>"#
    );
    assert!(html.contains(&shown), "the error beside the line's field: {html}");
    assert!(html.contains(r#"value="-4""#), "the figure typed is kept: {html}");
    let done = post("280").await.expect("POST");
    assert_eq!(done.headers()["location"], "/veille/heures-insertion?declare=1");
    let html = app.follow(&regie.client, &done).await;
    assert!(html.contains("Heures d'insertion enregistrées"), "{html}");
    assert!(html.contains("280 h au"), "{html}");
}

/// A buyer imports its file again (completed, reordered): the hours declared on its clause
/// contracts stay with those contracts instead of going with the replaced lines.
#[tokio::test]
async fn hours_declared_survive_the_same_file_imported_again() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Meylan", "achats@meylan.fr").await;
    let header = "Fournisseur;Montant HT;Date;Considération sociale\n";
    let first = format!("{header}Régie Nord;12000;01/02/2025;clause\nSCOP Sud;300;02/02/2025;\n");
    let import = app.imported(&buyer, "achats-2025.csv", first.into_bytes()).await;
    let db = tests::pool(&app.database_url).await;
    let line_of = |import: String| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT id FROM purchases WHERE import_id = $1 AND supplier_name = 'Régie Nord'",
            )
            .bind(import)
            .fetch_one(&db)
            .await
            .expect("the clause contract")
        }
    };
    let clause = line_of(import.clone()).await;
    let animator = app.animator("anim@pole.fr").await;
    let form = [
        ("form[purchase_id]", clause.as_str()),
        ("form[hours]", "420"),
        ("form[counted_on]", "2025-06-30"),
    ];
    let done = app.call_ok(&animator, "insertion-hours-declare", &form).await;
    assert_eq!(done["Done"], clause.as_str(), "{done}");

    // The same file, completed and reordered: the contract is now its second line.
    let again = format!(
        "{header}Atelier Est;80;03/02/2025;\nRégie Nord;12000;01/02/2025;clause\nSCOP Sud;300;02/02/2025;\n"
    );
    let second = app.imported(&buyer, "achats-2025.csv", again.into_bytes()).await;
    let moved = line_of(second).await;
    assert_ne!(moved, clause, "the lines were replaced");
    let (hours, on): (Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT insertion_hours_done, insertion_hours_counted_on FROM purchases WHERE id = $1",
    )
    .bind(&moved)
    .fetch_one(&db)
    .await
    .expect("line");
    assert_eq!((hours, on.as_deref()), (Some(420), Some("2025-06-30")));
    let history: Vec<String> = sqlx::query_scalar(
        "SELECT purchase_id FROM insertion_hour_declarations ORDER BY created_at",
    )
    .fetch_all(&db)
    .await
    .expect("history");
    assert_eq!(history, [moved], "the declaration follows its contract");
}
