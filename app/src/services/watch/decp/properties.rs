//! Property tests of the DECP readers (issue « hardening »): any bytes, and any JSON a record
//! may hold, are read or refused with a French message, never a panic.

use std::{io::BufReader, ops::ControlFlow};

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::{json, record, xml};

/// JSON values as deep and varied as a broken export holds, with the DECP's own keys.
fn value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("acheteur".to_owned()),
        Just("montant".to_owned()),
        Just("dateNotification".to_owned()),
        Just("titulaires".to_owned()),
        Just("titulaire".to_owned()),
        Just("considerationsSociales".to_owned()),
        Just("lieuExecution".to_owned()),
        Just("modifications".to_owned()),
        Just("modification".to_owned()),
        Just("dureeMois".to_owned()),
        Just("codeCPV".to_owned()),
        "[a-zA-Z]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,20}".prop_map(Value::String),
        "[0-9]{14}".prop_map(Value::String),
        "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every record the reader gives, or its French refusal.
fn read_json(bytes: &[u8]) -> Result<usize, String> {
    let mut records = 0;
    json::each_record(bytes, &mut |_| {
        records += 1;
        ControlFlow::Continue(())
    })
    .map(|()| records)
}

proptest! {
    #[test]
    fn any_record_is_a_contract_or_its_bad_fields_in_french(record in value()) {
        if let Err(errors) = record::contract(&record) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.field.is_empty() && !e.message.trim().is_empty());
            }
        }
        let file = serde_json::to_vec(&json!({"marches": {"marche": [record]}})).expect("JSON");
        prop_assert_eq!(read_json(&file), Ok(1), "one record read from the v2 shape");
    }

    #[test]
    fn any_bytes_are_read_or_refused_in_french(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Err(message) = read_json(&bytes) {
            prop_assert!(!message.trim().is_empty());
        }
        let read = xml::each_record(BufReader::new(bytes.as_slice()), &mut |_| ControlFlow::Continue(()));
        if let Err(message) = read {
            prop_assert!(!message.trim().is_empty());
        }
    }

    #[test]
    fn a_cut_file_is_refused_not_half_read(cut in 1usize..120) {
        let file = serde_json::to_vec(&json!({"marches": {"marche": [
            {"id": "2025-1", "montant": 100, "acheteur": {"id": "21380185500015"}},
            {"id": "2025-2", "montant": 200, "acheteur": {"id": "21380185500015"}}
        ]}})).expect("JSON");
        prop_assume!(cut < file.len());
        prop_assert!(read_json(&file[..cut]).is_err(), "a truncated file is refused whole");
    }
}
