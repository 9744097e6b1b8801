use tests::spawn_app;

#[tokio::test]
async fn the_last_owner_can_neither_step_down_nor_leave() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "SCIC Énergie", "supplier").await;
    let alice_id = app.user_id("alice@exemple.fr").await;
    let demote = app
        .call_ok(
            &alice,
            "organisation-member-role",
            &[("organisation_id", &org), ("member_id", &alice_id), ("role", "member")],
        )
        .await;
    assert!(demote["Refused"].as_str().expect("refused").contains("au moins un responsable"));
    let leave = app.call_ok(&alice, "organisation-leave", &[("organisation_id", &org)]).await;
    assert!(leave["Refused"].as_str().expect("refused").contains("au moins un responsable"));

    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    app.add_member(&org, "bob@exemple.fr", "member").await;
    let bob_id = app.user_id("bob@exemple.fr").await;
    app.call_ok(
        &alice,
        "organisation-member-role",
        &[("organisation_id", &org), ("member_id", &bob_id), ("role", "owner")],
    )
    .await;
    let left = app.call_ok(&alice, "organisation-leave", &[("organisation_id", &org)]).await;
    assert_eq!(left["Done"], org.as_str());
    assert_eq!(app.call(&alice, "organisation", &[("id", &org)]).await.status(), 403);
    assert_eq!(app.organisation(&bob, &org).await["summary"]["my_role"], "Owner");
}

#[tokio::test]
async fn members_cannot_change_roles_and_strangers_see_nothing() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "SCIC Énergie", "supplier").await;
    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    app.add_member(&org, "bob@exemple.fr", "member").await;
    let bob_id = app.user_id("bob@exemple.fr").await;
    let response = app
        .call(
            &bob,
            "organisation-member-role",
            &[("organisation_id", &org), ("member_id", &bob_id), ("role", "owner")],
        )
        .await;
    assert_eq!(response.status(), 403);
    let carol = app.signed_in_user("Carol", "carol@exemple.fr").await;
    assert_eq!(app.call(&carol, "organisation", &[("id", &org)]).await.status(), 403);
    assert_eq!(app.call(&carol, "organisation", &[("id", "n-existe-pas")]).await.status(), 403);
}
