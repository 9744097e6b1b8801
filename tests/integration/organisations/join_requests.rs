use tests::spawn_app;

#[tokio::test]
async fn a_person_asks_to_join_and_an_owner_accepts() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "ESAT du Drac", "supplier").await;
    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;

    let found = app.call_ok(&bob, "organisations-search", &[("text", "drac")]).await;
    assert_eq!(found[0]["id"], org.as_str());
    assert_eq!(
        app.call_ok(&bob, "organisation-join-request", &[("organisation_id", &org)]).await["Done"],
        org.as_str()
    );
    let twice = app.call_ok(&bob, "organisation-join-request", &[("organisation_id", &org)]).await;
    assert_eq!(twice["Refused"], "Votre demande est déjà en attente.");
    assert!(
        app.mails_to("alice@exemple.fr")
            .await
            .iter()
            .any(|(s, _)| s == "Demande pour rejoindre ESAT du Drac")
    );

    let page = app.organisation(&alice, &org).await;
    let request_id = page["join_requests"][0]["id"].as_str().expect("pending").to_owned();
    assert_eq!(page["join_requests"][0]["email"], "bob@exemple.fr");
    let response = app
        .call(
            &bob,
            "organisation-join-decide",
            &[("organisation_id", &org), ("request_id", &request_id), ("decision", "accept")],
        )
        .await;
    assert_eq!(response.status(), 403, "the requester cannot decide");
    app.call_ok(
        &alice,
        "organisation-join-decide",
        &[("organisation_id", &org), ("request_id", &request_id), ("decision", "accept")],
    )
    .await;

    let page = app.organisation(&bob, &org).await;
    assert_eq!(page["summary"]["my_role"], "Member");
    assert!(
        page["join_requests"].as_array().expect("list").is_empty(),
        "members do not see requests"
    );
    assert!(
        app.mails_to("bob@exemple.fr")
            .await
            .iter()
            .any(|(s, _)| s == "Bienvenue dans ESAT du Drac")
    );
}

#[tokio::test]
async fn a_refused_request_adds_no_member() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "ESAT du Drac", "supplier").await;
    let bob = app.signed_in_user("Bob", "bob@exemple.fr").await;
    app.call_ok(&bob, "organisation-join-request", &[("organisation_id", &org)]).await;
    let request_id = app.organisation(&alice, &org).await["join_requests"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    app.call_ok(
        &alice,
        "organisation-join-decide",
        &[("organisation_id", &org), ("request_id", &request_id), ("decision", "refuse")],
    )
    .await;
    assert_eq!(app.call(&bob, "organisation", &[("id", &org)]).await.status(), 403);
    let decided = app
        .call_ok(
            &alice,
            "organisation-join-decide",
            &[("organisation_id", &org), ("request_id", &request_id), ("decision", "accept")],
        )
        .await;
    assert_eq!(decided["Refused"], "Cette demande a déjà été traitée.");
}

#[tokio::test]
async fn search_ignores_case_and_accents_in_capitals() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "École de la deuxième chance", "supplier").await;
    let found = app.call_ok(&alice, "organisations-search", &[("text", "école")]).await;
    assert_eq!(found[0]["id"], org.as_str());
    assert_eq!(found[0]["my_role"], "Owner");
}
