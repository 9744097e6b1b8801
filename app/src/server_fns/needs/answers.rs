//! Suppliers' answers and the buyer's decisions. Rights are checked by the services; the
//! single-use link is checked by its service (forged, expired, used).

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        needs::{PurchaseDeclarationForm, PurchaseForm, QuoteForm, views::LinkView},
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::needs as service,
};

#[cfg(feature = "ssr")]
fn need_page(id: &str) -> String {
    format!("/besoins/{}", request::encode(id))
}

/// `/besoins/reponse?jeton=…`: what a mail's link opens (no sign-in).
#[server(endpoint = "need-link")]
pub async fn get_need_link(token: String) -> Result<LinkView, AppError> {
    service::open_link(&request::state()?, &token).await
}

/// « Intéressé » or « pas intéressé » from a mail's link, without signing in.
#[server(endpoint = "need-link-answer")]
pub async fn answer_need_link(
    token: String,
    interested: bool,
    #[server(default)] reason: String,
) -> Result<Outcome<bool>, AppError> {
    let outcome = service::answer_by_link(&request::state()?, &token, interested, &reason).await;
    let back = request::with_query("/besoins/reponse", "jeton", &token);
    let done =
        request::with_query("/besoins/reponse", "repondu", if interested { "oui" } else { "non" });
    answer(outcome, Redirect::to(back).done(done).keeping(vec![("reason".into(), reason)])).await
}

/// The same answer from the need's page, by an editor of the matched structure.
#[server(endpoint = "need-answer")]
pub async fn answer_need(
    need_id: String,
    structure_id: String,
    interested: bool,
    #[server(default)] reason: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome =
        service::answer(&state, &user, &need_id, &structure_id, interested, &reason).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).keeping(vec![("reason".into(), reason)])).await
}

/// Sends or changes a structure's quote, until the deadline.
#[server(endpoint = "quote-submit")]
pub async fn submit_quote(
    need_id: String,
    structure_id: String,
    form: QuoteForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let mut typed: Vec<(String, String)> = form
        .price
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("price_{}", i + 1), p.clone()))
        .collect();
    typed.extend(
        form.answer.iter().enumerate().map(|(i, a)| (format!("answer_{}", i + 1), a.clone())),
    );
    typed.push(("lead_time".into(), form.lead_time.clone()));
    typed.push(("message".into(), form.message.clone()));
    let state = request::state()?;
    let outcome = service::submit_quote(&state, &user, &need_id, &structure_id, form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?devis=envoye")).keeping(typed)).await
}

/// Puts a quote on the buyer's shortlist, or takes it off.
#[server(endpoint = "need-shortlist")]
pub async fn shortlist_quote(
    need_id: String,
    structure_id: String,
    on: bool,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::shortlist(&request::state()?, &user, &need_id, &structure_id, on).await;
    answer(outcome, Redirect::to(need_page(&need_id))).await
}

/// Awards a lot to a structure, with the buyer's reason.
#[server(endpoint = "need-award")]
pub async fn award_lot(
    need_id: String,
    lot: i64,
    structure_id: String,
    #[server(default)] reason: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::award(&state, &user, &need_id, lot, &structure_id, &reason).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).keeping(vec![("reason".into(), reason)])).await
}

/// « L'achat a-t-il eu lieu ? » — the buyer confirms, and the purchase is recorded.
#[server(endpoint = "need-purchase")]
pub async fn confirm_purchase(
    need_id: String,
    structure_id: String,
    form: PurchaseForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = vec![
        ("amount".into(), form.amount.clone()),
        ("purchased_on".into(), form.purchased_on.clone()),
        ("consideration".into(), form.consideration.clone()),
        ("insertion_hours".into(), form.insertion_hours.clone()),
    ];
    let state = request::state()?;
    let outcome = service::confirm_purchase(&state, &user, &need_id, &structure_id, form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?achat=enregistre")).keeping(typed))
        .await
}

/// « L'achat a eu lieu » — a retained structure's editor declares the amount and the day;
/// the buyer confirms it.
#[server(endpoint = "need-purchase-declare")]
pub async fn declare_purchase(
    need_id: String,
    structure_id: String,
    form: PurchaseDeclarationForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = vec![
        ("amount".into(), form.amount.clone()),
        ("purchased_on".into(), form.purchased_on.clone()),
    ];
    let state = request::state()?;
    let outcome = service::declare_purchase(&state, &user, &need_id, &structure_id, form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?achat=declare")).keeping(typed)).await
}
