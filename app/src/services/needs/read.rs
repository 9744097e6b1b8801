//! The needs' pages: one need, the open needs, the person's needs, the animators' queue.

use crate::{
    db::{
        hqs_profiles,
        need_matches::{self, Mark},
        need_members, need_pools, needs,
        needs::NeedRow,
        quotes, structures,
    },
    domain::{
        Code,
        accounts::Acting,
        calendar::Day,
        directory::{Sector, communes},
        needs::{
            NeedKind, NeedState,
            ladder::Rung,
            views::{
                MatchView, MatchedNeed, MyNeeds, NeedBuyer, NeedSummary, NeedView, NewNeedPage,
                PooledNeed, SupplierSide,
            },
        },
    },
    error::AppError,
    state::AppState,
};

use super::{access, compare, files, group, matching, thread};
use crate::services::directory::can_edit;

/// How many open needs a page lists.
const OPEN_LIMIT: i64 = 200;

fn summary(row: &NeedRow, shows_buyer: bool, today: Day) -> NeedSummary {
    let buyer = if shows_buyer {
        row.buyer_name.clone().unwrap_or_else(|| "Acheteur".to_owned())
    } else {
        "Acheteur anonyme".to_owned()
    };
    NeedSummary {
        id: row.id.clone(),
        title: row.title.clone(),
        kind: row.kind.as_deref().and_then(NeedKind::from_code),
        state: row.state,
        buyer,
        sector: row.sector.as_deref().and_then(Sector::find).map(|s| s.label.to_owned()),
        place: row.place_insee.as_deref().and_then(communes::find).map(|c| c.name.to_owned()),
        deadline_on: row.deadline_on.clone(),
        closed: row.closed_on(today),
    }
}

fn today(state: &AppState) -> Day {
    Day::of_instant(state.clock.now_ms())
}

/// A need's page, as the person may see it.
pub async fn view(state: &AppState, user: Option<&Acting>, id: &str) -> Result<NeedView, AppError> {
    let row = needs::find(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let today = today(state);
    let group = group::load(&state.db, id).await?;
    let mut rights = access::rights(user, &row);
    rights.member = matches!((&group, user), (Some(g), Some(u)) if g.is_member(u));
    let through_group = matches!((&group, user), (Some(g), Some(u)) if g.lets_read(u, &row, today));
    if !access::can_read(rights, &row) && !through_group {
        return Err(if user.is_some() { AppError::NotFound } else { AppError::Unauthenticated });
    }
    let mut text = row.text();
    let insiders = rights.buyer || rights.moderates;
    let (potential, pooled_potential) = if insiders && !row.state.is_public() {
        let found = matching::find(state, &text).await?;
        let pooled =
            group.as_ref().map(|g| matching::potential_with(&found, g.pooled_budget(&text)));
        (Some(matching::potential_of(&found, &text)), pooled)
    } else {
        (None, None)
    };
    let lead_name = row.buyer_name.clone();
    let group_view =
        group.as_ref().filter(|_| insiders || through_group || rights.member).map(|g| {
            group::view(
                g,
                &row,
                &text,
                lead_name.as_deref().unwrap_or("Acheteur principal"),
                user,
                today,
                potential.as_ref().zip(pooled_potential.as_ref()),
            )
        });
    // The consultation runs once for the total: the lots read with the pooled quantities,
    // except in the lead's own form.
    let form = (rights.manages && row.state.editable()).then(|| text.to_form());
    if let Some(g) = &group {
        let totals = g.totals(&text);
        for (lot, total) in text.lots.iter_mut().zip(totals) {
            lot.quantity = total;
        }
    }
    let matches = if insiders {
        need_matches::of_need(&state.db, id)
            .await?
            .into_iter()
            .map(|m| MatchView {
                reasons: m.reasons(),
                structure_id: m.structure_id,
                name: m.name,
                slug: m.slug,
                distance_km: m.distance_km,
            })
            .collect()
    } else {
        Vec::new()
    };
    let supplier = match user {
        Some(user) if row.state.is_public() => supplier_side(state, user, &row, today).await?,
        _ => None,
    };
    let retained = supplier.as_ref().is_some_and(|s| s.rung == Rung::Awarded);
    let comparison = if (insiders || rights.member) && row.state.is_public() {
        let mut comparison = compare::comparison(state, &row, &text).await?;
        comparison.threads = thread::of_need(state, &row).await?;
        Some(comparison)
    } else {
        None
    };
    let profile = match &text.profile_id {
        Some(pid) => hqs_profiles::find(&state.db, pid).await?.map(|p| (p.id, p.name)),
        None => None,
    };
    let profile_choices = match form {
        Some(_) => profile_choices(state, std::slice::from_ref(&row.organisation_id)).await?,
        None => Vec::new(),
    };
    let mut wanted: Vec<String> = text.families.iter().map(|f| f.label().to_owned()).collect();
    wanted.extend(
        text.structure_kinds.iter().map(|k| format!("{} ({})", k.label(), <&str>::from(*k))),
    );
    let mut view = NeedView {
        // An anonymous buyer is revealed to the supplier it retained.
        summary: summary(&row, access::shows_buyer(rights, &row) || retained, today),
        organisation_id: row.organisation_id.clone(),
        rights,
        description: text.description.clone(),
        notice_url: text.notice_url.clone(),
        cpv: text.cpv.iter().map(|c| c.as_str().to_owned()).collect(),
        service_kind: text.service_kind.map(|k| k.label().to_owned()),
        lots: text.lots.clone(),
        start_on: text.start_on.map(Day::iso),
        budget: text.budget.as_ref().map(|b| b.label()),
        wanted,
        radius_km: text.radius_km,
        profile,
        questions: text.questions.clone(),
        anonymous: text.anonymous,
        moderation_message: if insiders { row.moderation_message.clone() } else { None },
        form,
        profile_choices,
        potential,
        matches,
        supplier,
        comparison,
        group: group_view,
        files: Vec::new(),
        adds_files: false,
    };
    files::fill(state, &row, &mut view).await?;
    Ok(view)
}

/// The side of the first matched structure the person edits, if any; viewing the page
/// counts as « besoin consulté ».
async fn supplier_side(
    state: &AppState,
    user: &Acting,
    row: &NeedRow,
    today: Day,
) -> Result<Option<SupplierSide>, AppError> {
    let organisations: Vec<String> =
        user.standings().iter().map(|s| s.organisation_id.clone()).collect();
    let mine = need_matches::of_organisations_for(&state.db, &organisations, &row.id).await?;
    let Some(m) = mine.into_iter().find(|m| m.need_id == row.id) else { return Ok(None) };
    let Some(structure) = structures::find(&state.db, &m.structure_id).await? else {
        return Ok(None);
    };
    if !can_edit(user, &structure) {
        return Ok(None);
    }
    let mut tx = crate::db::begin(&state.db).await?;
    need_matches::mark(&mut tx, &row.id, &m.structure_id, Mark::Viewed, state.clock.now_ms())
        .await?;
    tx.commit().await?;
    let text = row.text();
    let quote = quotes::find(&state.db, &row.id, &m.structure_id).await?;
    let bought = super::declarations::supplier_side(state, row, &m.structure_id).await?;
    let shows_buyer = access::shows_buyer(access::rights(Some(user), row), row);
    let thread = thread::of_structure(state, row, &m.structure_id, &m.name, shows_buyer).await?;
    Ok(Some(SupplierSide {
        retained: bought.retained,
        declared: bought.declaration.is_some(),
        declaration: bought.declaration.unwrap_or_default(),
        purchase: bought.purchase,
        rung: m.steps().rung(),
        decline_reason: m.decline_reason.clone(),
        quote: quote.as_ref().map(|q| q.quote().to_form(&text.lots)).unwrap_or_default(),
        quoted: quote.is_some(),
        open: row.state == NeedState::Published && !row.closed_on(today),
        takes_quotes: text.kind.is_some_and(|k| k.takes_quotes()),
        thread,
        writes_messages: m.notified_at.is_some(),
        structure_id: m.structure_id,
        structure_name: m.name,
        files: Vec::new(),
    }))
}

/// Open needs (published, deadline not passed), optionally of one sector and kind.
pub async fn list_open(
    state: &AppState,
    user: Option<&Acting>,
    sector: Option<&str>,
    kind: Option<NeedKind>,
) -> Result<Vec<NeedSummary>, AppError> {
    let today = today(state);
    let rows = needs::open(&state.db, &today.iso(), sector, kind, OPEN_LIMIT).await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        let rights = access::rights(user, row);
        list.push(summary(row, access::shows_buyer(rights, row), today));
    }
    Ok(list)
}

/// The person's needs: those of the buyers they belong to, those matched to their
/// structures.
pub async fn mine(state: &AppState, user: &Acting) -> Result<MyNeeds, AppError> {
    let today = today(state);
    let organisations: Vec<String> =
        user.standings().iter().map(|s| s.organisation_id.clone()).collect();
    let mut as_buyer = Vec::new();
    for row in needs::of_organisations(&state.db, &organisations).await? {
        as_buyer.push(summary(&row, true, today));
    }
    let matched = need_matches::of_organisations(&state.db, &organisations).await?;
    let ids: Vec<String> = matched.iter().map(|m| m.need_id.clone()).collect();
    let rows = needs::of_ids(&state.db, &ids).await?;
    let mut as_supplier = Vec::new();
    for m in matched {
        let Some(row) = rows.iter().find(|r| r.id == m.need_id) else { continue };
        let rights = access::rights(Some(user), row);
        as_supplier.push(MatchedNeed {
            need: summary(row, access::shows_buyer(rights, row), today),
            reasons: m.reasons(),
            structure_name: m.name,
        });
    }
    let pooled = pooled(state, user, &organisations, today).await?;
    Ok(MyNeeds { as_buyer, as_supplier, pooled, writes_for: writers(user) })
}

/// Group purchases of others where the person's buyers stand, then those open to join.
async fn pooled(
    state: &AppState,
    user: &Acting,
    organisations: &[String],
    today: Day,
) -> Result<Vec<PooledNeed>, AppError> {
    let members = need_members::of_organisations(&state.db, organisations).await?;
    let verified = user.buyers_where(access::WRITERS).find(|s| s.verified);
    let joinable = match verified {
        Some(_) => need_pools::joinable(&state.db, &today.iso(), 50).await?,
        None => Vec::new(),
    };
    let mut ids: Vec<String> = members.iter().map(|m| m.need_id.clone()).collect();
    ids.extend(joinable.iter().cloned());
    let rows = needs::of_ids(&state.db, &ids).await?;
    let pools = need_pools::of_needs(&state.db, &ids).await?;
    let found = |id: &str| {
        let row = rows.iter().find(|r| r.id == id)?;
        let pool = pools.iter().find(|p| p.need_id == id)?;
        Some((row, pool.join_until.clone()))
    };
    let mut list = Vec::new();
    for m in members {
        let Some((row, join_until)) = found(&m.need_id) else { continue };
        list.push(PooledNeed {
            need: summary(row, true, today),
            buyer: m.organisation_name,
            state: Some(m.state),
            join_until,
        });
    }
    for id in &joinable {
        let Some((row, join_until)) = found(id) else { continue };
        if list.iter().any(|p| p.need.id == *id) || organisations.contains(&row.organisation_id) {
            continue;
        }
        list.push(PooledNeed {
            need: summary(row, true, today),
            buyer: verified.map(|s| s.organisation_name.clone()).unwrap_or_default(),
            state: None,
            join_until,
        });
    }
    Ok(list)
}

fn writers(user: &Acting) -> Vec<NeedBuyer> {
    user.buyers_where(access::WRITERS)
        .map(|s| NeedBuyer {
            id: s.organisation_id.clone(),
            name: s.organisation_name.clone(),
            verified: s.verified,
        })
        .collect()
}

/// What the new need's form offers: the buyers the person writes for, the HQS profiles
/// they may attach.
pub async fn new_need_page(state: &AppState, user: &Acting) -> Result<NewNeedPage, AppError> {
    let buyers = writers(user);
    if buyers.is_empty() && !user.is_admin {
        return Err(AppError::Forbidden);
    }
    let organisations: Vec<String> = buyers.iter().map(|b| b.id.clone()).collect();
    let profiles = profile_choices(state, &organisations).await?;
    Ok(NewNeedPage { buyers, profiles })
}

/// The needs waiting for the pôle. Animators only.
pub async fn queue(state: &AppState, user: &Acting) -> Result<Vec<NeedSummary>, AppError> {
    if !user.moderates() {
        return Err(AppError::Forbidden);
    }
    let today = today(state);
    let mut list = Vec::new();
    for row in needs::in_state(&state.db, NeedState::Submitted, 200).await? {
        list.push(summary(&row, true, today));
    }
    Ok(list)
}

/// The HQS profiles a need of these organisations may use: theirs and the shared ones.
async fn profile_choices(
    state: &AppState,
    organisations: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    Ok(hqs_profiles::visible(&state.db, organisations, false)
        .await?
        .into_iter()
        .map(|p| (p.id, format!("{} ({})", p.name, p.organisation_name)))
        .collect())
}
