//! Searches near a point. No index has a Meilisearch geo index (see `domain::search::cells`):
//! the grid cells narrow a search to a disk, the `place` facet says which places of the disk
//! match and how many documents each holds (no document is read for it), the app measures
//! each place, and the page is fetched place by place, nearest first.

use meilisearch_sdk::{
    errors::Error,
    indexes::Index,
    search::{SearchResult, Selectors},
};
use serde::de::IgnoredAny;

use crate::{
    domain::{
        geo::haversine_km,
        search::{cells, places, query::PER_PAGE, query::Point},
    },
    search::{hits::Retrieved, settings::MAX_STRUCTURES},
};

use super::plan::{and, quoted_list, strategy};

/// The attribute holding a document's place.
const PLACE: &str = "place";

/// The filter keeping the documents within `radius_km` of `origin`: the cells covering the
/// disk, less the places in its edge cells that lie outside the circle. The places come from
/// the structures index: an offer is at its structure's place, and a structure's place is
/// counted once there rather than once per offer.
pub async fn radius_filter(
    structures: &Index,
    origin: Point,
    radius_km: u32,
) -> Result<String, Error> {
    let cover = cells::cover(origin, f64::from(radius_km));
    let filter = format!("cells IN [{}]", quoted_list(cover.all()));
    if cover.edge.is_empty() {
        return Ok(filter);
    }
    let edge = format!("cells IN [{}]", quoted_list(cover.edge.iter()));
    let (edge_places, _) = places_of(structures, "", false, &edge).await?;
    let outside: Vec<String> = edge_places
        .into_iter()
        .map(|(place, _)| place)
        .filter(|place| km_from(origin, place).is_none_or(|km| km > f64::from(radius_km)))
        .collect();
    if outside.is_empty() {
        return Ok(filter);
    }
    Ok(format!("{filter} AND NOT {PLACE} IN [{}]", quoted_list(outside.iter())))
}

fn km_from(origin: Point, place: &str) -> Option<f64> {
    let at = places::parse(place)?;
    Some(haversine_km((origin.lat, origin.lng), (at.lat, at.lng)))
}

/// The first disk counted for a nearest-first search.
const FIRST_REACH_KM: f64 = 0.5;
/// Below this reach, a disk is taken whatever it holds (documents of one place).
const SMALLEST_REACH_KM: f64 = 0.02;
/// How many times a disk holding too many documents is shrunk before it is taken anyway.
const MOST_SHRINKS: u32 = 4;
/// Beyond this, a disk holds the whole catalogue: no cell filter.
const WHOLE_REACH_KM: f64 = 400.0;

/// Documents of a page, fetched with one query: `limit` documents from `offset` among those
/// of `places` (nearest first) in relevance order. Several places are only ever taken whole,
/// so that ordering their documents by place keeps each place's relevance order. No place:
/// the documents that have none, which come after every place.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub places: Vec<String>,
    pub offset: usize,
    pub limit: usize,
}

impl Slice {
    /// The filter picking the slice's documents among the search's.
    pub fn filter(&self) -> String {
        if self.places.is_empty() {
            format!("{PLACE} NOT EXISTS")
        } else {
            format!("{PLACE} IN [{}]", quoted_list(self.places.iter()))
        }
    }
}

/// The slices of page `page` of the documents that `text` and `filter` keep within
/// `radius_km` (if any), nearest `origin` first (ties in relevance order). With `every_word`,
/// only the documents matching every word of `text` count (see `Plan::every_word`).
///
/// Disks are counted until one holds the page: a document within a disk's reach is in the
/// disk's cells, and the places of those cells beyond the reach wait for a larger disk (or,
/// beyond the radius, are left out). Counting a disk's places costs more the more documents
/// it holds, so a disk holding far more than a few pages is shrunk, one holding too few
/// grown, both by the square root of the ratio (documents spread over an area).
pub async fn nearest(
    index: &Index,
    text: &str,
    every_word: bool,
    filter: &str,
    origin: Point,
    radius_km: Option<u32>,
    page: u32,
) -> Result<Vec<Slice>, Error> {
    let wanted = page as usize * PER_PAGE as usize;
    // Enough to hold the page once the places beyond the reach are set aside.
    let target = (wanted * 4).max(80);
    let limit = radius_km.map_or(WHOLE_REACH_KM, f64::from);
    // A first count sizes the first disk whose places are read.
    let mut reach = FIRST_REACH_KM.min(limit);
    if reach < limit * 0.99 {
        let total = count(index, text, every_word, &and(filter, &disk(origin, reach))).await?;
        let scale = if total == 0 { 4.0 } else { (target as f64 / total as f64).sqrt() };
        reach = (reach * scale.clamp(0.05, 4.0)).clamp(SMALLEST_REACH_KM, limit);
    }
    // Shrinking stops after a few tries, so that shrinking and growing cannot alternate for
    // ever; growing ends at the limit.
    let mut shrinks = 0;
    loop {
        // A disk almost as large as the limit is the limit: the radius, or without one the
        // whole catalogue (no cells, so that documents without a place come too).
        let last = reach >= limit * 0.99;
        if last {
            reach = limit;
        }
        let whole = last && radius_km.is_none();
        let within = if whole { filter.to_owned() } else { and(filter, &disk(origin, reach)) };
        let (found, total) = places_of(index, text, every_word, &within).await?;
        if !last && total > target * 10 && reach > SMALLEST_REACH_KM && shrinks < MOST_SHRINKS {
            shrinks += 1;
            let shrink = (target as f64 / total as f64).sqrt().clamp(0.1, 0.7);
            reach = (reach * shrink).max(SMALLEST_REACH_KM);
            continue;
        }
        let placed: usize = found.iter().map(|(_, n)| n).sum();
        let disk = Disk { reach: if whole { f64::INFINITY } else { reach }, last };
        match settle(found, origin, disk, wanted, total.saturating_sub(placed)) {
            Settled::Page(slices) => return Ok(slices),
            Settled::TooFew(members) => {
                let grow = (target as f64 / members.max(1) as f64).sqrt().clamp(1.5, 4.0);
                reach = (reach * grow).min(limit);
            }
        }
    }
}

/// A disk whose places were counted: the places within `reach` are in order, and when it is
/// the `last`, nothing beyond them will come.
#[derive(Debug, Clone, Copy)]
struct Disk {
    reach: f64,
    last: bool,
}

/// The cells of the disk of `reach` around `origin`.
fn disk(origin: Point, reach: f64) -> String {
    format!("cells IN [{}]", quoted_list(cells::cover(origin, reach).all()))
}

/// What a disk's places give.
#[derive(Debug, PartialEq)]
enum Settled {
    /// The page's slices.
    Page(Vec<Slice>),
    /// Fewer documents within the reach than the page needs: how many.
    TooFew(usize),
}

/// The slices of the page that ends at rank `wanted`, from the places `found` in a disk's
/// cells with how many documents each holds. Only the places within the disk's reach count:
/// a place of its cells beyond it may be farther than one outside the cells, or outside the
/// radius. The last disk's documents without a place (`unplaced`, only when the disk is the
/// whole catalogue) come after its places.
fn settle(
    found: Vec<(String, usize)>,
    origin: Point,
    disk: Disk,
    wanted: usize,
    unplaced: usize,
) -> Settled {
    let mut members: Vec<(String, f64, usize)> = found
        .into_iter()
        .filter_map(|(place, n)| Some((km_from(origin, &place)?, place, n)))
        .filter(|(km, _, _)| *km <= disk.reach)
        .map(|(km, place, n)| (place, km, n))
        .collect();
    let held: usize = members.iter().map(|(_, _, n)| n).sum();
    if held < wanted && !disk.last {
        return Settled::TooFew(held);
    }
    members.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let (from, to) = (wanted - PER_PAGE as usize, wanted);
    let mut slices: Vec<Slice> = Vec::new();
    let mut whole_last = false;
    let mut start = 0;
    for (place, _, n) in members {
        let end = start + n;
        if end > from && start < to {
            let offset = from.saturating_sub(start);
            let limit = end.min(to) - (start + offset);
            match slices.last_mut() {
                Some(previous) if whole_last && offset == 0 && limit == n => {
                    previous.places.push(place);
                    previous.limit += n;
                }
                _ => {
                    whole_last = offset == 0 && limit == n;
                    slices.push(Slice { places: vec![place], offset, limit });
                }
            }
        }
        start = end;
    }
    if disk.last && start < to && unplaced > 0 {
        let offset = from.saturating_sub(start);
        let limit = (to - start.max(from)).min(unplaced.saturating_sub(offset));
        if limit > 0 {
            slices.push(Slice { places: Vec::new(), offset, limit });
        }
    }
    Settled::Page(slices)
}

/// The page's hits: each slice's answer, a slice of several places ordered by place (each
/// keeps its relevance order), one after the other.
pub fn in_order<T: Retrieved>(
    slices: &[Slice],
    answers: Vec<Vec<SearchResult<T>>>,
) -> Vec<SearchResult<T>> {
    let mut page = Vec::new();
    for (slice, mut hits) in slices.iter().zip(answers) {
        if slice.places.len() > 1 {
            hits.sort_by_key(|hit| {
                let place = hit.result.facets().place.as_deref().unwrap_or_default();
                slice.places.iter().position(|p| p == place).unwrap_or(usize::MAX)
            });
        }
        page.extend(hits);
    }
    page
}

/// How many documents `text` and `filter` keep.
async fn count(index: &Index, text: &str, every_word: bool, filter: &str) -> Result<usize, Error> {
    let mut search = index.search();
    search
        .with_query(text)
        .with_matching_strategy(strategy(every_word))
        .with_hits_per_page(0)
        .with_page(1);
    if !filter.is_empty() {
        search.with_filter(filter);
    }
    // Counts only: no hit to read.
    let answer = search.execute::<IgnoredAny>().await?;
    Ok(answer.total_hits.unwrap_or_default())
}

/// The places of the documents that `text` and `filter` keep, with how many each holds, and
/// how many documents there are (some may have no place).
async fn places_of(
    index: &Index,
    text: &str,
    every_word: bool,
    filter: &str,
) -> Result<(Vec<(String, usize)>, usize), Error> {
    let mut search = index.search();
    search
        .with_query(text)
        .with_matching_strategy(strategy(every_word))
        .with_hits_per_page(0)
        .with_page(1)
        .with_facets(Selectors::Some(&[PLACE]));
    if !filter.is_empty() {
        search.with_filter(filter);
    }
    // Counts only: no hit to read.
    let answer = search.execute::<IgnoredAny>().await?;
    let total = answer.total_hits.unwrap_or_default();
    let places: Vec<(String, usize)> = answer
        .facet_distribution
        .and_then(|mut facets| facets.remove(PLACE))
        .map(|counts| counts.into_iter().collect())
        .unwrap_or_default();
    if places.len() >= MAX_STRUCTURES {
        // Meilisearch lists at most this many values of a facet: beyond it, places go
        // missing and distances would be wrong.
        tracing::error!(
            places = places.len(),
            "more places than a facet lists: raise MAX_STRUCTURES"
        );
    }
    Ok((places, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::hits::{FacetsHit, StructureHit, StructureText};

    const ORIGIN: Point = Point { lat: 45.188, lng: 5.724 };

    /// The place `km` north of the origin.
    fn north(km: f64) -> String {
        places::key(Point { lat: ORIGIN.lat + km / 111.195, lng: ORIGIN.lng })
    }

    fn slices(settled: Settled) -> Vec<Slice> {
        match settled {
            Settled::Page(slices) => slices,
            Settled::TooFew(n) => panic!("too few: {n}"),
        }
    }

    fn slice(places: &[String], offset: usize, limit: usize) -> Slice {
        Slice { places: places.to_vec(), offset, limit }
    }

    #[test]
    fn places_beyond_the_reach_wait_for_a_larger_disk() {
        let found = vec![(north(0.5), 19), (north(1.2), 30)];
        assert_eq!(settle(found, ORIGIN, within(1.0), 20, 0), Settled::TooFew(19));
    }

    #[test]
    fn whole_places_share_a_query_and_cut_ones_have_their_own() {
        let (a, b, c, d) = (north(0.1), north(0.2), north(0.3), north(0.4));
        // In any order from Meilisearch: a holds ranks 0-14, b 15-19, c 20-27, d 28-39.
        let found = vec![(d.clone(), 12), (b.clone(), 5), (a.clone(), 15), (c.clone(), 8)];
        let first = slices(settle(found.clone(), ORIGIN, within(1.0), 20, 0));
        assert_eq!(first, [slice(&[a.clone(), b.clone()], 0, 20)]);
        let second = slices(settle(found.clone(), ORIGIN, within(1.0), 40, 0));
        assert_eq!(second, [slice(&[c.clone(), d.clone()], 0, 20)]);
        // A page starting inside a place, then whole places, then one cut at the end.
        let found = vec![(a.clone(), 25), (b.clone(), 3), (c.clone(), 4), (d.clone(), 50)];
        let second = slices(settle(found, ORIGIN, within(1.0), 40, 0));
        assert_eq!(
            second,
            [slice(&[a], 20, 5), slice(&[b, c], 0, 7), slice(&[d], 0, 8)],
            "20 documents from rank 20"
        );
    }

    #[test]
    fn one_crowded_place_gives_the_page_from_its_offset() {
        let found = vec![(north(0.3), 500)];
        assert_eq!(
            slices(settle(found, ORIGIN, within(1.0), 60, 0)),
            [slice(&[north(0.3)], 40, 20)]
        );
    }

    /// A disk of `reach` km that is not the last.
    fn within(reach: f64) -> Disk {
        Disk { reach, last: false }
    }

    #[test]
    fn the_radius_keeps_its_places_and_leaves_the_rest_out() {
        let found = vec![(north(3.0), 12), (north(1.0), 3), (north(5.5), 40)];
        let radius = Disk { reach: 5.0, last: true };
        let page = slices(settle(found, ORIGIN, radius, 20, 0));
        assert_eq!(page, [slice(&[north(1.0), north(3.0)], 0, 15)], "fewer than a page is the end");
    }

    #[test]
    fn the_whole_catalogue_gives_its_places_then_the_documents_without_one() {
        let whole = Disk { reach: f64::INFINITY, last: true };
        let found = vec![(north(3.0), 12), (north(900.0), 3)];
        let page = slices(settle(found, ORIGIN, whole, 20, 30));
        assert_eq!(page, [slice(&[north(3.0), north(900.0)], 0, 15), slice(&[], 0, 5)]);
        let second = slices(settle(vec![(north(3.0), 12)], ORIGIN, whole, 40, 30));
        assert_eq!(second, [slice(&[], 8, 20)], "ranks 20 to 39: 8 to 27 of the unplaced");
        let past_the_end = slices(settle(vec![(north(3.0), 12)], ORIGIN, whole, 60, 30));
        assert_eq!(past_the_end, [slice(&[], 28, 2)]);
    }

    #[test]
    fn a_slice_of_several_places_is_ordered_by_place_keeping_relevance_within_each() {
        let (a, b) = (north(0.1), north(0.2));
        let hit = |id: &str, place: &str| SearchResult {
            result: StructureHit {
                id: id.to_owned(),
                slug: id.to_owned(),
                text: StructureText { name: id.to_owned(), description: None },
                facets: FacetsHit {
                    kinds: Vec::new(),
                    commune: None,
                    labels: Vec::new(),
                    esus: false,
                    hqs_label: None,
                    place: Some(place.to_owned()),
                },
            },
            formatted_result: None,
            matches_position: None,
            ranking_score: None,
            ranking_score_details: None,
            federation: None,
        };
        let answers = vec![
            vec![hit("b1", &b), hit("a1", &a), hit("b2", &b), hit("a2", &a)],
            vec![hit("c1", "elsewhere")],
        ];
        let slices = [slice(&[a.clone(), b.clone()], 0, 4), slice(&[north(0.5)], 3, 1)];
        let page: Vec<String> =
            in_order(&slices, answers).into_iter().map(|h| h.result.id).collect();
        assert_eq!(page, ["a1", "a2", "b1", "b2", "c1"]);
    }
}
