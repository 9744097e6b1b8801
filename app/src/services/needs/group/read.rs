//! A group purchase as read with its need: who belongs, what they pooled, and what the
//! reader may do with it.

use crate::{
    db::{
        Db,
        need_members::{self, MemberRow},
        need_pools::{self, PoolRow},
        needs::NeedRow,
    },
    domain::{
        accounts::Acting,
        calendar::Day,
        needs::{
            NeedText,
            group::{GroupView, MemberState, MemberView, OwnShare, pooled_quantities, unlocks},
            potential::Potential,
        },
    },
};

use super::split::BuyerShare;
use crate::services::needs::access;

/// A pooled need's pool and its buyers other than the lead.
#[derive(Debug, Clone)]
pub struct Group {
    pub pool: PoolRow,
    pub members: Vec<MemberRow>,
}

/// The need's group purchase, if it is one.
pub async fn load(db: &Db, need_id: &str) -> Result<Option<Group>, sqlx::Error> {
    let Some(pool) = need_pools::find(db, need_id).await? else { return Ok(None) };
    let members = need_members::of_need(db, need_id).await?;
    Ok(Some(Group { pool, members }))
}

impl Group {
    pub fn joined(&self) -> impl Iterator<Item = &MemberRow> {
        self.members.iter().filter(|m| m.state == MemberState::Joined)
    }

    fn standing_of(&self, organisation_id: &str) -> Option<MemberState> {
        self.members.iter().find(|m| m.organisation_id == organisation_id).map(|m| m.state)
    }

    /// The person belongs to a buyer that joined: it reads the need and its comparison.
    pub fn is_member(&self, user: &Acting) -> bool {
        self.joined().any(|m| user.is_member_of(&m.organisation_id))
    }

    /// The person belongs to a buyer that was invited (and has not answered yet).
    pub fn is_invited(&self, user: &Acting) -> bool {
        self.members
            .iter()
            .any(|m| m.state == MemberState::Invited && user.is_member_of(&m.organisation_id))
    }

    /// Buyers may still join, leave or change their share: the consultation has not started
    /// and the joining day has not passed.
    pub fn joining(&self, row: &NeedRow, today: Day) -> bool {
        row.state.before_consultation() && self.pool.join_until().is_some_and(|d| today <= d)
    }

    /// Whether the person may read the need through its group purchase: a member, an
    /// invited buyer, or — while it is open to all and joining — any verified buyer's writer.
    pub fn lets_read(&self, user: &Acting, row: &NeedRow, today: Day) -> bool {
        self.is_member(user)
            || self.is_invited(user)
            || (self.pool.open_to_all == 1
                && self.joining(row, today)
                && user.buyers_where(access::WRITERS).any(|s| s.verified))
    }

    /// The buyers and their quantities: the lead (the need's lots) first, then the members.
    pub fn buyers<'a>(
        &'a self,
        row: &'a NeedRow,
        lead: &'a str,
        text: &NeedText,
    ) -> Vec<BuyerShare<'a>> {
        let lots = text.lots.len();
        let mut buyers = vec![BuyerShare {
            organisation_id: &row.organisation_id,
            name: lead,
            quantities: text.lots.iter().map(|l| l.quantity).collect(),
        }];
        buyers.extend(self.joined().map(|m| BuyerShare {
            organisation_id: &m.organisation_id,
            name: &m.organisation_name,
            quantities: m.share().aligned(lots),
        }));
        buyers
    }

    /// The pooled quantity of each lot.
    pub fn totals(&self, text: &NeedText) -> Vec<f64> {
        let shares: Vec<Vec<f64>> =
            self.joined().map(|m| m.share().aligned(text.lots.len())).collect();
        pooled_quantities(&text.lots, &shares)
    }

    /// The lead's budget (exact or top of range) plus every member's share, when the lead's
    /// is known.
    pub fn pooled_budget(&self, text: &NeedText) -> Option<i64> {
        let lead = text.budget.as_ref().and_then(|b| b.ceiling_cents())?;
        Some(lead + self.joined().filter_map(|m| m.budget_share_cents).sum::<i64>())
    }
}

/// The group purchase as the person sees it. `potentials` are the need's potential alone and
/// pooled, when the page computed them.
pub fn view(
    group: &Group,
    row: &NeedRow,
    text: &NeedText,
    lead_name: &str,
    user: Option<&Acting>,
    today: Day,
    potentials: Option<(&Potential, &Potential)>,
) -> GroupView {
    let lots = text.lots.len();
    let mut members = vec![MemberView {
        organisation_id: row.organisation_id.clone(),
        name: lead_name.to_owned(),
        lead: true,
        state: MemberState::Joined,
        quantities: text.lots.iter().map(|l| l.quantity).collect(),
        sites: String::new(),
        budget_share_cents: text.budget.as_ref().and_then(|b| b.ceiling_cents()),
    }];
    members.extend(group.members.iter().filter(|m| m.state != MemberState::Declined).map(|m| {
        let share = m.share();
        MemberView {
            organisation_id: m.organisation_id.clone(),
            name: m.organisation_name.clone(),
            lead: false,
            state: m.state,
            quantities: share.aligned(lots),
            sites: share.sites,
            budget_share_cents: share.budget_share_cents,
        }
    }));
    let joining = group.joining(row, today);
    let leads = user.is_some_and(|u| access::writes_for(u, &row.organisation_id));
    let own = user.filter(|_| !leads).and_then(|u| own_share(group, u, joining));
    let buyers = 1 + group.joined().count();
    let lead_budget = text.budget.as_ref().and_then(|b| b.ceiling_cents());
    GroupView {
        join_until: group.pool.join_until.clone(),
        open_to_all: group.pool.open_to_all == 1,
        joining,
        members,
        totals: group.totals(text),
        lead_budget_cents: lead_budget,
        pooled_budget_cents: group.pooled_budget(text),
        unlocks: unlocks(
            lead_budget,
            group.pooled_budget(text),
            buyers,
            potentials.map(|(a, p)| (a.lever_label.as_str(), p.lever_label.as_str())),
        ),
        leads,
        own,
    }
}

/// The person's buyer in the purchase: the first it writes for that is invited or joined,
/// else — when the purchase is open to all and joining — its first verified buyer.
fn own_share(group: &Group, user: &Acting, joining: bool) -> Option<OwnShare> {
    let writes: Vec<_> = user.buyers_where(access::WRITERS).collect();
    let concerned = writes.iter().find_map(|s| {
        let state = group.standing_of(&s.organisation_id)?;
        matches!(state, MemberState::Invited | MemberState::Joined).then_some((*s, Some(state)))
    });
    let (standing, state) = match concerned {
        Some(found) => found,
        None if joining && group.pool.open_to_all == 1 => {
            (*writes.iter().find(|s| s.verified)?, None)
        }
        None => return None,
    };
    let form = group
        .members
        .iter()
        .find(|m| m.organisation_id == standing.organisation_id && m.state == MemberState::Joined)
        .map(|m| m.share().to_form())
        .unwrap_or_default();
    Some(OwnShare {
        organisation_id: standing.organisation_id.clone(),
        name: standing.organisation_name.clone(),
        state,
        form,
    })
}
