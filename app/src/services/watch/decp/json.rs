//! DECP's JSON read one record at a time: a serde visitor walks `{"marches": {"marche":
//! [...], "contrat-concession": [...]}}` (or the older `{"marches": [...]}`, or a bare list)
//! and hands over each `marche` as a small `Value` as soon as it is read; the document is
//! never held whole. Concessions are counted and skipped without being kept.

use std::{fmt, io::Read, ops::ControlFlow};

use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
    value::MapAccessDeserializer,
};
use serde_json::Value;

use super::{record::Item, source::ENCODING};

/// What receives the records; breaking stops the reading.
type Each<'a> = &'a mut dyn FnMut(Item) -> ControlFlow<()>;

/// The error that stops the visitor when the receiver breaks: not shown.
const STOPPED: &str = "lecture interrompue";

/// Calls `each` with every record of the file, in order. The error is French and says why
/// the file cannot be read at all.
pub fn each_record(reader: impl Read, each: Each<'_>) -> Result<(), String> {
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let read = Root { each }.deserialize(&mut deserializer).and_then(|()| deserializer.end());
    match read {
        Ok(()) => Ok(()),
        Err(e) if e.to_string().starts_with(STOPPED) => Ok(()),
        Err(e) => Err(french(&e)),
    }
}

fn french(error: &serde_json::Error) -> String {
    let at = format!("ligne {}, colonne {}", error.line(), error.column());
    let text = error.to_string();
    if text.contains("unicode") || text.contains("UTF-8") {
        return format!("{ENCODING} (Caractère illisible {at}.)");
    }
    match error.classify() {
        serde_json::error::Category::Eof => {
            format!("Le fichier JSON s'arrête au milieu ({at}) : il est incomplet.")
        }
        serde_json::error::Category::Data => format!(
            "Le fichier n'a pas la forme des DECP ({at}) : {{\"marches\": {{\"marche\": [...]}}}} \
             est attendu."
        ),
        _ => format!("Le fichier n'est pas du JSON valide ({at})."),
    }
}

struct Root<'a> {
    each: Each<'a>,
}

impl<'de> DeserializeSeed<'de> for Root<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Root<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{\"marches\": …}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "marches" {
                map.next_value_seed(Marches { each: &mut *self.each })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Records { each: self.each, concessions: false }.visit_seq(seq)
    }
}

/// `marches`: an object of lists by kind (v2), or the list itself (older files).
struct Marches<'a> {
    each: Each<'a>,
}

impl<'de> DeserializeSeed<'de> for Marches<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Marches<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{\"marche\": [...]} ou une liste de marchés")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let concessions = match key.as_str() {
                "marche" => false,
                "contrat-concession" | "contrats-concession" => true,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            map.next_value_seed(Records { each: &mut *self.each, concessions })?;
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Records { each: self.each, concessions: false }.visit_seq(seq)
    }
}

/// A list of records of one kind (or a lone record where a list was due).
struct Records<'a> {
    each: Each<'a>,
    concessions: bool,
}

impl Records<'_> {
    fn give<E: de::Error>(&mut self, value: Value) -> Result<(), E> {
        let item = if self.concessions || is_concession(&value) {
            Item::Concession
        } else {
            Item::Contract(value)
        };
        match (self.each)(item) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(E::custom(STOPPED)),
        }
    }
}

/// An older flat file marks a concession in its list with `_type`.
fn is_concession(value: &Value) -> bool {
    value.get("_type").and_then(Value::as_str).is_some_and(|t| t.contains("oncession"))
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("une liste de marchés")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        if self.concessions {
            // Skipped unread: only counted.
            while seq.next_element::<IgnoredAny>()?.is_some() {
                self.give(Value::Null)?;
            }
            return Ok(());
        }
        while let Some(value) = seq.next_element::<Value>()? {
            self.give(value)?;
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let value = serde::Deserialize::deserialize(MapAccessDeserializer::new(map))?;
        self.give(value)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<String>, String> {
        let mut seen = Vec::new();
        each_record(text.as_bytes(), &mut |item| {
            seen.push(match item {
                Item::Contract(v) => v["id"].as_str().unwrap_or("?").to_owned(),
                Item::Concession => "concession".to_owned(),
            });
            ControlFlow::Continue(())
        })?;
        Ok(seen)
    }

    #[test]
    fn every_shape_gives_its_records_in_order() {
        let v2 = r#"{"marches": {"marche": [{"id": "a"}, {"id": "b"}],
            "contrat-concession": [{"id": "c", "valeurGlobale": 1}]}}"#;
        assert_eq!(read(v2).expect("v2"), ["a", "b", "concession"]);
        let flat = r#"{"marches": [{"id": "a"}, {"_type": "Contrat de concession"}]}"#;
        assert_eq!(read(flat).expect("flat"), ["a", "concession"]);
        assert_eq!(read(r#"[{"id": "x"}]"#).expect("bare list"), ["x"]);
        assert_eq!(read(r#"{"marches": {"marche": {"id": "lone"}}}"#).expect("lone"), ["lone"]);
        assert_eq!(read(r#"{"autre": 1}"#).expect("nothing"), Vec::<String>::new());
    }

    #[test]
    fn a_broken_file_says_where_in_french() {
        assert!(
            read(r#"{"marches": {"marche": [{"id": "a"},"#).expect_err("eof").contains("incomplet")
        );
        assert!(
            read(r#"{"marches": {"marche": [{"id": "a"}}}"#)
                .expect_err("syntax")
                .contains("ligne 1")
        );
        assert!(read(r#"{"marches": 3}"#).expect_err("shape").contains("forme des DECP"));
        let latin1 = b"{\"marches\": {\"marche\": [{\"objet\": \"R\xe9gie\"}]}}";
        let mut sink = |_: Item| ControlFlow::Continue(());
        assert!(each_record(&latin1[..], &mut sink).expect_err("latin-1").contains("UTF-8"));
    }

    #[test]
    fn breaking_stops_the_reading_without_error() {
        let mut count = 0;
        let text = r#"{"marches": {"marche": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}}"#;
        each_record(text.as_bytes(), &mut |_| {
            count += 1;
            if count == 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        })
        .expect("stopped");
        assert_eq!(count, 2);
    }
}
