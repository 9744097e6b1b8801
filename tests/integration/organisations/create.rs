use tests::{count, spawn_app};

#[tokio::test]
async fn a_person_creates_an_organisation_and_owns_it() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let id = app.create_organisation(&alice, "Régie de quartier Villeneuve", "supplier").await;
    let mine = app.call_ok(&alice, "my-organisations", &[]).await;
    assert_eq!(mine[0]["id"], id.as_str());
    assert_eq!(mine[0]["name"], "Régie de quartier Villeneuve");
    assert_eq!(mine[0]["kind"], "Supplier");
    assert_eq!(mine[0]["my_role"], "Owner");
    let buyer = app.create_organisation(&alice, "Ville de Fontaine", "buyer_public").await;
    let page = app.organisation(&alice, &buyer).await;
    assert_eq!(page["summary"]["kind"]["Buyer"], "Public");
    let choices = page["role_choices"].to_string();
    assert!(choices.contains("ProcurementOfficer") && !choices.contains("Animator"), "{choices}");
}

#[tokio::test]
async fn bad_input_is_refused_in_french_and_stores_nothing() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let outcome = app
        .call_ok(
            &alice,
            "organisation-create",
            &[("name", " "), ("kind", "pole"), ("buyer_detail", "")],
        )
        .await;
    let text = outcome["Invalid"].to_string();
    assert!(text.contains("Indiquez le nom de l'organisation."), "{text}");
    assert!(
        text.contains("Choisissez le type d'organisation."),
        "only admins make the pôle: {text}"
    );
    assert_eq!(count(&app.database_url, "organisations").await, 0);
    assert_eq!(count(&app.database_url, "memberships").await, 0);
}

#[tokio::test]
async fn visitors_cannot_create_and_only_admins_make_the_pole() {
    let app = spawn_app().await;
    let response = app
        .call(
            &app.new_client(),
            "organisation-create",
            &[("name", "X Y"), ("kind", "supplier"), ("buyer_detail", "")],
        )
        .await;
    assert_eq!(response.status(), 401);
    let admin = app.signed_in_admin("admin@exemple.fr").await;
    let pole = app.create_organisation(&admin, "Pôle d'achats solidaires", "pole").await;
    assert_eq!(app.organisation(&admin, &pole).await["summary"]["kind"], "Pole");
}
