use tests::spawn_app;

const SIRET_EI: &str = "73282932000074";
/// Another establishment of the ESAT's company (same SIREN, another NIC).
const SIRET_ESAT: &str = "44306184100047";

/// 13 digits completed with the Luhn check digit.
fn luhn(first: &str) -> String {
    (0..10)
        .map(|d| format!("{first}{d}"))
        .find(|n| {
            let sum: u32 = n
                .bytes()
                .rev()
                .enumerate()
                .map(|(i, b)| {
                    let d = u32::from(b - b'0');
                    if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
                })
                .sum();
            sum.is_multiple_of(10)
        })
        .expect("a check digit")
}

#[tokio::test]
async fn suppliers_are_matched_by_siret_then_siren_with_their_kinds() {
    let app = spawn_app().await;
    let buyer = app.verified_buyer("Ville de Grenoble", "achats@grenoble.fr").await;
    let ei = app.directory_structure("Jardins d'insertion", SIRET_EI, "EI").await;
    let esat = app.directory_structure("ESAT des Alpes", SIRET_ESAT, "ESAT").await;
    let other_establishment = luhn("4430618410009");
    let stranger = luhn("3841234560001");
    let text = format!(
        "Fournisseur;SIRET;Montant HT;Date\n\
         Jardins;{SIRET_EI};100;2025\n\
         ESAT (siège);443061841;200;2025\n\
         ESAT (autre site);{other_establishment};300;2025\n\
         Inconnu;{stranger};400;2025\n\
         Sans numéro;;500;2025\n"
    );
    let id = app.pending_import(&buyer, "achats.csv", text.into_bytes()).await;
    let page = app.purchase_import(&buyer.client, &id).await;
    assert_eq!(page["preview"]["matched_count"], 3, "{page}");
    assert_eq!(page["preview"]["lines"][0]["structure"], "Jardins d'insertion (EI · Insertion)");
    assert_eq!(page["preview"]["lines"][1]["structure"], "ESAT des Alpes (ESAT · Handicap)");
    app.confirm_import(&buyer.client, &id).await;
    let lines = app.ledger_lines(&id).await;
    let matched: Vec<(Option<&str>, Option<&str>)> =
        lines.iter().map(|l| (l.3.as_deref(), l.4.as_deref())).collect();
    assert_eq!(
        matched,
        [
            (Some(ei.as_str()), Some("siret")),
            (Some(esat.as_str()), Some("siren")),
            (Some(esat.as_str()), Some("siren")),
            (None, None),
            (None, None),
        ]
    );
    // Unmatched suppliers still count in the import's total.
    let list = app.call_ok(&buyer.client, "purchase-imports", &[]).await;
    assert_eq!(list["imports"][0]["total"], "1\u{202f}500 €");
    assert_eq!(list["imports"][0]["matched_count"], 3);
}

#[tokio::test]
async fn unmatched_suppliers_are_listed_with_their_spend_and_an_animator_links_them() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let buyer = app.verified_buyer("Ville d'Eybens", "achats@eybens.fr").await;
    let other = app.verified_buyer("Ville de Claix", "achats@claix.fr").await;
    let structure =
        app.directory_structure("Ressourcerie du Grésivaudan", SIRET_EI, "ACI ASSO").await;
    let stranger = luhn("3841234560001");
    let text = format!(
        "Fournisseur;SIRET;Montant HT;Date\n\
         Ressourcerie (ancien nom);{stranger};1 000,00;2025\n\
         Ressourcerie;{stranger};250,00;2024\n\
         Café associatif;;80,00;2025\n"
    );
    let id = app.imported(&buyer, "achats.csv", text.into_bytes()).await;
    app.imported(
        &other,
        "achats.csv",
        b"Fournisseur;Montant HT;Date\nTraiteur Claix;60;2025\n".to_vec(),
    )
    .await;

    // The pôle sees every buyer's; a buyer its own.
    let all = app.call_ok(&animator, "unmatched-suppliers", &[]).await;
    let names: Vec<&str> = all["suppliers"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["Ressourcerie", "Café associatif", "Traiteur Claix"], "largest spend first");
    assert_eq!(all["suppliers"][0]["spend"], "1\u{202f}250 €");
    assert_eq!(all["suppliers"][0]["line_count"], 2);
    assert_eq!(all["suppliers"][0]["identifier"], format!("SIRET {stranger}"));
    assert_eq!(all["may_link"], true);
    let own = app.call_ok(&buyer.client, "unmatched-suppliers", &[]).await;
    assert_eq!(own["suppliers"].as_array().map(Vec::len), Some(2));
    assert_eq!(own["may_link"], false);
    let html =
        animator.get(app.url("/veille/fournisseurs-non-rapproches")).send().await.expect("GET");
    let html = html.text().await.expect("page");
    assert!(html.contains("Café associatif") && html.contains("Rapprocher"), "{html}");

    // A buyer may not link; an animator names the structure by its page's address.
    let link = |kind: &str, key: &str, to: &str| {
        vec![
            ("form[key_kind]".to_owned(), kind.to_owned()),
            ("form[key]".to_owned(), key.to_owned()),
            ("form[structure]".to_owned(), to.to_owned()),
        ]
    };
    let refused =
        app.call_pairs(&buyer.client, "supplier-link", &link("siret", &stranger, SIRET_EI)).await;
    assert_eq!(refused.status(), 403);
    let unknown = app
        .call_pairs_ok(&animator, "supplier-link", &link("siret", &stranger, "nulle-part"))
        .await;
    assert!(
        unknown["Invalid"][0][1].as_str().unwrap_or_default().contains("Aucune structure"),
        "{unknown}"
    );
    let slug: String = sqlx::query_scalar("SELECT slug FROM structures WHERE id = $1")
        .bind(&structure)
        .fetch_one(&tests::pool(&app.database_url).await)
        .await
        .expect("slug");
    let address = format!("http://localhost/structures/{slug}");
    let linked =
        app.call_pairs_ok(&animator, "supplier-link", &link("siret", &stranger, &address)).await;
    assert_eq!(linked["Done"], "Ressourcerie du Grésivaudan", "{linked}");
    let by_name = app
        .call_pairs_ok(&animator, "supplier-link", &link("name", "Café associatif", SIRET_EI))
        .await;
    assert!(by_name["Done"].is_string(), "{by_name}");

    let lines = app.ledger_lines(&id).await;
    assert!(lines.iter().all(|l| l.3.as_deref() == Some(structure.as_str()) && l.4.as_deref() == Some("manual")), "{lines:?}");
    let all = app.call_ok(&animator, "unmatched-suppliers", &[]).await;
    let names: Vec<&str> = all["suppliers"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["Traiteur Claix"]);
    let list = app.call_ok(&buyer.client, "purchase-imports", &[]).await;
    assert_eq!(list["imports"][0]["matched_count"], 3, "the counts follow the links");

    // Later imports are matched by the link.
    let later = app
        .imported(
            &buyer,
            "achats-2026.csv",
            format!(
                "Fournisseur;SIRET;Montant HT;Date\nR;{stranger};5;2026\nCafé Associatif;;1;2026\n"
            )
            .into_bytes(),
        )
        .await;
    let lines = app.ledger_lines(&later).await;
    assert!(lines.iter().all(|l| l.3.as_deref() == Some(structure.as_str())), "{lines:?}");
}
