//! Approximate centres of the Métropole's communes (WGS 84, to within a kilometre or two):
//! enough to place demo structures and to search "near a commune", never an address.

pub const CENTRES: &[(&str, f64, f64)] = &[
    ("38057", 45.135, 5.745),
    ("38059", 45.125, 5.780),
    ("38068", 45.110, 5.725),
    ("38071", 45.075, 5.735),
    ("38111", 45.120, 5.672),
    ("38126", 45.215, 5.763),
    ("38150", 45.203, 5.838),
    ("38151", 45.144, 5.718),
    ("38158", 45.148, 5.750),
    ("38169", 45.193, 5.686),
    ("38170", 45.253, 5.665),
    ("38179", 45.181, 5.792),
    ("38185", 45.188, 5.724),
    ("38187", 45.020, 5.610),
    ("38188", 45.138, 5.793),
    ("38200", 45.113, 5.758),
    ("38229", 45.210, 5.780),
    ("38235", 45.000, 5.640),
    ("38252", 45.093, 5.762),
    ("38258", 45.270, 5.680),
    ("38271", 45.185, 5.823),
    ("38277", 45.008, 5.700),
    ("38279", 45.062, 5.757),
    ("38281", 45.245, 5.632),
    ("38309", 45.158, 5.762),
    ("38317", 45.123, 5.698),
    ("38325", 45.295, 5.700),
    ("38328", 45.258, 5.717),
    ("38364", 45.038, 5.830),
    ("38382", 45.233, 5.682),
    ("38388", 45.045, 5.705),
    ("38421", 45.167, 5.765),
    ("38423", 45.203, 5.717),
    ("38436", 45.070, 5.640),
    ("38445", 45.055, 5.765),
    ("38471", 45.262, 5.777),
    ("38472", 45.285, 5.750),
    ("38474", 45.205, 5.663),
    ("38478", 45.055, 5.835),
    ("38485", 45.178, 5.690),
    ("38486", 45.163, 5.682),
    ("38516", 45.205, 5.745),
    ("38524", 45.088, 5.680),
    ("38528", 45.110, 5.815),
    ("38529", 45.120, 5.823),
    ("38533", 45.170, 5.810),
    ("38540", 45.270, 5.613),
    ("38545", 45.055, 5.670),
    ("38562", 45.078, 5.772),
];

/// The approximate centre of a commune of the Métropole.
pub fn centre(insee: &str) -> Option<(f64, f64)> {
    // `CENTRES` is in INSEE order (tested below).
    let at = CENTRES.binary_search_by(|(code, ..)| (*code).cmp(insee)).ok()?;
    let (_, lat, lng) = CENTRES[at];
    Some((lat, lng))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::communes::communes;

    #[test]
    fn centres_are_in_insee_order() {
        assert!(CENTRES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn every_commune_has_a_centre_inside_the_metropole() {
        for commune in communes() {
            let (lat, lng) = centre(commune.insee).expect(commune.name);
            assert!(
                (44.95..45.35).contains(&lat) && (5.55..5.90).contains(&lng),
                "{}",
                commune.name
            );
        }
        assert_eq!(CENTRES.len(), communes().len());
    }
}
