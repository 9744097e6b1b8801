//! After the grant: suspension with a reason, the structure's answer, reinstatement,
//! withdrawal; who sees a file; the search index follows who holds a label.

use serde_json::Value;
use tests::spawn_app;

/// Structures holding the label at `level`, as the public search finds them (`null` while
/// the index is not ready yet).
async fn labelled(app: &tests::TestApp, level: &str) -> Value {
    let query = format!("cible=structures&hqs={level}");
    let response = app.call(&app.new_client(), "catalogue-search", &[("query", &query)]).await;
    response.json().await.unwrap_or(Value::Null)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suspend_respond_reinstate_withdraw_and_the_index_follows() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", anne).await;
    let other = app.published_supplier("Atelier Voisin", "voisin@exemple.fr", anne).await;
    let label = app.granted_label(&supplier, anne, bruno).await;

    // Who sees the file: the structure's people and the animators; not another structure,
    // not a buyer, not a visitor.
    assert_eq!(app.label_file(&other.client, &label).await, Value::Null);
    let buyer = app.buyer("Ville de Meylan", "achats@meylan.fr").await;
    assert_eq!(app.label_file(&buyer.client, &label).await, Value::Null);
    assert_eq!(app.call(&app.new_client(), "label-file", &[("id", &label)]).await.status(), 401);
    assert_eq!(app.label_file(anne, &label).await["role"], "Animator");
    assert_eq!(app.label_file(&supplier.client, &label).await["role"], "Holder");
    // Nobody but animators sanctions.
    let refused = app
        .call(
            &supplier.client,
            "label-step",
            &[("label_id", &label), ("step", "suspend"), ("text", "x")],
        )
        .await;
    assert_eq!(refused.status(), 403);

    // Labelled structures are found by the facet, at their level (no weighted criterion met:
    // bronze).
    let found = tests::eventually(30, async || labelled(&app, "bronze").await["total"] == 1).await;
    assert!(found, "{}", labelled(&app, "bronze").await);
    let any = labelled(&app, "tous").await;
    assert_eq!(any["total"], 1, "{any}");
    let facet = any["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .find(|f| f["param"] == "hqs")
        .expect("the HQS facet")
        .clone();
    assert!(facet.to_string().contains("Labellisé HQS, niveau bronze"), "{facet}");
    assert_eq!(labelled(&app, "or").await["total"], 0);

    // Suspended with a reason: the structure is told and may answer; the label leaves the
    // registry and the facet.
    let no_reason = app.label_step(anne, &label, "suspend", "", "").await;
    assert!(no_reason["Invalid"].to_string().contains("Donnez la raison"), "{no_reason}");
    let suspended =
        app.label_step(anne, &label, "suspend", "Agrément ESUS contesté par la DDETS.", "").await;
    assert!(suspended["Done"].is_string(), "{suspended}");
    let mail = app.mail("regie@exemple.fr", "Label Haute Qualité Solidaire : label suspendu (vous pouvez répondre depuis le dossier)").await;
    assert!(mail.expect("told").contains("Agrément ESUS contesté"));
    assert_eq!(app.call_ok(&app.new_client(), "label-registry", &[]).await, serde_json::json!([]));
    let gone = tests::eventually(30, async || labelled(&app, "bronze").await["total"] == 0).await;
    assert!(gone, "a suspended label leaves the facet");
    let answered = app
        .label_step(&supplier.client, &label, "respond", "La DDETS a confirmé notre agrément.", "")
        .await;
    assert!(answered["Done"].is_string(), "{answered}");
    assert!(
        app.mail("anne@pole.fr", "Label Haute Qualité Solidaire : réponse à la suspension")
            .await
            .is_some()
    );
    assert_eq!(
        app.label_file(anne, &label).await["response"],
        "La DDETS a confirmé notre agrément."
    );

    // Reinstated, it is back; withdrawn, it is gone for good.
    let back = app.label_step(bruno, &label, "reinstate", "Agrément confirmé.", "").await;
    assert!(back["Done"].is_string(), "{back}");
    let found = tests::eventually(30, async || labelled(&app, "bronze").await["total"] == 1).await;
    assert!(found, "a reinstated label is back in the facet");
    let withdrawn = app.label_step(anne, &label, "withdraw", "Manquements répétés.", "").await;
    assert!(withdrawn["Done"].is_string(), "{withdrawn}");
    let again = app.label_step(anne, &label, "reinstate", "Erreur.", "").await;
    assert!(again["Refused"].is_string(), "a withdrawn label stays withdrawn: {again}");
    let gone = tests::eventually(30, async || labelled(&app, "bronze").await["total"] == 0).await;
    assert!(gone, "a withdrawn label leaves the facet");
    app.stop().await;
}

#[tokio::test]
async fn the_sweep_suspends_a_label_whose_file_no_longer_complies() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", anne).await;
    let label = app.granted_label(&supplier, anne, bruno).await;
    assert_eq!(app.sweep_labels().await.suspended, 0, "compliant: nothing to do");

    // The régie becomes a cooperative without an ESUS agreement: the label's mandatory
    // criterion fails, and the next sweep suspends it with the reason.
    app.redeclare(&supplier, anne, "Régie Mistral", &["SCOP"], &[("legal_form", "SCOP SARL")])
        .await;
    assert_eq!(app.sweep_labels().await.suspended, 1);
    let file = app.label_file(&supplier.client, &label).await;
    assert_eq!(file["state"], "suspended");
    assert!(file["reason"].as_str().expect("reason").contains("agrément ESUS"), "{file}");
    let mails = app.mails_to("regie@exemple.fr").await;
    assert!(mails.iter().any(|(s, b)| s.contains("label suspendu") && b.contains("agrément ESUS")));
    assert_eq!(app.sweep_labels().await.suspended, 0, "once");
    app.stop().await;
}

#[tokio::test]
async fn a_refusal_proposed_is_not_turned_into_a_grant_and_one_file_at_a_time() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", anne).await;

    // Two applications at the same moment: one file only.
    let form = [("structure_id", supplier.structure_id.as_str())];
    let (first, second) = tokio::join!(
        app.call_ok(&supplier.client, "label-apply", &form),
        app.call_ok(&supplier.client, "label-apply", &form)
    );
    let done: Vec<&Value> =
        [&first, &second].into_iter().filter(|o| o["Done"].is_string()).collect();
    assert_eq!(done.len(), 1, "{first} {second}");
    let label = done[0]["Done"].as_str().expect("id").to_owned();

    // Anne proposes a refusal: Bruno may refuse, not grant.
    app.label_step(&supplier.client, &label, "submit", "", "").await;
    app.label_step(anne, &label, "prepare", "Statuts introuvables.", "refuse").await;
    let grant = app.label_step(bruno, &label, "decide", "Je ne suis pas d'accord.", "grant").await;
    assert!(
        grant["Refused"].as_str().expect("refused").contains("nouvelle instruction"),
        "{grant}"
    );
    let refused = app.label_step(bruno, &label, "decide", "Statuts manquants.", "refuse").await;
    assert!(refused["Done"].is_string(), "{refused}");
    assert_eq!(app.label_file(&supplier.client, &label).await["state"], "refused");

    // A suspended label is renewed, not replaced: the renewal keeps its number.
    let granted = app.granted_label(&supplier, anne, bruno).await;
    let number = app.label_file(anne, &granted).await["number"].clone();
    app.label_step(anne, &granted, "suspend", "Plainte en cours d'examen.", "").await;
    let renewal = app.granted_label(&supplier, bruno, anne).await;
    let file = app.label_file(anne, &renewal).await;
    assert_eq!(file["renewal_of"], granted.as_str());
    assert_eq!(file["number"], number);
    assert_eq!(app.label_file(anne, &granted).await["state"], "renewed");
    app.stop().await;
}
