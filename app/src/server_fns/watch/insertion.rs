//! Insertion hours declared done on the clause contracts (`/veille/heures-insertion`).

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        watch::insertion::{InsertionHoursForm, InsertionHoursPage},
    },
    error::AppError,
};

/// The clause contracts the person declares hours for.
#[server(endpoint = "insertion-hours")]
pub async fn get_insertion_hours() -> Result<InsertionHoursPage, AppError> {
    use crate::{server_fns::request, services::watch::insertion};
    let user = request::require_user().await?;
    insertion::page(&request::state()?, &user).await
}

/// Declares the hours done on one contract (a running figure, kept with its day).
#[server(endpoint = "insertion-hours-declare")]
pub async fn declare_insertion_hours(
    form: InsertionHoursForm,
) -> Result<Outcome<String>, AppError> {
    use crate::{
        domain::watch::insertion::field,
        server_fns::{answer::*, request},
        services::watch::insertion,
    };
    let user = request::require_user().await?;
    let typed = vec![
        (field("hours", &form.purchase_id), form.hours.clone()),
        (field("counted_on", &form.purchase_id), form.counted_on.clone()),
    ];
    let outcome = insertion::declare(&request::state()?, &user, form).await;
    let page = "/veille/heures-insertion";
    answer(outcome, Redirect::to(page).done(format!("{page}?declare=1")).keeping(typed)).await
}
