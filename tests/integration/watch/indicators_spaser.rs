//! A public buyer's SPASER page and the dashboard's pages as HTML.

use tests::spawn_app;

use super::indicators_ledger::partnership;

#[tokio::test]
async fn a_public_buyer_s_spaser_indicators_per_year() {
    let app = spawn_app().await;
    let ledger = partnership(&app).await;
    let member = app.signed_in_user("Acheteuse", "achats@fontaine.fr").await;
    app.add_member(&ledger.p1, "achats@fontaine.fr", "member").await;
    let form = [("organisation", ledger.p1.as_str()), ("years", "2024-2025")];
    let page = app.call_ok(&member, "spaser", &form).await;
    let years = page["Done"]["years"].as_array().expect("years").clone();
    // 2024: one contract with a clause (20 000 €). 2025: L1 (clause, 10 000 €) and L2
    // (environmental clause, 30 000 €).
    assert_eq!(
        (years[0]["year"].clone(), years[0]["social_contracts"].clone()),
        (2024.into(), 1.into())
    );
    assert_eq!(years[1]["contracts"], 2, "{page}");
    assert_eq!(years[1]["social_amount_cents"], 1_000_000);
    assert_eq!(years[1]["environmental_amount_cents"], 3_000_000);
    let html = member
        .get(app.url(&format!("/veille/spaser/{}?annees=2024-2025", ledger.p1)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("spaser-table") && html.contains("75,0 %"), "{html}");
    // Bad years: the French error; another buyer's member: not found.
    let bad = app
        .call_ok(&member, "spaser", &[("organisation", &ledger.p1), ("years", "2025-2020")])
        .await;
    assert!(
        bad["Invalid"][0][1].as_str().unwrap_or_default().contains("Années invalides"),
        "{bad}"
    );
    let other = app.signed_in_user("Autre", "autre@exemple.fr").await;
    app.add_member(&ledger.q3, "autre@exemple.fr", "member").await;
    assert_eq!(app.call(&other, "spaser", &form).await.status(), 404);
}

#[tokio::test]
async fn the_dashboard_and_its_report_render_their_charts_without_javascript() {
    let app = spawn_app().await;
    partnership(&app).await;
    let visitor = app.new_client();
    let html = visitor
        .get(app.url("/veille?annee=2025"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    for needle in [
        r#"role="img""#,
        r#"aria-labelledby="trend-chart-titre trend-chart-desc""#,
        "<title id=\"trend-chart-titre\"",
        "id=\"trend-table\"",
        "57,1 %",
        "Plan national pour des achats durables",
        "L2111-3",
        "/veille/export.xlsx?tableau=ventilation&amp;annee=2025",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let report = visitor
        .get(app.url("/veille/rapport?mois=2025-03"))
        .send()
        .await
        .expect("report")
        .text()
        .await
        .expect("html");
    assert!(report.contains("mars 2025") && report.contains("indicators-report"), "{report}");
    // March 2025's public part: L1, L2, L4, L6, L11 = 78 000 €.
    assert!(report.contains("78\u{202f}000 €"), "{report}");
}
