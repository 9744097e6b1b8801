//! A place as the indexes hold it: a document's coordinates written as one facet value. The
//! facet distribution of a search then says which places it matches and how many documents
//! each holds, without Meilisearch reading a single document, and the app measures each place
//! exactly from its value.

use super::query::Point;

/// The facet value of a place: latitude and longitude in their shortest exact decimal form,
/// so that [`parse`] gives back the very same numbers.
pub fn key(at: Point) -> String {
    format!("{},{}", at.lat, at.lng)
}

/// The place a facet value names.
pub fn parse(key: &str) -> Option<Point> {
    let (lat, lng) = key.split_once(',')?;
    let at = Point { lat: lat.parse().ok()?, lng: lng.parse().ok()? };
    (at.lat.is_finite() && at.lng.is_finite()).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reads_back_exactly() {
        for at in [
            Point { lat: 45.1804, lng: 5.73038 },
            Point { lat: 45.188_123_456_789, lng: -0.000_001 },
            Point { lat: -33.9, lng: 151.2 },
        ] {
            assert_eq!(parse(&key(at)), Some(at));
        }
        assert_eq!(key(Point { lat: 45.18, lng: 5.7 }), "45.18,5.7");
    }

    #[test]
    fn anything_else_is_no_place() {
        for bad in ["", "45.18", "45.18;5.7", "nord,sud", "NaN,5.7", "inf,1"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
