//! Group purchases for the demo data: one gathering buyers (a second company joined, open to
//! every verified buyer), one awarded with one purchase per member.

use crate::{
    db::{
        Db, need_awards,
        need_matches::{self, Mark},
        need_members, need_pools, needs, purchases, quotes, structures,
    },
    domain::{
        calendar::Day,
        needs::{
            Budget, NeedState, SocialConsideration,
            group::{Pool, Share},
        },
    },
    error::AppError,
};

use super::{load, split::shares_of};
use crate::services::needs::demo::{Trade, need, organisation_of, reach, text};

/// Seeds the demo's group purchases; how many needs it made.
pub async fn seed(db: &Db, trade: Trade<'_>, now: i64) -> Result<usize, AppError> {
    let (Some((lead, martine)), Some((member, _))) = (
        organisation_of(db, "entreprise@demo.ecossol.fr").await?,
        organisation_of(db, "groupement@demo.ecossol.fr").await?,
    ) else {
        return Ok(0);
    };
    let today = Day::of_instant(now);

    let gathering = text(
        "Fournitures de bureau en papier recyclé, achat groupé",
        "Ramettes et enveloppes en papier recyclé, livrées par une entreprise adaptée. Rejoignez l'achat : plus le volume est grand, plus un lot réservé devient intéressant.",
        ("reprographie", crate::domain::directory::ServiceKind::Goods, "38185"),
        "Ramettes A4 ; 200 ; cartons\nEnveloppes ; 50 ; boîtes",
        today.plus_days(30),
        Budget::Exact { cents: 900_000 },
    );
    let gathering_id = need(db, &lead, &martine, &gathering, &[], now).await?;
    let mut tx = crate::db::begin(db).await?;
    need_pools::upsert(
        &mut tx,
        &gathering_id,
        Pool { join_until: today.plus_days(14), open_to_all: true },
        &martine,
        now,
    )
    .await?;
    let share = Share {
        quantities: vec![80.0, 20.0],
        sites: "Dépôt de Crolles et siège de Montbonnot".to_owned(),
        budget_share_cents: Some(360_000),
    };
    need_members::join(&mut tx, &gathering_id, &member, &share, now).await?;
    tx.commit().await?;

    let pooled = text(
        "Nettoyage des locaux de deux entreprises, achat groupé",
        "Nettoyage hebdomadaire des bureaux des deux sociétés, un seul marché pour les deux sites.",
        trade,
        "Nettoyage ; 12 ; mois",
        today.plus_days(-12),
        Budget::Exact { cents: 2_400_000 },
    );
    let pooled_id = need(db, &lead, &martine, &pooled, &[], now).await?;
    let mut tx = crate::db::begin(db).await?;
    need_pools::upsert(
        &mut tx,
        &pooled_id,
        Pool { join_until: today.plus_days(-20), open_to_all: false },
        &martine,
        now,
    )
    .await?;
    need_members::invite(&mut tx, &pooled_id, &member, &martine, now).await?;
    let share = Share {
        quantities: vec![12.0],
        sites: "Siège, 38330 Montbonnot-Saint-Martin".to_owned(),
        budget_share_cents: Some(1_200_000),
    };
    need_members::join(&mut tx, &pooled_id, &member, &share, now).await?;
    needs::set_state(&mut tx, &pooled_id, NeedState::Draft, NeedState::Submitted, None, now)
        .await?;
    needs::set_state(&mut tx, &pooled_id, NeedState::Submitted, NeedState::Published, None, now)
        .await?;
    tx.commit().await?;
    // The consultation ran for the total: 24 months of cleaning.
    let mut total = pooled.clone();
    total.lots[0].quantity = 24.0;
    let quoted = reach(db, &pooled_id, &total, 1, &[3_400_000], now).await?;
    let Some(winner) = quoted.first() else { return Ok(2) };
    let Some(row) = needs::find(db, &pooled_id).await? else { return Ok(2) };
    let Some(group) = load(db, &pooled_id).await? else { return Ok(2) };
    let Some(structure) = structures::find(db, winner).await? else { return Ok(2) };
    let quote = quotes::find(db, &pooled_id, winner).await?.map(|q| q.quote());
    let buyers = group.buyers(&row, "Alpes Ingénierie SA", &pooled);
    let amount = quote.as_ref().map_or(3_400_000, |q| q.total_cents());
    let parts = shares_of(amount, &pooled.lots, &[1], quote.as_ref(), &buyers);
    let mut tx = crate::db::begin(db).await?;
    need_awards::insert(
        &mut tx,
        &pooled_id,
        1,
        winner,
        "Seule offre complète pour les deux sites.",
        &martine,
        now,
    )
    .await?;
    need_matches::mark(&mut tx, &pooled_id, winner, Mark::Awarded, now).await?;
    needs::set_state(&mut tx, &pooled_id, NeedState::Published, NeedState::Awarded, None, now)
        .await?;
    for (buyer, cents) in buyers.iter().zip(parts) {
        let id = uuid::Uuid::new_v4().to_string();
        let purchase = purchases::NewPurchase {
            id: &id,
            source: "ecossol",
            need_id: Some(&pooled_id),
            buyer_organisation_id: Some(buyer.organisation_id),
            buyer_name: buyer.name,
            structure_id: Some(winner),
            supplier_name: &structure.name,
            supplier_siret: structure.siret.as_deref(),
            amount_cents: cents,
            purchased_on: &today.plus_days(-2).iso(),
            cpv: None,
            social_consideration: SocialConsideration::Clause,
            insertion_hours: Some(cents / 100 * 5 / 100 / 30),
            confirmed_by: Some(&martine),
        };
        purchases::insert(&mut tx, &purchase, now).await?;
    }
    tx.commit().await?;
    Ok(2)
}
