//! The thread of a need with each structure it reached: its buyer's writers (owners and
//! procurement officers) write on one side, the structure's editors on the other, once the
//! structure was told of the need and while the need is published or awarded. Each message
//! is audited (its length, not its text) and e-mailed to the other side; the supplier's mail
//! names « l'acheteur » when the need is anonymous.

use serde_json::json;

use crate::{
    db::{
        need_matches,
        need_messages::{self, NewMessage},
        needs::{self, NeedRow},
        organisations,
        structures::{self, StructureRow},
    },
    domain::{
        Code, Outcome,
        accounts::Acting,
        needs::{MessageBody, MessageForm, MessageSide},
    },
    error::AppError,
    services::{audit, directory::can_edit, mail},
    state::AppState,
};

use super::{access, recipients};

/// The most messages one person writes on one need in 24 hours.
const MAX_PER_DAY: i64 = 30;
const DAY_MS: i64 = 24 * 3600 * 1000;

const NOT_MATCHED: &str = "Cette structure n'a pas été identifiée pour ce besoin.";

/// Posts a message on the thread of a need with a structure; its outcome is the structure's
/// id (the page shows the success next to that thread).
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id, structure_id))]
pub async fn post(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    form: MessageForm,
) -> Result<Outcome<String>, AppError> {
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    let structure = structures::find(&state.db, structure_id).await?;
    let side = if access::writes_for(user, &need.organisation_id) {
        MessageSide::Buyer
    } else if structure.as_ref().is_some_and(|s| can_edit(user, s)) {
        MessageSide::Supplier
    } else {
        return Err(AppError::Forbidden);
    };
    if !need.state.is_public() {
        return Ok(Outcome::refused(
            "Ce besoin n'est pas publié : on ne peut pas encore écrire à son sujet.",
        ));
    }
    let Some(structure) = structure else { return Ok(Outcome::refused(NOT_MATCHED)) };
    match need_matches::find(&state.db, need_id, structure_id).await? {
        None => return Ok(Outcome::refused(NOT_MATCHED)),
        Some(m) if m.notified_at.is_none() => {
            return Ok(Outcome::refused(
                "Cette structure n'a pas encore été informée de ce besoin : on pourra lui écrire quand elle le sera.",
            ));
        }
        Some(_) => {}
    }
    let body = match MessageBody::parse(&form) {
        Ok(body) => body,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let mails = mails_for(state, user, &need, &structure, side, body.as_str()).await?;
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let written =
        need_messages::count_by_author_since(&mut tx, need_id, &user.id, now - DAY_MS).await?;
    if written >= MAX_PER_DAY {
        return Ok(Outcome::refused(format!(
            "Vous avez déjà écrit {MAX_PER_DAY} messages sur ce besoin en 24 heures : \
             attendez un peu avant d'en envoyer d'autres."
        )));
    }
    let message =
        NewMessage { need_id, structure_id, side, author_id: &user.id, body: body.as_str() };
    need_messages::insert(&mut tx, &message, now).await?;
    let details =
        json!({ "structure_id": structure_id, "side": side.code(), "length": body.chars() });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "message", &details, now).await?;
    for m in &mails {
        mail::enqueue(&mut tx, m, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}

/// The mails telling the other side of a message.
async fn mails_for(
    state: &AppState,
    user: &Acting,
    need: &NeedRow,
    structure: &StructureRow,
    side: MessageSide,
    body: &str,
) -> Result<Vec<mail::Mail>, AppError> {
    let link = format!("{}/besoins/{}", state.public_url, need.id);
    let (name, title) = (structure.name.as_str(), need.title.as_str());
    let buyer = match side {
        MessageSide::Buyer if need.anonymous == 0 => {
            organisations::find(&state.db, &need.organisation_id).await?.map(|o| o.name)
        }
        _ => None,
    };
    Ok(other_side(state, user, need, structure, side)
        .await?
        .iter()
        .map(|to| match side {
            MessageSide::Buyer => to_supplier(to, buyer.as_deref(), name, title, body, &link),
            MessageSide::Supplier => to_buyer(to, name, title, body, &link),
        })
        .collect())
}

/// The other side's addresses: the structure's editors and its contact address, or the
/// buyer's writers; never the author's.
async fn other_side(
    state: &AppState,
    user: &Acting,
    need: &NeedRow,
    structure: &StructureRow,
    side: MessageSide,
) -> Result<Vec<String>, AppError> {
    let mut addresses = match side {
        MessageSide::Buyer => {
            let mut addresses: Vec<String> = structure.contact_email.iter().cloned().collect();
            if let Some(organisation) = structure.organisation_id.as_deref() {
                addresses.extend(recipients::structure_editors(&state.db, organisation).await?);
            }
            addresses
        }
        MessageSide::Supplier => recipients::need_writers(&state.db, &need.organisation_id).await?,
    };
    addresses.retain(|a| !a.eq_ignore_ascii_case(&user.email));
    addresses.sort();
    addresses.dedup();
    Ok(addresses)
}

/// The buyer's message, told to a structure: the buyer is named unless the need is
/// anonymous.
fn to_supplier(
    to: &str,
    buyer: Option<&str>,
    structure: &str,
    title: &str,
    body: &str,
    link: &str,
) -> mail::Mail {
    let (who, subject_who) = match buyer {
        Some(name) => (format!("« {name} »"), name.to_owned()),
        None => ("L'acheteur".to_owned(), "l'acheteur".to_owned()),
    };
    mail::Mail {
        to: to.to_owned(),
        subject: format!("Nouveau message de {subject_who} : {title}"),
        body: format!(
            "Bonjour,\n\n\
             {who} écrit à « {structure} » au sujet du besoin « {title} » :\n\n\
             {body}\n\n\
             Pour lui répondre, connectez-vous et ouvrez le besoin : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}

/// A structure's message, told to the buyer's writers.
fn to_buyer(to: &str, structure: &str, title: &str, body: &str, link: &str) -> mail::Mail {
    mail::Mail {
        to: to.to_owned(),
        subject: format!("Nouveau message de {structure} : {title}"),
        body: format!(
            "Bonjour,\n\n\
             « {structure} » vous écrit au sujet de votre besoin « {title} » :\n\n\
             {body}\n\n\
             Pour lui répondre, connectez-vous et ouvrez le besoin : {link}\n\n\
             — Ecossol, pôle d'achats solidaires de Grenoble-Alpes Métropole\n"
        ),
    }
}
