//! Mail as a weapon: account mails to one address, and those one sender causes, are limited;
//! beyond the limit the answer is the same and no mail leaves.

use app::{clock::HOUR_MS, services::limits};
use serde_json::json;
use tests::spawn_app;

const RESET: &str = "Réinitialisation de votre mot de passe Ecossol";

#[tokio::test]
async fn reset_mails_to_one_address_stop_at_the_limit_silently() {
    let app = spawn_app().await;
    app.sign_up("Claire", "claire@exemple.fr", tests::PASSWORD).await;
    let visitor = app.new_client();
    let ask = [("email", "claire@exemple.fr")];
    for _ in 0..10 {
        let outcome = app.call_ok(&visitor, "password-reset-request", &ask).await;
        assert_eq!(outcome, json!({"Done": null}), "the same answer beyond the limit");
    }
    let mails = app.mails_to("claire@exemple.fr").await;
    assert_eq!(mails.len() as i64, limits::MAILS_PER_RECIPIENT.max, "verification + resets");
    assert_eq!(mails.iter().filter(|(s, _)| s.starts_with(RESET)).count() as i64, 4);

    app.clock.advance_ms(HOUR_MS + 1);
    app.call_ok(&visitor, "password-reset-request", &ask).await;
    assert_eq!(app.mails_to("claire@exemple.fr").await.len() as i64, 6, "an hour later, again");
}

#[tokio::test]
async fn invitation_mails_stop_at_the_limits_per_recipient_and_per_sender() {
    let app = spawn_app().await;
    let alice = app.signed_in_user("Alice", "alice@exemple.fr").await;
    let org = app.create_organisation(&alice, "Ville de Fontaine", "buyer_public").await;
    let invite = async |email: &str| {
        let form =
            [("organisation_id", org.as_str()), ("email", email), ("role", "procurement_officer")];
        let outcome = app.call_ok(&alice, "organisation-invite", &form).await;
        assert_eq!(outcome["Done"], org.as_str(), "{outcome}");
    };
    for _ in 0..7 {
        invite("bob@exemple.fr").await;
    }
    assert_eq!(app.mails_to("bob@exemple.fr").await.len() as i64, limits::MAILS_PER_RECIPIENT.max);

    // Every attempt counts against the sender, those to Bob beyond his limit too.
    let others = limits::MAILS_PER_SENDER.max - 7;
    for n in 0..others + 3 {
        invite(&format!("invite{n}@exemple.fr")).await;
    }
    assert_eq!(app.mails_to(&format!("invite{}@exemple.fr", others - 1)).await.len(), 1);
    assert!(app.mails_to(&format!("invite{others}@exemple.fr")).await.is_empty(), "over the limit");
}
