//! A retained structure's side of « l'achat a-t-il eu lieu ? »: its editors declare the
//! amount and the day; the buyer sees the declaration beside its confirmation form, filled
//! with it. Only the buyer's confirmation records the purchase (`purchases`).

use serde_json::json;

use crate::{
    db::{need_awards, needs, needs::NeedRow, purchase_declarations, purchases, structures},
    domain::{
        Outcome,
        accounts::Acting,
        calendar::{Day, french_iso_date},
        needs::{NeedState, PurchaseDeclarationForm, budget::plain_euros},
    },
    error::AppError,
    services::{audit, directory::can_edit},
    state::AppState,
};

#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id, structure_id))]
pub async fn declare(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    form: PurchaseDeclarationForm,
) -> Result<Outcome<String>, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if need.state != NeedState::Awarded {
        return Ok(Outcome::refused("Un achat se déclare une fois le besoin attribué."));
    }
    let awards = need_awards::of_need(&state.db, need_id).await?;
    if !awards.iter().any(|a| a.structure_id == structure_id) {
        return Ok(Outcome::refused("Cette structure n'a pas été retenue pour ce besoin."));
    }
    let recorded = purchases::of_need(&state.db, need_id).await?;
    if recorded.iter().any(|p| p.structure_id.as_deref() == Some(structure_id)) {
        return Ok(Outcome::refused("L'acheteur a déjà enregistré cet achat."));
    }
    let now = state.clock.now_ms();
    let declared = match form.parse(Day::of_instant(now)) {
        Ok(declared) => declared,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let day = declared.purchased_on.iso();
    let mut tx = crate::db::begin(&state.db).await?;
    purchase_declarations::upsert(
        &mut tx,
        need_id,
        structure_id,
        declared.amount_cents,
        &day,
        &user.id,
        now,
    )
    .await?;
    let details = json!({
        "structure_id": structure_id,
        "structure": structure.name,
        "amount_cents": declared.amount_cents,
        "purchased_on": day,
    });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "purchase_declared", &details, now)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

/// A structure's side of « l'achat a-t-il eu lieu ? », as its page shows it.
#[derive(Debug, Default)]
pub(super) struct PurchaseSide {
    /// Retained for a lot of the awarded need.
    pub retained: bool,
    /// Its declaration, as the form to change it.
    pub declaration: Option<PurchaseDeclarationForm>,
    /// The purchase the buyer recorded: (amount, day).
    pub purchase: Option<(i64, String)>,
}

pub(super) async fn supplier_side(
    state: &AppState,
    row: &NeedRow,
    structure_id: &str,
) -> Result<PurchaseSide, AppError> {
    if row.state != NeedState::Awarded {
        return Ok(PurchaseSide::default());
    }
    let awards = need_awards::of_need(&state.db, &row.id).await?;
    if !awards.iter().any(|a| a.structure_id == structure_id) {
        return Ok(PurchaseSide::default());
    }
    let declaration = purchase_declarations::of_need(&state.db, &row.id)
        .await?
        .into_iter()
        .find(|d| d.structure_id == structure_id)
        .map(|d| PurchaseDeclarationForm {
            amount: plain_euros(d.amount_cents),
            purchased_on: french_iso_date(&d.purchased_on),
        });
    let purchase = purchases::of_need(&state.db, &row.id)
        .await?
        .into_iter()
        .find(|p| p.structure_id.as_deref() == Some(structure_id))
        .map(|p| (p.amount_cents, p.purchased_on));
    Ok(PurchaseSide { retained: true, declaration, purchase })
}
