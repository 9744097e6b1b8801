//! The thread of a need with a structure. Who writes on which side is decided by the
//! service; a plain form post comes back to the need's page, the thread's success marked in
//! the address (`?fil=<structure>`), its error kept with the structure it was for.

use leptos::prelude::*;

use crate::{
    domain::{Outcome, needs::MessageForm},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::needs as service,
};

/// Writes to the other side of a need's thread with a structure; the outcome is the
/// structure's id.
#[server(endpoint = "need-message")]
pub async fn post_need_message(
    need_id: String,
    structure_id: String,
    form: MessageForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed =
        vec![("structure_id".into(), structure_id.clone()), ("body".into(), form.body.clone())];
    let state = request::state()?;
    let outcome = service::post_message(&state, &user, &need_id, &structure_id, form).await;
    let page = format!("/besoins/{}", request::encode(&need_id));
    let done = request::with_query(&page, "fil", &structure_id);
    answer(outcome, Redirect::to(page).done(done).keeping(typed)).await
}
