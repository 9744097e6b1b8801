//! Which label a structure holds now, among its files: the first one granted (a structure
//! has at most one).

use super::{LabelState, Level};
use crate::domain::Code;

/// A label file, as far as holding it goes (codes as stored).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileSummary<'a> {
    pub state: &'a str,
    pub number: Option<&'a str>,
    pub level: Option<&'a str>,
    /// `AAAA-MM-JJ`.
    pub valid_until: Option<&'a str>,
}

/// The label held: its number, its level (none when the profile had no weighted criterion),
/// its last valid day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    pub number: String,
    pub level: Option<Level>,
    pub valid_until: String,
}

/// The label held among `files`, if any.
pub fn holding<'a>(files: impl IntoIterator<Item = FileSummary<'a>>) -> Option<Holding> {
    files.into_iter().find(|f| LabelState::from_code(f.state).is_some_and(LabelState::holds)).map(
        |f| Holding {
            number: f.number.unwrap_or_default().to_owned(),
            level: f.level.and_then(Level::from_code),
            valid_until: f.valid_until.unwrap_or_default().to_owned(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(state: &'static str, number: &'static str) -> FileSummary<'static> {
        FileSummary {
            state,
            number: Some(number),
            level: Some("argent"),
            valid_until: Some("2027-06-30"),
        }
    }

    #[test]
    fn the_granted_file_is_held_whatever_comes_before_it() {
        let files = [file("lapsed", "HQS-1"), file("granted", "HQS-2"), file("applying", "")];
        assert_eq!(
            holding(files),
            Some(Holding {
                number: "HQS-2".to_owned(),
                level: Some(Level::Silver),
                valid_until: "2027-06-30".to_owned(),
            })
        );
    }

    #[test]
    fn suspended_withdrawn_or_unknown_states_hold_nothing() {
        let files = [file("suspended", "HQS-1"), file("withdrawn", "HQS-2"), file("???", "X")];
        assert_eq!(holding(files), None);
        assert_eq!(holding([]), None);
    }

    #[test]
    fn a_label_without_level_holds_with_none() {
        let files = [FileSummary { state: "granted", ..FileSummary::default() }];
        let held = holding(files).expect("held");
        assert_eq!((held.level, held.number.as_str(), held.valid_until.as_str()), (None, "", ""));
    }
}
