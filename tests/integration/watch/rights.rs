use tests::{count, spawn_app};

const FILE: &[u8] = b"Fournisseur;Montant HT;Date\nRegie;100;2025\n";

#[tokio::test]
async fn an_unverified_buyer_and_an_outsider_are_refused() {
    let app = spawn_app().await;
    // A buyer the pôle has not verified: refused in French, nothing kept.
    let unverified = app.buyer("Entreprise en attente", "attente@exemple.fr").await;
    let sent = app
        .upload_purchases(
            &unverified.client,
            &unverified.organisation_id,
            "achats.csv",
            FILE.to_vec(),
        )
        .await;
    assert_eq!(sent.headers()["location"], "/veille/imports");
    let html = app.follow(&unverified.client, &sent).await;
    assert!(html.contains("Le pôle doit d'abord vérifier votre organisation"), "{html}");
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);

    // Someone of another organisation: forbidden, for the upload and the import's changes.
    let buyer = app.verified_buyer("Ville de Vizille", "achats@vizille.fr").await;
    let outsider = app.supplier("SCOP Les Jardins", "scop@exemple.fr").await;
    let sent = app
        .upload_purchases(&outsider.client, &buyer.organisation_id, "achats.csv", FILE.to_vec())
        .await;
    assert_eq!(sent.status(), 403);
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);
    let visitor = app
        .upload_purchases(&app.new_client(), &buyer.organisation_id, "achats.csv", FILE.to_vec())
        .await;
    assert_eq!(visitor.status(), 401);

    let id = app.pending_import(&buyer, "achats.csv", FILE.to_vec()).await;
    assert!(app.purchase_import(&outsider.client, &id).await.is_null(), "not even shown to exist");
    let confirm =
        app.call(&outsider.client, "purchase-import-confirm", &[("import_id", &id)]).await;
    assert_eq!(confirm.status(), 403);
    let discard =
        app.call(&outsider.client, "purchase-import-discard", &[("import_id", &id)]).await;
    assert_eq!(discard.status(), 403);

    // A plain member of the buyer reads its imports but does not import.
    let member = app.signed_in_user("Membre", "membre@vizille.fr").await;
    app.add_member(&buyer.organisation_id, "membre@vizille.fr", "member").await;
    assert_eq!(app.purchase_import(&member, &id).await["may_change"], false);
    let confirm = app.call(&member, "purchase-import-confirm", &[("import_id", &id)]).await;
    assert_eq!(confirm.status(), 403);
    assert_eq!(count(&app.database_url, "purchases").await, 0);

    // The pôle's animators read it without changing it.
    let animator = app.animator("anim@pole.fr").await;
    assert_eq!(app.purchase_import(&animator, &id).await["may_change"], false);
    let list = app.call_ok(&animator, "purchase-imports", &[]).await;
    assert_eq!(list["everyone"], true);

    // Its owner discards it: the kept file is gone.
    let discarded =
        app.call_ok(&buyer.client, "purchase-import-discard", &[("import_id", &id)]).await;
    assert_eq!(discarded["Done"], id.as_str());
    assert_eq!(count(&app.database_url, "purchase_imports").await, 0);
    let again = app.confirm_import(&buyer.client, &id).await;
    assert!(again["Refused"].as_str().unwrap_or_default().contains("n'existe plus"), "{again}");
}
