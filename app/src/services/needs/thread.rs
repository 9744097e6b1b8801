//! Reading a need's threads: a structure's own, for its editors; every one, for the buyer
//! (one query for the need's messages, not one per structure). The buyer is named to those
//! who may see its name, « Acheteur » to the others.

use std::collections::HashMap;

use crate::{
    db::{
        need_matches,
        need_messages::{self, MessageRow},
        needs::NeedRow,
        organisations,
    },
    domain::needs::{
        MessageSide,
        views::{MessageView, ThreadView},
    },
    error::AppError,
    state::AppState,
};

/// The buyer as a thread names it.
async fn buyer_label(
    state: &AppState,
    row: &NeedRow,
    shows_buyer: bool,
) -> Result<String, AppError> {
    Ok(match shows_buyer {
        true => organisations::find(&state.db, &row.organisation_id).await?.map(|o| o.name),
        false => None,
    }
    .unwrap_or_else(|| "Acheteur".to_owned()))
}

fn view(row: MessageRow, buyer: &str, structure: &str) -> MessageView {
    let side = row.side();
    MessageView {
        side,
        author_label: match side {
            MessageSide::Buyer => buyer.to_owned(),
            MessageSide::Supplier => structure.to_owned(),
        },
        body: row.body,
        at: row.created_at,
    }
}

/// The thread of the need with one structure, as the structure's editors see it.
pub async fn of_structure(
    state: &AppState,
    row: &NeedRow,
    structure_id: &str,
    structure_name: &str,
    shows_buyer: bool,
) -> Result<Vec<MessageView>, AppError> {
    let buyer = buyer_label(state, row, shows_buyer).await?;
    Ok(need_messages::thread(&state.db, &row.id, structure_id)
        .await?
        .into_iter()
        .map(|m| view(m, &buyer, structure_name))
        .collect())
}

/// A thread per structure told of the need, in the matches' order, for the buyer.
pub async fn of_need(state: &AppState, row: &NeedRow) -> Result<Vec<ThreadView>, AppError> {
    let buyer = buyer_label(state, row, true).await?;
    let mut by_structure: HashMap<String, Vec<MessageRow>> = HashMap::new();
    for message in need_messages::of_need(&state.db, &row.id).await? {
        by_structure.entry(message.structure_id.clone()).or_default().push(message);
    }
    Ok(need_matches::of_need(&state.db, &row.id)
        .await?
        .into_iter()
        .filter(|m| m.notified_at.is_some())
        .map(|m| ThreadView {
            messages: by_structure
                .remove(&m.structure_id)
                .unwrap_or_default()
                .into_iter()
                .map(|x| view(x, &buyer, &m.name))
                .collect(),
            structure_id: m.structure_id,
            structure_name: m.name,
        })
        .collect())
}
