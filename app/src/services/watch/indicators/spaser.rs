//! A public buyer's SPASER page (art. L2111-3): its own figures, per year, for its members
//! and the pôle; nobody else (the partnership's pages show the public part with the secret).

use super::scope::sees_partnership;
use crate::{
    db::{organisations, purchase_indicators},
    domain::{
        Outcome,
        accounts::Acting,
        calendar::Day,
        organisations::{BuyerKind, OrganisationKind},
        watch::indicators::spaser::{SpaserPage, SpaserYear, parse_years},
    },
    error::AppError,
    state::AppState,
};

/// The page of `organisation_id` for the years asked (`2022-2025`; the last three when
/// empty), or the French error of the years.
pub async fn page(
    state: &AppState,
    viewer: Option<&Acting>,
    organisation_id: &str,
    years: Option<&str>,
) -> Result<Outcome<SpaserPage>, AppError> {
    let viewer = viewer.ok_or(AppError::Unauthenticated)?;
    if !viewer.is_member_of(organisation_id) && !sees_partnership(Some(viewer)) {
        return Err(AppError::NotFound);
    }
    let organisation =
        organisations::find(&state.db, organisation_id).await?.ok_or(AppError::NotFound)?;
    if organisation.kind() != Some(OrganisationKind::Buyer(BuyerKind::Public)) {
        return Err(AppError::NotFound);
    }
    let latest = i32::try_from(Day::of_instant(state.clock.now_ms()).year()).unwrap_or(2026);
    let (from, to) = match parse_years(years, latest) {
        Ok(range) => range,
        Err(message) => return Ok(Outcome::invalid("annees", message)),
    };
    let rows = purchase_indicators::spaser(&state.db, organisation_id, from, to).await?;
    let years = (from..=to)
        .map(|year| {
            let row = rows.iter().find(|r| r.year == i64::from(year));
            row.map_or(SpaserYear { year, ..SpaserYear::default() }, |r| SpaserYear {
                year,
                contracts: r.contracts,
                amount_cents: r.amount,
                social_contracts: r.social_n,
                social_amount_cents: r.social_a,
                environmental_contracts: r.environmental_n,
                environmental_amount_cents: r.environmental_a,
            })
        })
        .collect();
    Ok(Outcome::Done(SpaserPage {
        organisation_id: organisation_id.to_owned(),
        organisation_name: organisation.name,
        years_label: if from == to { from.to_string() } else { format!("{from} à {to}") },
        years_param: format!("{from}-{to}"),
        years,
    }))
}
