//! Secrets at rest: a mail's single-use links (`jeton=…`) do not outlive its sending in the
//! outbox (at once over SMTP; without SMTP, where the `.eml` file is the developer's copy,
//! after a short while), and the administrators' mail page never shows a live one.

use app::clock::MINUTE_MS;
use tests::{FakeSmtp, PASSWORD, TestApp, eventually, spawn_app, spawn_app_with};

const VERIFY: &str = "Confirmez votre adresse e-mail sur Ecossol";

/// The outbox row of the verification mail to `to`: (body, sent).
async fn row(app: &TestApp, to: &str) -> (String, bool) {
    sqlx::query_as::<_, (String, Option<i64>)>(
        "SELECT body_text, sent_at FROM email_outbox WHERE to_address = $1 AND subject = $2",
    )
    .bind(to)
    .bind(VERIFY)
    .fetch_one(&app.state.db)
    .await
    .map(|(body, sent)| (body, sent.is_some()))
    .expect("outbox row")
}

#[tokio::test]
async fn without_smtp_a_sent_mail_keeps_its_link_a_short_while_then_loses_it() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    assert!(eventually(10, async || row(&app, "claire@exemple.fr").await.1).await, "sent");
    // Written to its .eml file; the row keeps the link for a while (what the tests read).
    assert!(row(&app, "claire@exemple.fr").await.0.contains(&token));

    app.clock.advance_ms(16 * MINUTE_MS);
    let struck =
        eventually(10, async || !row(&app, "claire@exemple.fr").await.0.contains(&token)).await;
    assert!(struck, "the link leaves the outbox");
    let (body, _) = row(&app, "claire@exemple.fr").await;
    assert!(
        body.contains("Bonjour Claire") && body.contains("/verification-email?jeton="),
        "{body}"
    );
    // The link itself still works for the one who received it.
    let client = app.new_client();
    assert_eq!(app.call_ok(&client, "verify-email", &[("token", &token)]).await, "Verified");
}

#[tokio::test]
async fn over_smtp_a_sent_mail_loses_its_link_at_once() {
    let smtp = FakeSmtp::start().await;
    let url = smtp.url.clone();
    let app = spawn_app_with(|s| s.mail.smtp_url = Some(url.into())).await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    assert!(eventually(10, async || row(&app, "claire@exemple.fr").await.1).await, "sent");
    let received = smtp.messages().join("\n");
    assert!(received.contains(&token), "the recipient got the link: {received}");
    let (body, _) = row(&app, "claire@exemple.fr").await;
    assert!(!body.contains(&token), "{body}");
    assert!(body.contains("Bonjour Claire"), "the rest stays readable: {body}");
}

#[tokio::test]
async fn the_mail_page_never_shows_a_live_link() {
    let app = spawn_app().await;
    let admin = app.signed_in_admin("admin@exemple.fr").await;
    app.sign_up("Claire", "claire@exemple.fr", PASSWORD).await;
    let token = app.verification_token("claire@exemple.fr").await;
    let reset = [("email", "claire@exemple.fr")];
    app.call_ok(&app.new_client(), "password-reset-request", &reset).await;
    let reset = app.link_token("claire@exemple.fr", "Réinitialisation").await;

    let mails = app.call_ok(&admin, "admin-mails", &[]).await.to_string();
    assert!(mails.contains(VERIFY), "{mails}");
    assert!(!mails.contains(&token) && !mails.contains(&reset), "{mails}");
    let page = admin.get(app.url("/admin/courriels")).send().await.expect("GET");
    let page = page.text().await.expect("page");
    assert!(page.contains("claire@exemple.fr"), "the page lists the mail");
    assert!(!page.contains(&token) && !page.contains(&reset), "no live link on the page");
}
