//! Grid cells: how the indexes answer "within N km" and "nearest first" without a geo index
//! (Meilisearch rewrites a geo index whole on every change, which made a one-offer edit take
//! most of a second on 100,000 offers).
//!
//! The grid splits latitude and longitude into square cells of [`BASE_DEGREES`] halved at each
//! level. Every document carries the key of the cell holding its place at each level; a disk
//! is covered by the cells lying wholly inside it and, on its edge, by small cells that may
//! hold places on either side of the circle. Whether a place on the edge is inside is decided
//! by its own coordinates, never by its cell.

use super::query::Point;
use crate::domain::geo::haversine_km;

/// Side of a level-0 cell, in degrees (about 180 km of latitude).
const BASE_DEGREES: f64 = 1.6;
/// Levels 0 to 12: the finest cells are about 40 m of latitude.
pub const LEVELS: u8 = 13;
/// How many levels a cover refines the cells on its edge below the level it starts at.
const REFINE: u8 = 4;

fn side(level: u8) -> f64 {
    BASE_DEGREES / f64::from(1_u32 << level)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    level: u8,
    row: i64,
    col: i64,
}

impl Cell {
    fn containing(at: Point, level: u8) -> Self {
        let side = side(level);
        Self { level, row: (at.lat / side).floor() as i64, col: (at.lng / side).floor() as i64 }
    }

    fn key(self) -> String {
        format!("{}:{}:{}", self.level, self.row, self.col)
    }

    /// South, north, west, east edges in degrees.
    fn bounds(self) -> (f64, f64, f64, f64) {
        let side = side(self.level);
        let (south, west) = (self.row as f64 * side, self.col as f64 * side);
        (south, south + side, west, west + side)
    }

    fn children(self) -> [Self; 4] {
        let (level, row, col) = (self.level + 1, self.row * 2, self.col * 2);
        [
            Self { level, row, col },
            Self { level, row: row + 1, col },
            Self { level, row, col: col + 1 },
            Self { level, row: row + 1, col: col + 1 },
        ]
    }

    /// The farthest point of a latitude/longitude rectangle from a centre is one of its
    /// corners: along each edge the distance falls to one minimum and rises again.
    fn farthest_km(self, from: Point) -> f64 {
        let (south, north, west, east) = self.bounds();
        [(south, west), (south, east), (north, west), (north, east)]
            .into_iter()
            .map(|corner| haversine_km((from.lat, from.lng), corner))
            .fold(0.0, f64::max)
    }

    /// The distance to the point of the cell nearest `from` along parallels and meridians
    /// (off by well under a metre from the true nearest point at the sizes used here).
    fn nearest_km(self, from: Point) -> f64 {
        let (south, north, west, east) = self.bounds();
        let at = (from.lat.clamp(south, north), from.lng.clamp(west, east));
        haversine_km((from.lat, from.lng), at)
    }
}

/// The keys of the cells holding `at`, one per level: what a document carries.
pub fn cells_of(at: Point) -> Vec<String> {
    (0..LEVELS).map(|level| Cell::containing(at, level).key()).collect()
}

/// The cells covering a disk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cover {
    /// Cells wholly inside the disk: every place in them is within the radius.
    pub inside: Vec<String>,
    /// Small cells crossed by the circle: their places are on either side.
    pub edge: Vec<String>,
}

impl Cover {
    /// Every cell of the cover: a place within the radius is in one of them.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.inside.iter().chain(&self.edge)
    }
}

/// The cells covering the disk of `radius_km` around `centre`. Cells are judged with a
/// margin, so that rounding can only move a cell to the edge, never wrongly inside or out.
pub fn cover(centre: Point, radius_km: f64) -> Cover {
    let margin = 0.01 + radius_km * 0.001;
    let radius_degrees = radius_km / 111.0;
    // The finest level whose cells are at least as large as the radius: a handful of cells
    // span the disk.
    let start = (0..LEVELS).rev().find(|&level| side(level) >= radius_degrees).unwrap_or(0);
    let finest = (start + REFINE).min(LEVELS - 1);
    let lng_degrees = radius_degrees / centre.lat.to_radians().cos().max(0.01);
    let low = Cell::containing(
        Point { lat: centre.lat - radius_degrees, lng: centre.lng - lng_degrees },
        start,
    );
    let high = Cell::containing(
        Point { lat: centre.lat + radius_degrees, lng: centre.lng + lng_degrees },
        start,
    );
    let mut pending: Vec<Cell> = (low.row..=high.row)
        .flat_map(|row| (low.col..=high.col).map(move |col| Cell { level: start, row, col }))
        .collect();
    let mut cover = Cover::default();
    while let Some(cell) = pending.pop() {
        if cell.nearest_km(centre) > radius_km + margin {
            continue;
        }
        if cell.farthest_km(centre) < radius_km - margin {
            cover.inside.push(cell.key());
        } else if cell.level >= finest {
            cover.edge.push(cell.key());
        } else {
            pending.extend(cell.children());
        }
    }
    cover.inside.sort();
    cover.edge.sort();
    cover
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRENOBLE: Point = Point { lat: 45.188, lng: 5.724 };

    fn covered(cover: &Cover, at: Point) -> (bool, bool) {
        let keys = cells_of(at);
        (keys.iter().any(|k| cover.inside.contains(k)), keys.iter().any(|k| cover.edge.contains(k)))
    }

    /// Places on a spiral around Grenoble, from the centre to twice the radius.
    fn places() -> impl Iterator<Item = Point> {
        (0..4000).map(|n| {
            let angle = f64::from(n) * 0.61;
            let reach = f64::from(n) / 4000.0 * 0.13;
            Point {
                lat: GRENOBLE.lat + reach * angle.sin(),
                lng: GRENOBLE.lng + reach * 1.4 * angle.cos(),
            }
        })
    }

    #[test]
    fn every_place_within_the_radius_is_covered_and_inside_cells_hold_only_such_places() {
        for radius in [0.4, 2.0, 5.0, 10.0] {
            let cover = cover(GRENOBLE, radius);
            for at in places() {
                let distance = haversine_km((GRENOBLE.lat, GRENOBLE.lng), (at.lat, at.lng));
                let (inside, edge) = covered(&cover, at);
                if distance <= radius {
                    assert!(inside || edge, "{at:?} at {distance} km is not covered ({radius} km)");
                }
                if inside {
                    assert!(distance <= radius, "{at:?} at {distance} km is inside ({radius} km)");
                }
            }
        }
    }

    #[test]
    fn a_cover_stays_small_and_its_edge_is_a_thin_ring() {
        for radius in [0.5, 5.0, 50.0, 200.0] {
            let cover = cover(GRENOBLE, radius);
            let cells = cover.all().count();
            assert!(cells <= 400, "{cells} cells for {radius} km");
            assert!(!cover.inside.is_empty(), "{radius} km");
        }
    }

    #[test]
    fn a_document_carries_one_cell_per_level() {
        let keys = cells_of(GRENOBLE);
        assert_eq!(keys.len(), usize::from(LEVELS));
        assert_eq!(keys[0], "0:28:3");
        assert!(keys.iter().enumerate().all(|(level, key)| key.starts_with(&format!("{level}:"))));
    }
}
