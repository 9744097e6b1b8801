//! The watch's indicators: one entry point, [`compute`], for the dashboard, its exports, the
//! monthly report and the API; the scope the person may see ([`scope`]); the secret applied
//! to every cell ([`cells`]).

pub mod cells;
pub mod export;
mod labels;
pub mod scope;
pub mod snapshot;
pub mod spaser;

use std::collections::BTreeSet;

use cells::{Acc, add_up, secrets, total_secret};
use snapshot::{Ledger, Read, Rows};

use crate::{
    domain::{
        accounts::Acting,
        calendar::Day,
        watch::indicators::{
            BreakdownRow, Dashboard, DashboardAnswer, Dimension, Filters, Period, TrendRow,
        },
    },
    error::AppError,
    state::AppState,
};

/// The dashboard of `filters` as `viewer` may see it (`None`: a visitor).
pub async fn compute(
    state: &AppState,
    viewer: Option<&Acting>,
    filters: &Filters,
) -> Result<Dashboard, AppError> {
    let (scope, lines) = scope::resolve(viewer, filters)?;
    let ledger = snapshot::ledger(&state.db, &state.ledger).await?;
    let now = state.clock.now_ms();
    let filters = filters.clone();
    let secret_on = scope.has_secret();
    let own = !secret_on;
    // The passes over the copy are computing, not waiting: off the async runtime.
    let (years, period, filters, totals, rows, trend, buyers) =
        tokio::task::spawn_blocking(move || {
            let years = ledger.years(&lines);
            let latest = years
                .first()
                .copied()
                .unwrap_or_else(|| i32::try_from(Day::of_instant(now).year()).unwrap_or(2026));
            let period = filters.period.unwrap_or(Period::Year(latest));
            let filters = Filters { period: Some(period), ..filters };
            let read = |rows| Read {
                lines: &lines,
                filters: &filters,
                period: Some(period),
                previous: Some(period.previous()),
                rows,
            };
            let totals = read_cells(&ledger, &read(Rows::Total));
            let rows = read_cells(&ledger, &read(Rows::By(filters.dimension, own)));
            let trend_read =
                Read { period: None, previous: None, rows: Rows::Years, ..read(Rows::Years) };
            let trend = read_cells(&ledger, &trend_read);
            let buyers = if own { Vec::new() } else { ledger.public_buyers() };
            (years, period, filters, totals, rows, trend, buyers)
        })
        .await
        .map_err(AppError::internal)?;
    let empty = Acc::default();
    let total_of = |side: &str| totals.get(&(side.to_owned(), String::new())).unwrap_or(&empty);
    let (current, previous) = (total_of("c"), total_of("p"));
    let breakdown = breakdown(&rows, filters.dimension, own, [current, previous], secret_on);
    let trend = trend_rows(&trend, period, current, secret_on);
    Ok(Dashboard {
        current: current.figures(&total_secret(current, secret_on)),
        previous: previous.figures(&total_secret(previous, secret_on)),
        period_label: period.label(),
        previous_label: period.previous().label(),
        dimension_label: filters.dimension.label().to_owned(),
        rows_add_up: filters.dimension.rows_add_up(),
        breakdown,
        trend,
        years,
        buyers,
        organisations: scope::own_buyers(viewer),
        may_see_partnership: scope::sees_partnership(viewer),
        filters,
        scope,
    })
}

/// [`compute`], from an address's query string: the French errors of its parameters, or
/// the dashboard.
pub async fn from_query(
    state: &AppState,
    viewer: Option<&Acting>,
    query: &str,
) -> Result<DashboardAnswer, AppError> {
    match parse_query(query) {
        Ok(filters) => {
            Ok(DashboardAnswer::Shown(Box::new(compute(state, viewer, &filters).await?)))
        }
        Err(errors) => Ok(DashboardAnswer::Invalid(
            errors.entries().map(|(f, m)| (f.to_owned(), m.to_owned())).collect(),
        )),
    }
}

/// The filters of a query string (`annee=2025&cpv=77`).
pub fn parse_query(query: &str) -> Result<Filters, crate::domain::FieldErrors> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    Filters::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn read_cells(
    ledger: &Ledger,
    read: &Read<'_>,
) -> std::collections::BTreeMap<(String, String), Acc> {
    let (cells, suppliers) = ledger.cells(read);
    add_up(&cells, &suppliers)
}

fn breakdown(
    rows: &std::collections::BTreeMap<(String, String), Acc>,
    dimension: Dimension,
    own: bool,
    totals: [&Acc; 2],
    secret_on: bool,
) -> Vec<BreakdownRow> {
    let keys: BTreeSet<&String> = rows.keys().map(|(_, k)| k).collect();
    let empty = Acc::default();
    let side = |s: &str| -> Vec<&Acc> {
        keys.iter().map(|k| rows.get(&(s.to_owned(), (*k).clone())).unwrap_or(&empty)).collect()
    };
    let (current, previous) = (side("c"), side("p"));
    let secret_c = secrets(&current, Some(totals[0]), &[], secret_on);
    let secret_p = secrets(&previous, Some(totals[1]), &[], secret_on);
    let mut out: Vec<BreakdownRow> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let name =
                if current[i].name.is_empty() { &previous[i].name } else { &current[i].name };
            BreakdownRow {
                key: (*key).clone(),
                label: labels::row_label(dimension, own, key, name),
                current: current[i].figures(&secret_c[i]),
                previous: previous[i].figures(&secret_p[i]),
            }
        })
        .collect();
    out.sort_by_key(|r| labels::sort_key(dimension, &r.key, &r.label));
    out
}

/// Every year of the ledger (with the filters other than the period). When the period is a
/// range of years, the headline total is the sum of its years: the secondary rule applies.
fn trend_rows(
    trend: &std::collections::BTreeMap<(String, String), Acc>,
    period: Period,
    total: &Acc,
    secret_on: bool,
) -> Vec<TrendRow> {
    let years: Vec<(i32, &Acc)> =
        trend.iter().filter_map(|((_, k), acc)| Some((k.parse().ok()?, acc))).collect();
    let accs: Vec<&Acc> = years.iter().map(|(_, a)| *a).collect();
    let (total, in_total) = match period {
        Period::Years(a, b) => {
            (Some(total), years.iter().map(|(y, _)| (a..=b).contains(y)).collect())
        }
        _ => (None, Vec::new()),
    };
    let secret = secrets(&accs, total, &in_total, secret_on);
    years
        .iter()
        .zip(secret)
        .map(|((year, acc), s)| TrendRow { year: *year, figures: acc.figures(&s) })
        .collect()
}
