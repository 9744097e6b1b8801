//! The CPV codes an evaluation reads from what the directory declares: an offer's list of
//! codes, a structure's sectors of activity.

use crate::domain::directory::{Cpv, Sector};

/// The valid codes of a list separated by spaces (an offer's), in order; the others are left
/// out.
pub fn cpv_list(codes: &str) -> Vec<Cpv> {
    codes.split_whitespace().filter_map(|c| Cpv::parse(c).ok()).collect()
}

/// The codes covering the known sectors among `sectors`, in order, a code following itself
/// only once.
pub fn cpv_of_sectors<'a>(sectors: impl IntoIterator<Item = &'a str>) -> Vec<Cpv> {
    let mut cpv: Vec<Cpv> = sectors
        .into_iter()
        .filter_map(Sector::find)
        .flat_map(|s| s.cpv.iter().filter_map(|c| Cpv::parse(c).ok()))
        .collect();
    cpv.dedup();
    cpv
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(cpv: &[Cpv]) -> Vec<&str> {
        cpv.iter().map(Cpv::as_str).collect()
    }

    #[test]
    fn an_offer_list_keeps_its_valid_codes_in_order() {
        assert_eq!(codes(&cpv_list(" 90910000  7731 77310000-6 ")), ["90910000", "77310000-6"]);
        assert!(cpv_list("").is_empty());
    }

    #[test]
    fn sectors_give_their_codes_and_unknown_ones_nothing() {
        let cpv = cpv_of_sectors(["espaces-verts", "inconnu", "espaces-verts"]);
        assert_eq!(
            codes(&cpv),
            ["77310000", "77311000", "45112710", "77310000", "77311000", "45112710"]
        );
        assert!(cpv_of_sectors(["inconnu"]).is_empty());
    }
}
