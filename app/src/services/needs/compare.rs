//! The buyer's comparison: one line per quote with its prices, lead time, distance, kinds,
//! label and the HQS verdicts of the structure against the need's profile (declared facts,
//! as in a check's pre-verdict); the ladder of where every matched structure stands; the
//! awards, the purchases and what the retained structures declared of them.

use crate::{
    db::{
        hqs_labels, hqs_profiles, need_awards, need_matches, needs::NeedRow, purchase_declarations,
        purchases, quotes, structures,
    },
    domain::{
        calendar::Day,
        hqs::{Evidence, Requirements, evaluate},
        needs::{
            NeedText,
            ladder::{Steps, ladder},
            views::{Comparison, QuoteLine},
        },
    },
    error::AppError,
    services::hqs::facts::supplier_facts,
    state::AppState,
};

pub async fn comparison(
    state: &AppState,
    row: &NeedRow,
    text: &NeedText,
) -> Result<Comparison, AppError> {
    let matches = need_matches::of_need(&state.db, &row.id).await?;
    let steps: Vec<Steps> = matches.iter().map(|m| m.steps()).collect();
    let ladder = ladder(&steps).into_iter().map(|(rung, n)| (rung.label().to_owned(), n)).collect();
    let requirements: Option<Requirements> = match &text.profile_id {
        Some(id) => hqs_profiles::find(&state.db, id)
            .await?
            .and_then(|p| serde_json::from_str(&p.requirements).ok()),
        None => None,
    };
    let today = Day::of_instant(state.clock.now_ms()).iso();
    let labelled: Vec<String> = hqs_labels::in_states(&state.db, &["granted"])
        .await?
        .into_iter()
        .map(|l| l.structure_id)
        .collect();
    let mut lines = Vec::new();
    for q in quotes::of_need(&state.db, &row.id).await? {
        let Some(structure) = structures::find(&state.db, &q.structure_id).await? else { continue };
        let quote = q.quote();
        let m = matches.iter().find(|m| m.structure_id == q.structure_id);
        let (verdicts, overall) = match &requirements {
            Some(requirements) => {
                let facts = supplier_facts(&state.db, &structure).await?;
                let evaluation = evaluate(requirements, &facts, None, Evidence::Declared, &today);
                let verdicts = evaluation
                    .results
                    .iter()
                    .map(|r| {
                        (r.criterion.definition().title_fr.to_owned(), r.verdict.label().to_owned())
                    })
                    .collect();
                (verdicts, Some(evaluation.overall.label().to_owned()))
            }
            None => (Vec::new(), None),
        };
        lines.push(QuoteLine {
            structure_id: structure.id.clone(),
            name: structure.name.clone(),
            slug: structure.slug.clone(),
            kinds: structure.kinds.split_whitespace().map(str::to_owned).collect(),
            labelled: labelled.contains(&structure.id),
            distance_km: m.and_then(|m| m.distance_km),
            prices: text
                .lots
                .iter()
                .map(|l| quote.prices.iter().find(|p| p.lot == l.number).map(|p| p.cents))
                .collect(),
            total_cents: quote.total_cents(),
            lead_time: quote.lead_time.clone(),
            message: quote.message.clone(),
            answers: quote.answers.clone(),
            shortlisted: m.is_some_and(|m| m.shortlisted_at.is_some()),
            verdicts,
            overall,
            files: Vec::new(),
        });
    }
    let awards_rows = need_awards::of_need(&state.db, &row.id).await?;
    let name_of = |id: &str| {
        lines.iter().find(|l| l.structure_id == id).map(|l| l.name.clone()).unwrap_or_default()
    };
    let awards = awards_rows
        .iter()
        .map(|a| {
            (
                u8::try_from(a.lot_number).unwrap_or(0),
                a.structure_id.clone(),
                name_of(&a.structure_id),
                a.reason.clone(),
            )
        })
        .collect();
    let recorded = purchases::of_need(&state.db, &row.id).await?;
    let mut to_confirm: Vec<(String, String, i64)> = Vec::new();
    for a in &awards_rows {
        if recorded.iter().any(|p| p.structure_id.as_deref() == Some(a.structure_id.as_str())) {
            continue;
        }
        let price = lines
            .iter()
            .find(|l| l.structure_id == a.structure_id)
            .and_then(|l| {
                text.lots
                    .iter()
                    .position(|lot| i64::from(lot.number) == a.lot_number)
                    .and_then(|i| l.prices[i])
            })
            .unwrap_or(0);
        match to_confirm.iter_mut().find(|(id, ..)| *id == a.structure_id) {
            Some((_, _, sum)) => *sum += price,
            None => to_confirm.push((a.structure_id.clone(), name_of(&a.structure_id), price)),
        }
    }
    // A group purchase's lines name the buyer each was bought for.
    let pooled = recorded.iter().any(|p| p.buyer_name != recorded[0].buyer_name);
    let purchases = recorded
        .into_iter()
        .map(|p| {
            let label = if pooled {
                format!("{} — pour {}", p.supplier_name, p.buyer_name)
            } else {
                p.supplier_name
            };
            (label, p.amount_cents, p.purchased_on)
        })
        .collect();
    let declarations = purchase_declarations::of_need(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|d| (d.structure_id, d.amount_cents, d.purchased_on))
        .collect();
    // The threads are read by `thread::of_need`.
    Ok(Comparison {
        ladder,
        quotes: lines,
        awards,
        to_confirm,
        purchases,
        declarations,
        threads: Vec::new(),
    })
}
