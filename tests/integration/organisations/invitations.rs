use tests::spawn_app;

#[tokio::test]
async fn an_owner_invites_a_person_who_joins_with_the_role() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "Ville de Fontaine", "buyer_public").await;
    let outcome = app
        .call_ok(
            &alice,
            "organisation-invite",
            &[
                ("organisation_id", &org),
                ("email", "Bob@Exemple.fr"),
                ("role", "procurement_officer"),
            ],
        )
        .await;
    assert_eq!(outcome["Done"], org.as_str());
    let token = app.invitation_token("bob@exemple.fr").await;

    let carol = app.signed_in_user("Carol", "carol@exemple.fr").await;
    let refused = app.call_ok(&carol, "invitation-accept", &[("token", &token)]).await;
    assert!(refused["Refused"].as_str().expect("refused").contains("bob@exemple.fr"));

    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    let joined = app.call_ok(&bob, "invitation-accept", &[("token", &token)]).await;
    assert_eq!(joined["Done"], org.as_str());
    let members = app.organisation(&alice, &org).await["members"].clone();
    let bob_row =
        members.as_array().expect("list").iter().find(|m| m["email"] == "bob@exemple.fr").cloned();
    assert_eq!(bob_row.expect("bob is a member")["role"], "ProcurementOfficer");

    let again = app.call_ok(&bob, "invitation-accept", &[("token", &token)]).await;
    assert!(again.get("Refused").is_some(), "single use: {again}");
}

#[tokio::test]
async fn only_owners_invite_and_only_with_roles_the_organisation_has() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "SCOP Les Jardins", "supplier").await;
    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    app.add_member(&org, "bob@exemple.fr", "member").await;
    let response = app
        .call(
            &bob,
            "organisation-invite",
            &[("organisation_id", &org), ("email", "x@exemple.fr"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status(), 403);
    let outcome = app
        .call_ok(
            &alice,
            "organisation-invite",
            &[("organisation_id", &org), ("email", "x@exemple.fr"), ("role", "animator")],
        )
        .await;
    assert!(outcome["Invalid"].to_string().contains("Ce rôle n'existe pas"), "{outcome}");
    assert!(app.mails_to("x@exemple.fr").await.is_empty(), "nothing sent");
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "SCOP Les Jardins", "supplier").await;
    app.call_ok(
        &alice,
        "organisation-invite",
        &[("organisation_id", &org), ("email", "bob@exemple.fr"), ("role", "member")],
    )
    .await;
    let token = app.invitation_token("bob@exemple.fr").await;
    app.clock.advance_ms(15 * app::clock::DAY_MS);
    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    let outcome = app.call_ok(&bob, "invitation-accept", &[("token", &token)]).await;
    assert!(outcome["Refused"].as_str().expect("refused").contains("n'est plus valable"));
}

#[tokio::test]
async fn an_invitation_dies_with_its_senders_rights() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "SCOP Les Jardins", "supplier").await;
    let carol = app.signed_in_user("Carol", "carol@exemple.fr").await;
    app.add_member(&org, "carol@exemple.fr", "owner").await;
    app.call_ok(
        &carol,
        "organisation-invite",
        &[("organisation_id", &org), ("email", "bob@exemple.fr"), ("role", "owner")],
    )
    .await;
    let token = app.invitation_token("bob@exemple.fr").await;
    let carol_id = app.user_id("carol@exemple.fr").await;
    app.call_ok(
        &alice,
        "organisation-member-role",
        &[("organisation_id", &org), ("member_id", &carol_id), ("role", "member")],
    )
    .await;

    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    let outcome = app.call_ok(&bob, "invitation-accept", &[("token", &token)]).await;
    assert!(
        outcome["Refused"].as_str().expect("refused").contains("n'est plus responsable"),
        "{outcome}"
    );
    assert_eq!(app.call(&bob, "organisation", &[("id", &org)]).await.status(), 403);
}
