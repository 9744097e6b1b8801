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

#[derive(Debug, PartialEq, Deserialize)]
struct Located {
    id: String,
    location: Option<Geo>,
}

/// The first disk searched for the nearest offers.
const FIRST_REACH_KM: f64 = 0.5;
/// Below this reach, a disk is read whatever it holds (offers of one place).
const SMALLEST_REACH_KM: f64 = 0.02;
/// How many times a disk holding too many offers is shrunk before it is read anyway.
const MOST_SHRINKS: u32 = 4;
/// Beyond this, a disk holds the whole catalogue: no cell filter.
const WHOLE_REACH_KM: f64 = 400.0;
/// The most offers read to order one page.
const MOST: usize = 50_000;

/// An offer of a page ordered by distance.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub id: String,
}

/// Page `page` of the offers that `text` and `filters` keep, nearest `origin` first (ties in
/// relevance order). `filters` are the filter without the radius, for the disks within it,
/// and with it (exact), for the radius's own disk.
///
/// Disks are searched until one holds the page: an offer within a disk's reach is in the
/// disk's cells, and those cells' offers beyond the reach wait for a larger disk. Reading
/// offers is what costs, so a disk is read only when it holds a few times the page: a disk
/// holding far more is shrunk, one holding too few grown, both by the square root of the
/// ratio (offers spread over an area).
pub async fn nearest(
    offers: &Index,
    text: &str,
    [unbounded, bounded]: [&str; 2],
    origin: Point,
    radius_km: Option<u32>,
    page: u32,
) -> Result<Vec<Near>, Error> {
    let per_page = PER_PAGE as usize;
    let wanted = page as usize * per_page;
    // Enough to hold the page once the offers beyond the reach are set aside.
    let target = (wanted * 4).max(80);
    let limit = radius_km.map_or(WHOLE_REACH_KM, f64::from);
    // A first count (no offer read) sizes the first disk read: offers spread over an area.
    let mut reach = FIRST_REACH_KM.min(limit);
    if reach < limit * 0.99 {
        let probe = disk_filter(unbounded, origin, reach);
        let (_, total) = located(offers, text, &probe, 0).await?;
        let scale = if total == 0 { 4.0 } else { (target as f64 / total as f64).sqrt() };
        reach = (reach * scale.clamp(0.05, 4.0)).clamp(SMALLEST_REACH_KM, limit);
    }
    // Shrinking stops after a few tries, so that shrinking and growing cannot alternate for
    // ever; growing ends at the limit.
    let mut shrinks = 0;
    loop {
        // A disk almost as large as the radius is the radius: Meilisearch measures it.
        let last = reach >= limit * 0.99;
        // The last disk is the radius itself, which `bounded` holds exactly; a smaller one
        // lies within it, and its offers are measured here.
        let full = if last { bounded.to_owned() } else { disk_filter(unbounded, origin, reach) };
        let (mut found, total) = located(offers, text, &full, target * 3).await?;
        if total > found.len() {
            if !last && reach > SMALLEST_REACH_KM && shrinks < MOST_SHRINKS {
                shrinks += 1;
                let shrink = (target as f64 / total as f64).sqrt().clamp(0.1, 0.7);
                reach = (reach * shrink).max(SMALLEST_REACH_KM);
                continue;
            }
            found = located(offers, text, &full, total.min(MOST)).await?.0;
        }
        match settle(found, origin, reach, last, wanted) {
            Settled::Page(ids) => return Ok(ids),
            Settled::TooFew(members) => {
                let grow = (target as f64 / members.max(1) as f64).sqrt().clamp(1.5, 4.0);
                reach = (reach * grow).min(limit);
            }
        }
    }
}

/// `filter` within the cells of the disk of `reach` around `origin`.
fn disk_filter(filter: &str, origin: Point, reach: f64) -> String {
    let disk = format!("cells IN [{}]", quoted_list(cells::cover(origin, reach).all()));
    if filter.is_empty() { disk } else { format!("{filter} AND {disk}") }
}

/// What a disk's offers give.
#[derive(Debug, PartialEq)]
enum Settled {
    /// The page, nearest first.
    Page(Vec<Near>),
    /// Fewer offers within the reach than the page needs: how many.
    TooFew(usize),
}

/// The page `wanted` ends, from the offers `found` in a disk's cells (relevance order). Only
/// the offers within `reach` count, unless the disk is the `last`: an offer of the disk's
/// cells beyond its reach may be farther than one outside the cells.
fn settle(found: Vec<Located>, origin: Point, reach: f64, last: bool, wanted: usize) -> Settled {
    let per_page = PER_PAGE as usize;
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
    if members.len() < wanted && !last {
        return Settled::TooFew(members.len());
    }
    // A stable sort: equally far offers keep their relevance order.
    members.sort_by(|a, b| a.1.total_cmp(&b.1));
    Settled::Page(
        members
            .into_iter()
            .skip(wanted - per_page)
            .take(per_page)
            .map(|(offer, _)| Near { id: offer.id })
            .collect(),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: Point = Point { lat: 45.188, lng: 5.724 };

    /// An offer `km` north of the origin.
    fn north(id: &str, km: f64) -> Located {
        Located {
            id: id.to_owned(),
            location: Some(Geo { lat: ORIGIN.lat + km / 111.195, lng: ORIGIN.lng }),
        }
    }

    fn ids(settled: Settled) -> Vec<String> {
        match settled {
            Settled::Page(page) => page.into_iter().map(|n| n.id).collect(),
            Settled::TooFew(n) => panic!("too few: {n}"),
        }
    }

    #[test]
    fn offers_beyond_the_reach_wait_for_a_larger_disk() {
        let found: Vec<Located> = (0..19)
            .map(|n| north(&format!("near{n}"), 0.5))
            .chain([north("beyond", 1.2)])
            .collect();
        assert_eq!(settle(found, ORIGIN, 1.0, false, 20), Settled::TooFew(19));
    }

    #[test]
    fn the_page_is_nearest_first_with_ties_in_relevance_order() {
        let mut found: Vec<Located> =
            (0..30).map(|n| north(&format!("o{n}"), 0.9 - f64::from(n) * 0.01)).collect();
        found.insert(0, north("tie-first", 0.5));
        found.insert(5, north("tie-second", 0.5));
        let page = ids(settle(found, ORIGIN, 1.0, false, 20));
        assert_eq!(page.len(), 20);
        assert_eq!(page[..3], ["tie-first", "tie-second", "o29"]);
    }

    #[test]
    fn the_last_disk_gives_what_it_holds_and_later_pages_skip_the_earlier() {
        let found: Vec<Located> = (0..25).map(|n| north(&format!("o{n}"), f64::from(n))).collect();
        let second = ids(settle(found, ORIGIN, 10.0, true, 40));
        assert_eq!(second, (20..25).map(|n| format!("o{n}")).collect::<Vec<_>>());
    }
}
