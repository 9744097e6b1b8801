//! Property tests of the parsers users feed (issue « hardening »): whatever is typed or sent,
//! a parser answers — a value or a French message — and never panics; what it accepts, it
//! accepts again once written back. The imports' « nothing stored » half lives in the
//! integration tests (`tests/integration/security/bad_input.rs`).

use proptest::prelude::*;
use strum::VariantArray;

use super::{
    Code,
    directory::{Cpv, Siren, Siret, siret::passes_luhn},
    hqs::{CriterionCode, Referential, RequirementForm},
    search::{
        SearchQuery,
        query::{MAX_PAGE, MAX_RADIUS_KM},
    },
    watch::{Mapping, parse_row},
};

/// A few characters people type by mistake, among ordinary ones.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[0-9 ]{0,20}",
        "[0-9]{8}-?[0-9]?",
        "[-+=@., 0-9a-zA-Zéèàç\u{a0}\t\\\\\"';]{0,30}",
    ]
}

/// The digit Luhn asks after `prefix`.
fn luhn_completed(prefix: &str) -> String {
    (0..10)
        .map(|d| format!("{prefix}{d}"))
        .find(|n| passes_luhn(n))
        .expect("one digit completes a Luhn number")
}

/// The parameters of a search address, and one the page never sends.
const SEARCH_KEYS: [&str; 18] = [
    "q",
    "type",
    "famille",
    "secteur",
    "prestation",
    "commune",
    "label",
    "esus",
    "hqs",
    "profil",
    "pres_de",
    "lat",
    "lng",
    "rayon",
    "tri",
    "page",
    "cible",
    "target",
];

proptest! {
    #[test]
    fn a_siret_or_siren_is_read_or_refused_in_french(input in typed()) {
        match Siret::parse(&input) {
            Ok(siret) => {
                prop_assert_eq!(siret.as_str().len(), 14);
                prop_assert!(siret.as_str().bytes().all(|b| b.is_ascii_digit()));
            }
            Err(message) => prop_assert!(message.contains("SIRET"), "{}", message),
        }
        match Siren::parse(&input) {
            Ok(siren) => prop_assert!(passes_luhn(siren.as_str())),
            Err(message) => prop_assert!(message.contains("SIREN"), "{}", message),
        }
    }

    #[test]
    fn a_valid_siret_is_read_however_spaced_and_a_changed_digit_is_caught(
        prefix in "[1-9][0-9]{12}",
        spaces in proptest::collection::vec(0usize..14, 0..4),
        at in 0usize..14,
        by in 1u8..10,
    ) {
        let number = luhn_completed(&prefix);
        let mut spaced = number.clone();
        for s in spaces.iter().rev() {
            spaced.insert(*s, ' ');
        }
        // La Poste's SIRETs follow their own rule.
        prop_assume!(!number.starts_with("356000000"));
        prop_assert_eq!(Siret::parse(&spaced).map(|s| s.as_str().to_owned()), Ok(number.clone()));
        let mut changed = number.into_bytes();
        changed[at] = b'0' + (changed[at] - b'0' + by) % 10;
        let changed = String::from_utf8(changed).expect("digits");
        prop_assert!(Siret::parse(&changed).is_err(), "Luhn catches one changed digit: {}", changed);
    }

    #[test]
    fn a_cpv_code_is_eight_digits_and_an_optional_check_digit(input in typed()) {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let (main, check) = compact.split_once('-').map_or((compact.as_str(), None), |(m, c)| (m, Some(c)));
        let shaped = main.len() == 8
            && main.bytes().all(|b| b.is_ascii_digit())
            && check.is_none_or(|c| c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit()));
        match Cpv::parse(&input) {
            Ok(cpv) => {
                prop_assert!(shaped, "{:?} accepted", input);
                prop_assert_eq!(Cpv::parse(cpv.as_str()).ok(), Some(cpv.clone()), "read again");
            }
            Err(message) => {
                prop_assert!(!shaped, "{:?} refused", input);
                prop_assert!(message.contains("CPV"), "{}", message);
            }
        }
    }

    #[test]
    fn a_search_address_reads_within_its_bounds_and_writes_back_the_same(
        pairs in proptest::collection::vec(
            (prop_oneof![
                proptest::sample::select(SEARCH_KEYS.to_vec()).prop_map(str::to_owned),
                "[a-z]{1,6}",
            ], typed()),
            0..12,
        )
    ) {
        let query = SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!(query.text.chars().count() <= 200);
        prop_assert!((1..=MAX_PAGE).contains(&query.page));
        prop_assert!(query.radius_km.is_none_or(|r| r <= MAX_RADIUS_KM));
        prop_assert!(query.labels.iter().all(|l| !l.contains('\\') && !l.chars().any(char::is_control)));
        let written = query.to_pairs();
        let again = SearchQuery::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(again, query);
    }

    #[test]
    fn a_profile_form_is_read_or_refused_field_by_field(
        name in typed(),
        scope in typed(),
        fields in proptest::collection::vec(
            (0..CriterionCode::VARIANTS.len(),
             prop_oneof![Just("use"), Just("requirement"), Just("weight"), Just("min"),
                         Just("amount"), Just("labour"), Just("rate"), Just("cost"),
                         Just("km"), Just("origin")],
             prop_oneof![Just("on".to_owned()), Just("mandatory".to_owned()), typed()]),
            0..16,
        ),
    ) {
        let mut form = RequirementForm { name, scope_cpv: scope, ..RequirementForm::default() };
        for (criterion, field, value) in fields {
            let code = CriterionCode::VARIANTS[criterion].code();
            form.values.insert(format!("{code}.{field}"), value);
        }
        let referential = Referential::initial();
        match form.parse(&referential) {
            Ok(draft) => {
                let again = RequirementForm::of(&draft).parse(&referential);
                prop_assert_eq!(again.ok(), Some(draft), "a profile read is read again");
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for (field, message) in errors.entries() {
                    prop_assert!(!field.is_empty() && !message.trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn a_purchase_row_is_typed_or_each_bad_cell_is_named(
        cells in proptest::collection::vec(typed(), 0..10),
    ) {
        let headers: Vec<String> = [
            "Fournisseur", "SIRET", "Montant HT", "Date", "CPV", "Service", "Clause", "Lieu",
            "Heures",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
        let mapping = Mapping::guess(&headers);
        if let Err(errors) = parse_row(&mapping, &headers, &cells) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(
                    headers.iter().any(|h| e.column.ends_with(&format!("« {h} »"))),
                    "{} names a column",
                    e.column
                );
                prop_assert!(!e.message.trim().is_empty());
            }
        }
    }
}
