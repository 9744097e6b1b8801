//! DECP's XML read one record at a time with quick-xml's event reader: each `<marche>` under
//! `<marches>` is gathered into a small `Value` (an element with children becomes an object,
//! a repeated child a list, an element with text alone its text), the same shape the JSON
//! reader gives, then handed over; `<contrat-concession>` records are counted and skipped.
//! DECP files are UTF-8: a file in another encoding is refused with a French message.

use std::{io::BufRead, ops::ControlFlow};

use quick_xml::{Reader, escape::resolve_predefined_entity, events::Event};
use serde_json::{Map, Value};

use super::{record::Item, source::ENCODING};

/// An element being read: its name, its children, its text.
struct Frame {
    name: String,
    children: Map<String, Value>,
    text: String,
}

impl Frame {
    fn new(name: String) -> Self {
        Self { name, children: Map::new(), text: String::new() }
    }

    fn value(self) -> Value {
        if self.children.is_empty() {
            Value::String(self.text.trim().to_owned())
        } else {
            Value::Object(self.children)
        }
    }
}

/// A repeated child becomes a list.
fn add_child(parent: &mut Frame, name: String, value: Value) {
    match parent.children.get_mut(&name) {
        None => {
            parent.children.insert(name, value);
        }
        Some(Value::Array(list)) => list.push(value),
        Some(existing) => {
            let first = existing.take();
            *existing = Value::Array(vec![first, value]);
        }
    }
}

fn french(error: &quick_xml::Error, position: u64) -> String {
    match error {
        quick_xml::Error::Encoding(_) => ENCODING.to_owned(),
        _ => format!("Le fichier n'est pas du XML valide (vers l'octet {position}) : {error}."),
    }
}

/// Where the reading stands: inside `<marches>` or not, the record being gathered (its open
/// elements, outermost first), the depth of an element being skipped.
struct Walker<'a> {
    inside: bool,
    root_seen: bool,
    stack: Vec<Frame>,
    skipping: usize,
    skipping_concession: bool,
    each: &'a mut dyn FnMut(Item) -> ControlFlow<()>,
}

impl Walker<'_> {
    fn open(&mut self, name: String, empty: bool) -> Result<ControlFlow<()>, String> {
        if self.skipping > 0 {
            self.skipping += usize::from(!empty);
            return Ok(ControlFlow::Continue(()));
        }
        if !self.stack.is_empty() {
            if empty {
                return Ok(self.close_frame(Frame::new(name)));
            }
            self.stack.push(Frame::new(name));
            return Ok(ControlFlow::Continue(()));
        }
        if !self.inside {
            if name != "marches" {
                return Err(format!(
                    "L'élément racine est <{name}> : un fichier DECP commence par <marches>."
                ));
            }
            self.root_seen = true;
            self.inside = !empty;
            return Ok(ControlFlow::Continue(()));
        }
        match (name.as_str(), empty) {
            ("marche", true) => return Ok((self.each)(Item::Contract(Value::Null))),
            ("marche", false) => self.stack.push(Frame::new(name)),
            ("contrat-concession", true) => return Ok((self.each)(Item::Concession)),
            (other, false) => {
                self.skipping = 1;
                self.skipping_concession = other == "contrat-concession";
            }
            (_, true) => {}
        }
        Ok(ControlFlow::Continue(()))
    }

    fn close(&mut self) -> ControlFlow<()> {
        if self.skipping > 0 {
            self.skipping -= 1;
            if self.skipping == 0 && self.skipping_concession {
                return (self.each)(Item::Concession);
            }
            return ControlFlow::Continue(());
        }
        match self.stack.pop() {
            Some(frame) => self.close_frame(frame),
            None => {
                self.inside = false;
                ControlFlow::Continue(())
            }
        }
    }

    /// Ends an element: added to its parent, or, for a whole `marche`, handed over.
    fn close_frame(&mut self, frame: Frame) -> ControlFlow<()> {
        match self.stack.last_mut() {
            Some(parent) => {
                let name = frame.name.clone();
                add_child(parent, name, frame.value());
                ControlFlow::Continue(())
            }
            None => (self.each)(Item::Contract(frame.value())),
        }
    }

    fn text(&mut self) -> Option<&mut String> {
        if self.skipping > 0 {
            return None;
        }
        self.stack.last_mut().map(|f| &mut f.text)
    }
}

fn local_name(start: &quick_xml::events::BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

/// Calls `each` with every record of the file, in order; the error is French.
pub fn each_record(
    input: impl BufRead,
    each: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> Result<(), String> {
    let mut reader = Reader::from_reader(input);
    let mut buffer = Vec::new();
    let mut walker = Walker {
        inside: false,
        root_seen: false,
        stack: Vec::new(),
        skipping: 0,
        skipping_concession: false,
        each,
    };
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|e| french(&e, reader.buffer_position()))?;
        let flow = match event {
            Event::Start(start) => walker.open(local_name(&start), false)?,
            Event::Empty(start) => walker.open(local_name(&start), true)?,
            Event::End(_) => walker.close(),
            Event::Text(text) => {
                if let Some(into) = walker.text() {
                    into.push_str(&text.xml10_content());
                }
                ControlFlow::Continue(())
            }
            Event::CData(data) => {
                if let Some(into) = walker.text() {
                    into.push_str(&data);
                }
                ControlFlow::Continue(())
            }
            Event::GeneralRef(reference) => {
                let name = reference.to_string();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name).map(str::to_owned).ok_or_else(|| {
                        format!("Le fichier XML cite une entité inconnue : &{name};")
                    })?,
                };
                if let Some(into) = walker.text() {
                    into.push_str(&resolved);
                }
                ControlFlow::Continue(())
            }
            Event::Eof => break,
            _ => ControlFlow::Continue(()),
        };
        if flow.is_break() {
            return Ok(());
        }
        buffer.clear();
    }
    if !walker.root_seen {
        return Err("Le fichier XML ne contient pas d'élément <marches>.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Result<Vec<Value>, String> {
        let mut seen = Vec::new();
        each_record(text, &mut |item| {
            seen.push(match item {
                Item::Contract(v) => v,
                Item::Concession => Value::from("concession"),
            });
            ControlFlow::Continue(())
        })?;
        Ok(seen)
    }

    #[test]
    fn records_become_values_with_lists_for_repeated_children() {
        let text = br#"<?xml version="1.0" encoding="UTF-8"?>
            <marches>
              <marche><id>A&amp;1</id><montant>1500.5</montant>
                <titulaires><titulaire><id>1</id></titulaire><titulaire><id>2</id></titulaire></titulaires>
                <considerationsSociales><considerationSociale>Clause sociale</considerationSociale></considerationsSociales>
                <objet><![CDATA[Nettoyage <bureaux>]]></objet><vide/>
              </marche>
              <contrat-concession><id>C</id><concessionnaires><concessionnaire/></concessionnaires></contrat-concession>
              <marche><id>B</id></marche>
            </marches>"#;
        let read = read(text).expect("readable");
        assert_eq!(read.len(), 3);
        assert_eq!(read[0]["id"], "A&1");
        assert_eq!(read[0]["montant"], "1500.5");
        assert_eq!(read[0]["titulaires"]["titulaire"][1]["id"], "2");
        assert_eq!(read[0]["considerationsSociales"]["considerationSociale"], "Clause sociale");
        assert_eq!(read[0]["objet"], "Nettoyage <bureaux>");
        assert_eq!(read[0]["vide"], "");
        assert_eq!((&read[1], &read[2]["id"]), (&Value::from("concession"), &Value::from("B")));
    }

    #[test]
    fn a_wrong_file_is_refused_in_french() {
        assert!(read(b"<contrats><marche/></contrats>").expect_err("root").contains("<marches>"));
        assert!(
            read(b"<marches><marche><id>1</marche></marches>")
                .expect_err("broken")
                .contains("XML valide")
        );
        let latin1 = b"<marches><marche><objet>R\xe9gie</objet></marche></marches>";
        assert!(read(latin1).expect_err("latin-1 undeclared").contains("UTF-8"));
        let declared = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><marches><marche><objet>R\xe9gie</objet></marche></marches>";
        assert!(read(declared).expect_err("declared latin-1").contains("UTF-8"));
    }
}
