//! Distances on the Earth's surface.

/// Great-circle distance in kilometres between two (latitude, longitude) points.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6_371.0;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let d_lat = lat2 - lat1;
    let d_lng = (b.1 - a.1).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lng / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// A distance as French writes it, to the tenth: « 2,4 km ».
pub fn kilometres(km: f64) -> String {
    format!("{km:.1} km").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::{haversine_km, kilometres};

    #[test]
    fn distances_are_written_the_french_way() {
        assert_eq!(kilometres(0.0), "0,0 km");
        assert_eq!(kilometres(12.345), "12,3 km");
    }

    #[test]
    fn grenoble_to_lyon_is_about_95_km() {
        let d = haversine_km((45.1885, 5.7245), (45.7640, 4.8357));
        assert!((94.0..97.0).contains(&d), "{d}");
        assert_eq!(haversine_km((45.0, 5.0), (45.0, 5.0)), 0.0);
    }
}
