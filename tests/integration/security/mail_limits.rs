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

#[tokio::test]
async fn group_purchase_invitations_keep_to_the_mail_limits() {
    const INVITED: &str = "Invitation à un achat groupé";
    let app = spawn_app().await;
    let lead = app.verified_buyer("Papeteries du Drac", "achats@drac.example").await;
    let second = app.verified_buyer("Coop Imprimerie", "achats@coop.example").await;
    app.set_siret(&second.organisation_id, "44306184100047").await;
    let third = app.verified_buyer("Scierie du Vercors", "achats@scierie.example").await;
    app.set_siret(&third.organisation_id, "35600000049837").await;
    let drafted = app.draft_need(&lead, tests::need_fields(&app, "Entretien mutualisé")).await;
    let need = drafted["Done"].as_str().expect("draft").to_owned();
    let until = app.today().plus_days(10).iso();
    let pool = [("need_id", need.as_str()), ("form[join_until]", until.as_str())];
    assert_eq!(app.call_ok(&lead.client, "need-pool", &pool).await["Done"], need.as_str());
    let invite = async |siret: &str| {
        let form = [("need_id", need.as_str()), ("form[siret]", siret)];
        let outcome = app.call_ok(&lead.client, "need-pool-invite", &form).await;
        assert_eq!(outcome["Done"], need.as_str(), "the invitation stands: {outcome}");
    };

    // The second buyer's address had its fill of account mails this hour.
    let visitor = app.new_client();
    for _ in 1..limits::MAILS_PER_RECIPIENT.max {
        let ask = [("email", "achats@coop.example")];
        app.call_ok(&visitor, "password-reset-request", &ask).await;
    }
    invite("44306184100047").await;
    let mails = app.mails_to("achats@coop.example").await;
    assert!(!mails.iter().any(|(s, _)| s.starts_with(INVITED)), "over its limit: {mails:?}");

    // The lead has sent as many mails as one sender may this hour.
    let org = lead.organisation_id.as_str();
    for n in 0..limits::MAILS_PER_SENDER.max {
        let email = format!("agent{n}@drac.example");
        let form = [("organisation_id", org), ("email", &email), ("role", "procurement_officer")];
        app.call_ok(&lead.client, "organisation-invite", &form).await;
    }
    invite("35600000049837").await;
    let mails = app.mails_to("achats@scierie.example").await;
    assert!(!mails.iter().any(|(s, _)| s.starts_with(INVITED)), "over the lead's limit: {mails:?}");
    assert_eq!(tests::count(&app.database_url, "need_members").await, 2, "both invited");
}
