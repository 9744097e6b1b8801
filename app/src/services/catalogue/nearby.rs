//! Offers near a point. The offers index has no geo index (see `domain::search::cells`): the
//! grid cells narrow a search to a disk, the structures index (which has one) settles the
//! structures on the disk's edge, and each offer's own coordinates order the results.

use meilisearch_sdk::{errors::Error, indexes::Index, search::Selectors};
use serde::Deserialize;

use crate::{
    domain::{
        geo::haversine_km,
        search::{cells, query::PER_PAGE, query::Point},
    },
    search::{documents::Geo, settings::MAX_STRUCTURES},
};

use super::plan::quoted_list;

/// The filter keeping the offers within `radius_km` of `origin`: the cells covering the disk,
/// less the structures in its edge cells that lie outside the circle.
pub async fn radius_filter(
    structures: &Index,
    origin: Point,
    radius_km: u32,
) -> Result<String, Error> {
    let cover = cells::cover(origin, f64::from(radius_km));
    let mut filter = format!("cells IN [{}]", quoted_list(cover.all()));
    if cover.edge.is_empty() {
        return Ok(filter);
    }
    let outside_filter = format!(
        "cells IN [{}] AND NOT _geoRadius({}, {}, {})",
        quoted_list(cover.edge.iter()),
        origin.lat,
        origin.lng,
        u64::from(radius_km) * 1000
    );
    let outside = structures
        .search()
        .with_filter(&outside_filter)
        .with_attributes_to_retrieve(Selectors::Some(&["id"]))
        .with_limit(MAX_STRUCTURES)
        .execute::<Id>()
        .await?;
    if !outside.hits.is_empty() {
        let ids: Vec<&String> = outside.hits.iter().map(|h| &h.result.id).collect();
        filter.push_str(&format!(" AND NOT structure_id IN [{}]", quoted_list(ids.into_iter())));
    }
    Ok(filter)
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

#[derive(Deserialize)]
struct Located {
    id: String,
    location: Option<Geo>,
}

/// The first disk searched for the nearest offers, and how much it grows each time.
const FIRST_REACH_KM: f64 = 1.0;
const GROWTH: f64 = 2.0;
/// Beyond this, a disk holds the whole catalogue: no cell filter.
const WHOLE_REACH_KM: f64 = 400.0;
/// Offers read per disk before reading them all.
const BATCH: usize = 1000;
/// The most offers read to order one page.
const MOST: usize = 50_000;

/// An offer of a page ordered by distance.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub id: String,
    pub distance_m: u64,
}

/// Page `page` of the offers that `text` and `filter` keep, nearest `origin` first (ties in
/// relevance order). Disks of growing reach are searched until one holds the page: an offer
/// within a disk's reach is in the disk's cells, and those cells' offers beyond the reach wait
/// for a larger disk.
pub async fn nearest(
    offers: &Index,
    text: &str,
    filter: &str,
    origin: Point,
    radius_km: Option<u32>,
    page: u32,
) -> Result<Vec<Near>, Error> {
    let wanted = (page as usize) * PER_PAGE as usize;
    let limit = radius_km.map_or(WHOLE_REACH_KM, f64::from);
    let mut reach = FIRST_REACH_KM.min(limit);
    loop {
        let last = reach >= limit;
        // The last disk is the radius itself, which `filter` already holds exactly.
        let disk = (!last)
            .then(|| format!("cells IN [{}]", quoted_list(cells::cover(origin, reach).all())));
        let full = [Some(filter.to_owned()), disk]
            .into_iter()
            .flatten()
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" AND ");
        let found = located(offers, text, &full, BATCH).await?;
        let found = if found.1 > found.0.len() {
            located(offers, text, &full, found.1.min(MOST)).await?.0
        } else {
            found.0
        };
        let mut members: Vec<(Located, f64)> = found
            .into_iter()
            .map(|offer| {
                let km = offer.location.map_or(f64::INFINITY, |at| {
                    haversine_km((origin.lat, origin.lng), (at.lat, at.lng))
                });
                (offer, km)
            })
            .filter(|(_, km)| last || *km <= reach)
            .collect();
        if members.len() >= wanted || last {
            members.sort_by(|a, b| a.1.total_cmp(&b.1));
            return Ok(members
                .into_iter()
                .skip(wanted - PER_PAGE as usize)
                .take(PER_PAGE as usize)
                .map(|(offer, km)| Near {
                    id: offer.id,
                    distance_m: if km.is_finite() { (km * 1000.0).round() as u64 } else { 0 },
                })
                .collect());
        }
        reach = (reach * GROWTH).min(limit);
    }
}

/// The ids and places of up to `limit` offers in relevance order, and how many there are.
async fn located(
    offers: &Index,
    text: &str,
    filter: &str,
    limit: usize,
) -> Result<(Vec<Located>, usize), Error> {
    let mut search = offers.search();
    search
        .with_query(text)
        .with_attributes_to_retrieve(Selectors::Some(&["id", "location"]))
        .with_hits_per_page(limit)
        .with_page(1);
    if !filter.is_empty() {
        search.with_filter(filter);
    }
    let answer = search.execute::<Located>().await?;
    let total = answer.total_hits.unwrap_or(answer.hits.len());
    Ok((answer.hits.into_iter().map(|h| h.result).collect(), total))
}
