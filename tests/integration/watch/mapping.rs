use serde_json::Value;
use tests::spawn_app;

fn roles(page: &Value) -> Vec<String> {
    page["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["role"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn columns_are_mapped_on_screen_once_and_remembered() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Grenoble-Alpes Métropole", "achats@metro.fr").await;
    let file = "Col1;Col2;Col3;Col4\nRégie;12,50;2025;x\n";
    let id = app.pending_import(&buyer, "export-erp.csv", file.as_bytes().to_vec()).await;
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(roles(&page), ["", "", "", ""], "nothing to guess from these headers");
    assert_eq!(page["columns"][1]["samples"][0], "12,50", "values help to choose");
    assert!(page["preview"]["error_count"].as_u64().unwrap_or_default() >= 3, "{page}");

    // The same role twice: refused on the second column, in French.
    let twice = app
        .call_ok(
            &buyer.client,
            "purchase-import-map",
            &[
                ("import_id", id.as_str()),
                ("form[roles][]", "amount"),
                ("form[roles][]", "amount"),
                ("form[roles][]", "date"),
                ("form[roles][]", ""),
            ],
        )
        .await;
    let error = twice["Invalid"][0].clone();
    assert_eq!(error[0], "role_2", "{twice}");
    assert!(
        error[1].as_str().unwrap_or_default().contains("déjà donné par la colonne A"),
        "{twice}"
    );

    let mapped = app
        .call_ok(
            &buyer.client,
            "purchase-import-map",
            &[
                ("import_id", id.as_str()),
                ("form[roles][]", "supplier_name"),
                ("form[roles][]", "amount"),
                ("form[roles][]", "date"),
                ("form[roles][]", ""),
            ],
        )
        .await;
    assert_eq!(mapped["Done"], id.as_str(), "{mapped}");
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(roles(&page), ["supplier_name", "amount", "date", ""]);
    assert_eq!(page["preview"]["error_count"], 0, "{page}");
    app.confirm_import(&buyer.client, &id).await;

    // The next file with the same header comes mapped.
    let next = app
        .pending_import(
            &buyer,
            "export-erp-fevrier.csv",
            b"col1;COL2;Col3;Col4\nB;1;2025;y\n".to_vec(),
        )
        .await;
    let page = app.purchase_import(&buyer.client, &next).await;
    assert_eq!(roles(&page), ["supplier_name", "amount", "date", ""], "remembered for this header");
    assert_eq!(page["preview"]["error_count"], 0, "{page}");

    // Another buyer with the same layout is not given this buyer's choice.
    let other = app.verified_buyer("Ville de Seyssinet", "achats@seyssinet.fr").await;
    let theirs = app.pending_import(&other, "export-erp.csv", file.as_bytes().to_vec()).await;
    assert_eq!(roles(&app.purchase_import(&other.client, &theirs).await), ["", "", "", ""]);
}
