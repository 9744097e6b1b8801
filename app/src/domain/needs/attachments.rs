//! PDF files attached to a need: the buyer's (specifications, plans, the notice) and those of
//! each structure's quote (a detailed quote, references). Checked by the rules of
//! [`crate::domain::files`].

use serde::{Deserialize, Serialize};

use super::NeedState;
use crate::domain::files::{FileRule, MB, size_label};

/// PDF only, 10 Mo at most.
pub const NEED_FILE: FileRule = FileRule {
    max_bytes: 10 * MB,
    types: &["application/pdf"],
    wrong_type: "Seuls les fichiers PDF sont acceptés.",
};

/// Files a need carries, and files each quote carries.
pub const MAX_FILES: i64 = 5;

/// Whether the buyer's files of a need in `state` may change: while it is written, examined
/// by the pôle or open to answers; not once its deadline passed, nor once it is awarded.
pub fn need_files_open(state: NeedState, closed: bool) -> bool {
    !closed
        && matches!(
            state,
            NeedState::Draft | NeedState::Returned | NeedState::Submitted | NeedState::Published
        )
}

/// A file as the need's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedFile {
    pub id: String,
    pub file_name: String,
    pub size_bytes: i64,
    /// `None`: the buyer's file of the need; set: a file of that structure's quote.
    pub structure_id: Option<String>,
}

impl NeedFile {
    /// Where the file downloads from.
    pub fn href(&self, need_id: &str) -> String {
        match &self.structure_id {
            None => format!("/besoins/{need_id}/fichiers/{}", self.id),
            Some(s) => format!("/besoins/{need_id}/devis/{s}/fichiers/{}", self.id),
        }
    }

    /// Where the form that removes it posts.
    pub fn remove_href(&self, need_id: &str) -> String {
        format!("{}/supprimer", self.href(need_id))
    }

    pub fn size_label(&self) -> String {
        size_label(self.size_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdfs_of_10_mo_at_most() {
        assert_eq!(NEED_FILE.check(b"%PDF-1.7\n"), Ok("application/pdf"));
        let png = b"\x89PNG\r\n\x1a\n";
        assert_eq!(NEED_FILE.check(png).expect_err("png"), "Seuls les fichiers PDF sont acceptés.");
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(10 * MB + 1, b' ');
        assert_eq!(NEED_FILE.check(&big).expect_err("big"), "Le fichier dépasse 10 Mo.");
    }

    #[test]
    fn the_buyers_files_change_until_the_deadline_and_not_once_awarded() {
        assert!(need_files_open(NeedState::Draft, false));
        assert!(need_files_open(NeedState::Submitted, false));
        assert!(need_files_open(NeedState::Published, false));
        assert!(!need_files_open(NeedState::Published, true));
        for state in [NeedState::Awarded, NeedState::Refused, NeedState::Cancelled] {
            assert!(!need_files_open(state, false), "{state:?}");
        }
    }

    #[test]
    fn links_name_the_need_and_the_quote() {
        let mut file = NeedFile {
            id: "f".into(),
            file_name: "cctp.pdf".into(),
            size_bytes: 2048,
            structure_id: None,
        };
        assert_eq!(file.href("n"), "/besoins/n/fichiers/f");
        file.structure_id = Some("s".into());
        assert_eq!(file.remove_href("n"), "/besoins/n/devis/s/fichiers/f/supprimer");
        assert_eq!(file.size_label(), "2 Ko");
    }
}
