//! Inherent `code()` and `parse()` kept for two files being rewritten on other branches
//! (`search/documents.rs`, `services/label/public.rs`), which call them without importing
//! [`Code`]. Once they import it, this file goes.

use super::{
    Code,
    directory::{Family, OfferStatus, StructureKind, StructureStatus},
    label::{LabelState, Level},
};

macro_rules! inherent_code {
    ($($enum:ty),+) => {
        $(impl $enum {
            pub fn code(self) -> &'static str {
                Code::code(self)
            }
        })+
    };
}

inherent_code!(Family, StructureKind, StructureStatus, OfferStatus, LabelState);

impl LabelState {
    pub fn parse(code: &str) -> Option<Self> {
        Self::from_code(code)
    }
}

impl Level {
    pub fn parse(code: &str) -> Option<Self> {
        Self::from_code(code)
    }
}
