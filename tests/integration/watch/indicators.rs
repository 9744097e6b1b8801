//! The indicators against the small ledger of `indicators_ledger`, figures by hand.

use serde_json::Value;
use tests::spawn_app;

use super::indicators_ledger::{dashboard, partnership};

fn near(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[tokio::test]
async fn the_partnership_sees_its_shares_with_secrets() {
    let app = spawn_app().await;
    partnership(&app).await;
    let animator = app.animator("anim@pole.fr").await;
    let d = dashboard(&app, &animator, "annee=2025").await;
    assert_eq!(d["scope"]["kind"], "partnership", "{d}");
    let c = &d["current"];
    // 11 lines, 133 000 €, 7 buyers of whom 3 private: shown.
    assert_eq!(c["total"]["contracts"], 11, "{c}");
    assert_eq!(c["total"]["amount_cents"], 13_300_000);
    assert_eq!(c["total"]["buyers"], 7);
    // PNAD: L1, L3, L4, L6, L7, L8, L9 → 7 of 11; 76 000 of 133 000 €.
    assert_eq!(c["social"]["contracts"], 7);
    assert!(near(&c["shares"]["social_by_count"], 7.0 / 11.0), "{c}");
    assert!(near(&c["shares"]["social_by_amount"], 76_000.0 / 133_000.0));
    // ESS: L1, L3, L5, L7, L8, L9 = 61 000 €, 3 structures, 6 buyers (3 private).
    assert_eq!(c["ess"]["amount_cents"], 6_100_000);
    assert_eq!((c["ess"]["suppliers"].clone(), c["ess"]["buyers"].clone()), (3.into(), 6.into()));
    assert!(near(&c["shares"]["ess_by_amount"], 61_000.0 / 133_000.0));
    // SIAE (P1, Q3), handicap (P2, Q1), clauses (2 private buyers), hours (P1, P3, Q2, Q3:
    // 2 private): fewer than three buyers, or one or two private ones.
    for group in ["siae", "handicap", "clause", "criterion", "reserved", "hours"] {
        assert_eq!(c[group], "secret", "{group}: {c}");
    }
    assert!(c["shares"]["siae_by_amount"].is_null());
    // 2024: 6 lines, 60 000 €; its social part is P1 and Q1 only.
    let p = &d["previous"];
    assert_eq!(
        (p["total"]["contracts"].clone(), p["total"]["amount_cents"].clone()),
        (6.into(), 6_000_000.into())
    );
    assert_eq!(p["social"], "secret");
    assert_eq!(d["previous_label"], "2024");
    // The trend: both years, 2025 equal to the headline.
    let trend = d["trend"].as_array().expect("trend");
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[1]["figures"], *c);
}

#[tokio::test]
async fn a_table_hides_the_row_its_total_would_give_away() {
    let app = spawn_app().await;
    partnership(&app).await;
    // A visitor: public buyers only, by CPV division. 45: P1, P2, P3 (65 000 €); 77: P1,
    // P2, P3 (35 000 €); 90: P4 alone (3 000 €). The total (103 000 €) minus the row 45
    // would give P4's figure: the smallest other row, 77, is secret too.
    let d = dashboard(&app, &app.new_client(), "annee=2025&ventilation=cpv").await;
    assert_eq!(d["scope"]["kind"], "public_buyers", "{d}");
    assert_eq!(d["current"]["total"]["amount_cents"], 10_300_000);
    let rows: Vec<(String, Value)> = d["breakdown"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| (r["key"].as_str().unwrap_or_default().to_owned(), r["current"]["total"].clone()))
        .collect();
    assert_eq!(rows[0], ("45".to_owned(), rows[0].1.clone()));
    assert_eq!(rows[0].1["amount_cents"], 6_500_000, "{rows:?}");
    assert_eq!(rows[1], ("77".to_owned(), "secret".into()), "{rows:?}");
    assert_eq!(rows[2], ("90".to_owned(), "secret".into()), "{rows:?}");
    // Public part: 7 lines; social L1, L3, L4, L6: 4 of 7, 50 000 of 103 000 €.
    let c = &d["current"];
    assert!(near(&c["shares"]["social_by_count"], 4.0 / 7.0), "{c}");
    assert!(near(&c["shares"]["social_by_amount"], 50_000.0 / 103_000.0));
    assert_eq!(c["ess"]["amount_cents"], 3_500_000);
    assert_eq!(c["siae"], "secret", "P1 alone");
    // Compared with 2024's public part: 3 lines, 40 000 €.
    assert_eq!(d["previous"]["total"]["amount_cents"], 4_000_000);
}

#[tokio::test]
async fn a_buyer_sees_all_its_own_figures() {
    let app = spawn_app().await;
    let ledger = partnership(&app).await;
    let member = app.signed_in_user("Acheteuse", "achats@fontaine.fr").await;
    app.add_member(&ledger.p1, "achats@fontaine.fr", "member").await;
    let d = dashboard(&app, &member, "annee=2025").await;
    assert_eq!(d["scope"]["kind"], "organisation", "{d}");
    let c = &d["current"];
    // P1: L1 (ACI, clause, 100 h asked, 80 done) and L2: 40 000 €, no secret.
    assert_eq!(c["total"]["amount_cents"], 4_000_000);
    assert!(near(&c["shares"]["social_by_count"], 0.5));
    assert!(near(&c["shares"]["siae_by_amount"], 0.25), "{c}");
    assert_eq!(c["hours"]["asked"], 100);
    assert_eq!(c["hours"]["done"], 80);
    assert!(near(&c["shares"]["hours_done"], 0.8));
    // 2024: one line of 20 000 €, with a clause.
    assert!(near(&d["previous"]["shares"]["social_by_count"], 1.0));

    // A private buyer sees its own lines; the pôle, asking for them, sees secrets only.
    let officer = app.signed_in_user("Acheteur", "achats@entreprise-c.fr").await;
    app.add_member(&ledger.q3, "achats@entreprise-c.fr", "member").await;
    let own = dashboard(&app, &officer, "annee=2025").await;
    assert_eq!(own["current"]["siae"]["amount_cents"], 600_000, "{own}");
    assert_eq!(own["current"]["hours"]["done"], 10);
    let animator = app.animator("anim@pole.fr").await;
    let theirs = dashboard(&app, &animator, &format!("annee=2025&acheteur={}", ledger.q3)).await;
    assert_eq!(theirs["current"]["total"], "secret", "{theirs}");
    // And nobody else may ask for its part.
    let stranger =
        app.call(&member, "indicators", &[("query", &format!("organisation={}", ledger.q3))]).await;
    assert_eq!(stranger.status(), 403);
}

#[tokio::test]
async fn bad_filters_are_named_in_french() {
    let app = spawn_app().await;
    let visitor = app.new_client();
    let answer = app
        .call_ok(
            &visitor,
            "indicators",
            &[("query", "mois=2025-13&cpv=7&type_structure=SARL&ventilation=x")],
        )
        .await;
    let errors = answer["Invalid"].as_array().expect("errors").clone();
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e[0] == field)
            .and_then(|e| e[1].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(message("mois").contains("Mois invalide"), "{errors:?}");
    assert!(message("cpv").contains("Division CPV invalide"));
    assert!(message("type_structure").contains("SARL"));
    assert!(message("ventilation").contains("Ventilation invalide"));
    // The page shows them next to their fields.
    let page = visitor.get(app.url("/veille?mois=2025-13")).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("filtre-mois-erreur") && html.contains("Mois invalide"), "{html}");
}

/// The server computes the figures over its copy of the ledger: a change of the ledger
/// shows at the next view, and so does a change of a structure (its kinds are read at each
/// view, they change without the ledger).
#[tokio::test]
async fn the_next_view_shows_a_change_of_the_ledger_or_of_a_structure() {
    let app = spawn_app().await;
    let ledger = partnership(&app).await;
    let member = app.signed_in_user("Acheteuse", "achats@fontaine.fr").await;
    app.add_member(&ledger.p1, "achats@fontaine.fr", "member").await;
    let figure = |d: &Value, group: &str| d["current"][group]["amount_cents"].clone();
    let before = dashboard(&app, &member, "annee=2025").await;
    assert_eq!(figure(&before, "total"), 4_000_000, "{before}");
    app.ledger(&[tests::Line {
        buyer: ledger.p1.clone(),
        buyer_kind: "public",
        euros: 1_000,
        on: "2025-09-01",
        social: "none",
        cpv: "45",
        ..tests::Line::default()
    }])
    .await;
    let after = dashboard(&app, &member, "annee=2025").await;
    assert_eq!(figure(&after, "total"), 4_100_000, "{after}");
    assert_eq!(figure(&after, "handicap"), 0, "{after}");
    // Chantier Nature (L1: 10 000 €) becomes an EA as well: a handicap structure.
    let db = tests::pool(&app.database_url).await;
    sqlx::query("UPDATE structures SET kinds = ' ACI EA ' WHERE name = 'Chantier Nature'")
        .execute(&db)
        .await
        .expect("kinds");
    let changed = dashboard(&app, &member, "annee=2025").await;
    assert_eq!(figure(&changed, "handicap"), 1_000_000, "{changed}");
}
