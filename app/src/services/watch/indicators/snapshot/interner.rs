//! Strings stored once and named by a number: a million lines name a few thousand buyers,
//! suppliers and communes. (A map and a vector: a crate would add nothing here.)

use rustc_hash::FxHashMap;

/// The number of no string (an absent value).
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
}

impl Interner {
    /// The number of `text`, given it if new.
    pub fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.texts.len()).unwrap_or(NONE - 1);
        self.texts.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    pub fn intern_option(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE, |t| self.intern(t))
    }

    /// The number of `text` if it was ever stored, else [`NONE`] (which no line bears as a
    /// present value: a filter on it matches nothing).
    pub fn find(&self, text: &str) -> Option<u32> {
        self.ids.get(text).copied()
    }

    pub fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", |t| t)
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }
}
