//! Insertion hours declared done on the ledger's clause contracts. Who declares: the people
//! who edit the supplier's structure (its organisation's owners and members), and the pôle's
//! animators, who act as the clause's facilitator (« facilitateur de la clause sociale »)
//! for every contract. Each declaration replaces the line's running figure and is kept, with
//! its day and author, in the line's history; the audit log records it too.

use serde_json::json;

use crate::{
    db::{self, insertion_hours},
    domain::{
        FieldErrors, Outcome,
        accounts::Acting,
        calendar::{Day, french_iso_date},
        needs::budget::euros,
        organisations::MemberRole,
        watch::insertion::{
            InsertionContract, InsertionHoursForm, InsertionHoursPage, field, parse_counted_on,
            parse_hours_done,
        },
    },
    error::AppError,
    services::audit,
    state::AppState,
};

/// The contracts a page lists.
const LISTED: i64 = 300;

/// The organisations whose structures the person edits (see `directory::access::can_edit`).
fn editing_organisations(user: &Acting) -> Vec<String> {
    user.standings()
        .iter()
        .filter(|s| matches!(s.role, MemberRole::Owner | MemberRole::Member))
        .map(|s| s.organisation_id.clone())
        .collect()
}

/// The pôle's animators and administrators declare for every contract.
fn facilitates(user: &Acting) -> bool {
    user.moderates()
}

/// `/veille/heures-insertion`: the clause contracts the person may declare hours for.
pub async fn page(state: &AppState, user: &Acting) -> Result<InsertionHoursPage, AppError> {
    let facilitator = facilitates(user);
    let organisations = (!facilitator).then(|| editing_organisations(user));
    let rows = insertion_hours::contracts(&state.db, organisations.as_deref(), LISTED + 1).await?;
    let truncated = rows.len() > LISTED as usize;
    let contracts = rows
        .into_iter()
        .take(LISTED as usize)
        .map(|r| InsertionContract {
            subject: r
                .object
                .or(r.category)
                .or(r.cpv.map(|c| format!("Code CPV {c}")))
                .unwrap_or_default(),
            date: french_iso_date(&r.purchased_on),
            amount: euros(r.amount_cents),
            counted_on_text: r.insertion_hours_counted_on.as_deref().map(french_iso_date),
            counted_on: r.insertion_hours_counted_on,
            purchase_id: r.id,
            buyer: r.buyer_name,
            supplier: r.supplier_name,
            hours_asked: r.insertion_hours,
            hours_done: r.insertion_hours_done,
            declarations: r.declarations,
        })
        .collect();
    let today = Day::of_instant(state.clock.now_ms()).iso();
    Ok(InsertionHoursPage { contracts, facilitator, truncated, today })
}

/// Declares the hours done on a contract; returns the line's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, purchase_id = form.purchase_id))]
pub async fn declare(
    state: &AppState,
    user: &Acting,
    form: InsertionHoursForm,
) -> Result<Outcome<String>, AppError> {
    let id = form.purchase_id.trim();
    let facilitator = facilitates(user);
    let Some(line) = insertion_hours::find(&state.db, id).await? else {
        return if facilitator {
            Ok(Outcome::refused("Ce marché n'est plus dans le registre des achats."))
        } else {
            Err(AppError::Forbidden)
        };
    };
    let supplier = line
        .structure_organisation_id
        .as_deref()
        .and_then(|o| user.role_in(o))
        .is_some_and(|role| matches!(role, MemberRole::Owner | MemberRole::Member));
    if !facilitator && !supplier {
        return Err(AppError::Forbidden);
    }
    if !line.is_clause() {
        return Ok(Outcome::refused(
            "Ce marché n'a pas de clause sociale d'insertion : il n'y a pas d'heures à déclarer.",
        ));
    }
    let now = state.clock.now_ms();
    let contract = Day::parse(&line.purchased_on).ok_or(AppError::Internal)?;
    let mut errors = FieldErrors::new();
    let hours =
        errors.check(&field("hours", id), parse_hours_done(&form.hours, line.insertion_hours));
    let day = errors.check(
        &field("counted_on", id),
        parse_counted_on(&form.counted_on, Day::of_instant(now), contract),
    );
    let (Some(hours), Some(day)) = (hours, day) else {
        return Ok(Outcome::Invalid(errors));
    };
    let declared_as = if supplier { "supplier" } else { "facilitator" };
    let declaration_id = uuid::Uuid::new_v4().to_string();
    let counted_on = day.iso();
    let mut tx = db::begin(&state.db).await?;
    let declaration = insertion_hours::Declaration {
        id: &declaration_id,
        purchase_id: id,
        hours_done: hours,
        counted_on: &counted_on,
        declared_by: &user.id,
        declared_as,
        now,
    };
    if !insertion_hours::declare(&mut tx, &declaration).await? {
        return Ok(Outcome::refused("Ce marché n'est plus dans le registre des achats."));
    }
    let details = json!({
        "hours_done": hours,
        "previous": line.insertion_hours_done,
        "counted_on": counted_on,
        "declared_as": declared_as,
    });
    audit::record(
        &mut tx,
        Some(&user.id),
        ("purchase", id),
        "insertion_hours_declared",
        &details,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(hours, declared_as, "insertion hours declared");
    Ok(Outcome::Done(id.to_owned()))
}
