//! Conflicts of interest: an animator does not instruct or decide the label file of a
//! structure whose organisation they belong to, nor the verification of a buyer they belong
//! to; another animator does.

use tests::{SIRET, spawn_app};

#[tokio::test]
async fn an_animator_does_not_review_the_label_file_of_their_own_organisation() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr", "chloe@pole.fr"]).await;
    let (anne, bruno, chloe) = (&team[0], &team[1], &team[2]);
    let supplier = app.published_supplier("Régie Mistral", "regie@exemple.fr", anne).await;
    // Bruno sits on the régie's board: he is a member of its organisation.
    app.add_member(&supplier.organisation_id, "bruno@pole.fr", "member").await;
    let label = app.apply_label(&supplier.client, &supplier.structure_id).await;
    let submitted = app.label_step(&supplier.client, &label, "submit", "", "").await;
    assert!(submitted["Done"].is_string(), "{submitted}");

    let prepared = app.label_step(bruno, &label, "prepare", "Instruit.", "grant").await;
    let why = prepared["Refused"].as_str().unwrap_or_else(|| panic!("refused: {prepared}"));
    assert!(why.contains("conflit d'intérêts"), "{why}");
    assert_eq!(app.label_file(anne, &label).await["state"], "submitted", "nothing changed");

    let prepared = app.label_step(anne, &label, "prepare", "Instruit.", "grant").await;
    assert!(prepared["Done"].is_string(), "{prepared}");
    let decided = app.label_step(bruno, &label, "decide", "Attribué.", "grant").await;
    let why = decided["Refused"].as_str().unwrap_or_else(|| panic!("refused: {decided}"));
    assert!(why.contains("conflit d'intérêts"), "{why}");
    assert_eq!(app.label_file(anne, &label).await["state"], "prepared", "nothing changed");

    let decided = app.label_step(chloe, &label, "decide", "Attribué.", "grant").await;
    assert!(decided["Done"].is_string(), "another animator decides: {decided}");
    assert_eq!(app.label_file(anne, &label).await["state"], "granted");
}

#[tokio::test]
async fn an_animator_does_not_decide_the_verification_of_their_own_buyer() {
    let app = spawn_app().await;
    let team = app.pole_team(&["anne@pole.fr", "bruno@pole.fr"]).await;
    let (anne, bruno) = (&team[0], &team[1]);
    let buyer = app.signed_in_user("Acheteuse", "achats@alpes.fr").await;
    let id = app.create_organisation(&buyer, "Alpes Bâtiment", "buyer_private").await;
    let form = [("organisation_id", id.as_str()), ("siret", SIRET), ("category", "eti")];
    let asked = app.call_ok(&buyer, "organisation-verification-request", &form).await;
    assert!(asked["Done"].is_string(), "{asked}");
    // Bruno also works for the buyer.
    app.add_member(&id, "bruno@pole.fr", "procurement_officer").await;

    let verify = [("organisation_id", id.as_str()), ("decision", "verify"), ("reason", "SIRET vu")];
    let refused = app.call_ok(bruno, "organisation-verification-decide", &verify).await;
    let why = refused["Refused"].as_str().unwrap_or_else(|| panic!("refused: {refused}"));
    assert!(why.contains("conflit d'intérêts"), "{why}");
    let state = app.column("organisations", "verification", &id).await;
    assert_eq!(state.as_deref(), Some("requested"), "nothing changed");

    let done = app.call_ok(anne, "organisation-verification-decide", &verify).await;
    assert!(done["Done"].is_string(), "another animator decides: {done}");
    let state = app.column("organisations", "verification", &id).await;
    assert_eq!(state.as_deref(), Some("verified"));
}
