//! Scheduled watch reports: members of the pôle subscribe; the report of each month (or
//! quarter) is mailed once on the first working day after it, however many servers send it
//! at the same moment; figures made of fewer than three buyers stay secret in the mail.

use app::{domain::calendar::is_working_day, services::watch::reports::send};
use tests::{TestApp, spawn_app};

const SUBJECT: &str = "Veille des achats solidaires";

/// Moves the clock to the first working day of the next month.
fn to_next_sending_day(app: &TestApp) {
    app.advance_days(1);
    while app.today().date().day() != 1 {
        app.advance_days(1);
    }
    while !is_working_day(app.today()) {
        app.advance_days(1);
    }
}

async fn reports_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    app.mails_to(to).await.into_iter().filter(|(s, _)| s.starts_with(SUBJECT)).collect()
}

#[tokio::test]
async fn each_report_is_mailed_once_on_the_first_working_day() {
    let app = spawn_app().await;
    let animator = app.animator("anim@pole.fr").await;
    let buyer = app.verified_buyer("Ville de Meylan", "achats@meylan.fr").await;

    // Only the pôle subscribes; a bad choice is named next to its field.
    let refused =
        app.call(&buyer.client, "watch-report-subscribe", &[("form[frequency]", "monthly")]).await;
    assert_eq!(refused.status(), 403);
    let bad =
        app.call_ok(&animator, "watch-report-subscribe", &[("form[frequency]", "weekly")]).await;
    assert_eq!(bad["Invalid"][0][0], "frequency", "{bad}");
    assert!(bad["Invalid"][0][1].as_str().unwrap_or("").contains("chaque mois"), "{bad}");
    let done =
        app.call_ok(&animator, "watch-report-subscribe", &[("form[frequency]", "monthly")]).await;
    assert_eq!(done["Done"], "monthly", "{done}");

    // Nothing before the sending day; then one report, even from two servers at once.
    assert_eq!(send::run(&app.state).await.expect("run"), 0);
    to_next_sending_day(&app);
    // One buyer's purchase in the month reported on.
    let today = app.today();
    let (year, month) =
        if today.month() == 1 { (today.year() - 1, 12) } else { (today.year(), today.month() - 1) };
    let buyer = tests::Buyer {
        client: app.sign_in_again("achats@meylan.fr").await,
        organisation_id: buyer.organisation_id,
    };
    let file = format!("Fournisseur;Montant HT;Date\nRégie;1200;15/{month:02}/{year}\n");
    app.imported(&buyer, "achats.csv", file.into_bytes()).await;
    let (a, b) = tokio::join!(send::run(&app.state), send::run(&app.state));
    assert_eq!(a.expect("a") + b.expect("b"), 1, "one report across two senders");
    assert_eq!(send::run(&app.state).await.expect("again"), 0, "sent already");
    let reports = reports_to(&app, "anim@pole.fr").await;
    assert_eq!(reports.len(), 1, "{reports:?}");
    let (subject, body) = &reports[0];
    assert!(body.contains(&format!("/veille/rapport?mois={year:04}-{month:02}")), "{body}");
    assert!(subject.contains(&year.to_string()), "{subject}");
    // The partnership's figures of a month of one buyer are secret.
    assert!(body.contains("Achats : secret"), "{body}");

    // A person subscribing after the sending day waits for the next one.
    app.advance_days(1);
    let observer = app.signed_in_user("Observatrice", "obs@pole.fr").await;
    let pole = app.insert_organisation("Pôle d'achats solidaires", "pole", None).await;
    app.add_member(&pole, "obs@pole.fr", "observer").await;
    app.call_ok(&observer, "watch-report-subscribe", &[("form[frequency]", "monthly")]).await;
    assert_eq!(send::run(&app.state).await.expect("run"), 0);
    to_next_sending_day(&app);
    assert_eq!(send::run(&app.state).await.expect("next month"), 2, "both, the month after");
    assert_eq!(reports_to(&app, "obs@pole.fr").await.len(), 1);

    // Stopping: no more reports for the animator; a quarterly one only after a quarter.
    let animator = app.sign_in_again("anim@pole.fr").await;
    app.call_ok(&animator, "watch-report-subscribe", &[("form[frequency]", "none")]).await;
    let observer = app.sign_in_again("obs@pole.fr").await;
    let quarterly =
        app.call_ok(&observer, "watch-report-subscribe", &[("form[frequency]", "quarterly")]).await;
    assert_eq!(quarterly["Done"], "quarterly", "{quarterly}");
    for _ in 0..3 {
        to_next_sending_day(&app);
        let sent = send::run(&app.state).await.expect("run");
        let quarter_month = matches!(app.today().month(), 1 | 4 | 7 | 10);
        assert_eq!(sent, u32::from(quarter_month), "month {}", app.today().month());
    }
    assert_eq!(reports_to(&app, "anim@pole.fr").await.len(), 2, "none after stopping");
}
