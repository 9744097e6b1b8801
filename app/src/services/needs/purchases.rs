//! The follow-up of an award: « l'achat a-t-il eu lieu ? ». The buyer confirms, with the
//! amount and the social consideration; the award becomes a purchase, which the watch's
//! reports read.

use serde_json::json;

use crate::{
    db::{need_awards, needs, organisations, purchases, quotes, structures},
    domain::{
        Code, FieldErrors, Outcome,
        accounts::Acting,
        calendar::Day,
        directory::text::{optional_date, optional_number},
        needs::{NeedState, PurchaseForm, SocialConsideration, budget::parse_euros},
    },
    error::AppError,
    services::audit,
    state::AppState,
};

use super::{access, group};

/// The purchase lines of an amount paid to one supplier: one for the buyer, or — for a group
/// purchase — one per buyer, each its share of the lots the supplier won (nothing for a
/// buyer that ordered none of them).
async fn buyers_lines(
    state: &AppState,
    need: &needs::NeedRow,
    lead_name: &str,
    structure_id: &str,
    awards: &[need_awards::AwardRow],
    amount: i64,
) -> Result<Vec<(String, String, i64)>, AppError> {
    let alone = vec![(need.organisation_id.clone(), lead_name.to_owned(), amount)];
    let Some(pool) = group::load(&state.db, &need.id).await? else { return Ok(alone) };
    if pool.joined().next().is_none() {
        return Ok(alone);
    }
    let text = need.text();
    let won: Vec<u8> = awards
        .iter()
        .filter(|a| a.structure_id == structure_id)
        .filter_map(|a| u8::try_from(a.lot_number).ok())
        .collect();
    let quote = quotes::find(&state.db, &need.id, structure_id).await?.map(|q| q.quote());
    let buyers = pool.buyers(need, lead_name, &text);
    let parts = group::shares_of(amount, &text.lots, &won, quote.as_ref(), &buyers);
    Ok(buyers
        .iter()
        .zip(parts)
        .filter(|(_, cents)| *cents > 0)
        .map(|(b, cents)| (b.organisation_id.to_owned(), b.name.to_owned(), cents))
        .collect())
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn confirm(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    form: PurchaseForm,
) -> Result<Outcome<String>, AppError> {
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &need.organisation_id) {
        return Err(AppError::Forbidden);
    }
    if need.state != NeedState::Awarded {
        return Ok(Outcome::refused("Un achat se confirme une fois le besoin attribué."));
    }
    let awards = need_awards::of_need(&state.db, need_id).await?;
    if !awards.iter().any(|a| a.structure_id == structure_id) {
        return Ok(Outcome::refused("Cette structure n'a pas été retenue pour ce besoin."));
    }
    let now = state.clock.now_ms();
    let mut errors = FieldErrors::new();
    let amount = errors.check("amount", parse_euros(&form.amount));
    let day = errors
        .check(
            "purchased_on",
            optional_date(&form.purchased_on)
                .and_then(|d| d.ok_or_else(|| "Indiquez la date de l'achat.".to_owned())),
        )
        .and_then(|iso| Day::parse(&iso));
    if day.is_some_and(|d| d > Day::of_instant(now)) {
        errors
            .add("purchased_on", "Un achat confirmé a eu lieu : sa date ne peut pas être à venir.");
    }
    let consideration = errors.check(
        "consideration",
        SocialConsideration::from_code(form.consideration.trim())
            .ok_or("Choisissez la considération sociale du marché."),
    );
    let hours = errors
        .check("insertion_hours", optional_number(&form.insertion_hours, 0, 10_000_000))
        .flatten();
    let (Some(amount), Some(day), Some(consideration)) = (amount, day, consideration) else {
        return Ok(Outcome::Invalid(errors));
    };
    if !errors.is_empty() {
        return Ok(Outcome::Invalid(errors));
    }
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::NotFound)?;
    let buyer =
        organisations::find(&state.db, &need.organisation_id).await?.ok_or(AppError::NotFound)?;
    let text = need.text();
    let cpv = text.cpv.first().map(|c| c.as_str().to_owned());
    let lines = buyers_lines(state, &need, &buyer.name, structure_id, &awards, amount).await?;
    let hours_parts = hours.map(|h| {
        let weights: Vec<f64> = lines.iter().map(|(_, _, cents)| *cents as f64).collect();
        group::split_cents(h, &weights)
    });
    let day_iso = day.iso();
    let mut tx = crate::db::begin(&state.db).await?;
    let mut ids = Vec::with_capacity(lines.len());
    for (i, (organisation_id, name, cents)) in lines.iter().enumerate() {
        let id = uuid::Uuid::new_v4().to_string();
        let purchase = purchases::NewPurchase {
            id: &id,
            source: "ecossol",
            need_id: Some(need_id),
            buyer_organisation_id: Some(organisation_id),
            buyer_name: name,
            structure_id: Some(structure_id),
            supplier_name: &structure.name,
            supplier_siret: structure.siret.as_deref(),
            amount_cents: *cents,
            purchased_on: &day_iso,
            cpv: cpv.as_deref(),
            social_consideration: consideration,
            insertion_hours: hours_parts.as_ref().map(|p| p[i]),
            confirmed_by: Some(&user.id),
        };
        if !purchases::insert(&mut tx, &purchase, now).await? {
            return Ok(Outcome::refused("Cet achat est déjà enregistré."));
        }
        ids.push(json!({ "purchase_id": id, "buyer": name, "amount_cents": cents }));
    }
    let details = json!({
        "purchases": ids,
        "structure": structure.name,
        "amount_cents": amount,
        "purchased_on": day_iso,
        "social_consideration": consideration.code(),
    });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "purchase", &details, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}
