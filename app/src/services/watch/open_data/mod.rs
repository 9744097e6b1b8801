//! Open data: the public buyers' part of the ledger (never a private buyer's line), as CSV
//! (`/donnees/achats-publics.csv`) and as DECP v2 JSON (`/donnees/decp.json`, valid against
//! the official schema `schema_decp_v2.0.3.json`). Both are written page by page: the server
//! pulls [`next_chunk`] until it answers `None`, so a large ledger is never held in memory.
//! The pages follow the lines' ids; a file written while lines are imported may or may not
//! show those lines, never half of one.

mod csv_file;
mod decp;

use crate::{
    db::{Db, open_data},
    domain::{Code, needs::SocialConsideration},
    error::AppError,
};

pub use decp::{decp_id, marche};

/// Lines read per page.
const PAGE: i64 = 1_000;

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFile {
    Csv,
    Decp,
}

/// Where the writing of a file stands.
#[derive(Debug, Clone, Default)]
pub struct Cursor {
    after: String,
    started: bool,
    finished: bool,
    /// DECP: a contract was written (the next one needs a comma).
    wrote_one: bool,
}

/// The file's next bytes: its head, then a page of lines, then its tail; `None` at the end.
pub async fn next_chunk(
    db: &Db,
    file: OpenFile,
    cursor: &mut Cursor,
) -> Result<Option<Vec<u8>>, AppError> {
    if cursor.finished {
        return Ok(None);
    }
    if !cursor.started {
        cursor.started = true;
        return Ok(Some(match file {
            OpenFile::Csv => csv_file::header()?,
            OpenFile::Decp => br#"{"marches":{"marche":["#.to_vec(),
        }));
    }
    let lines = open_data::public_lines_after(db, &cursor.after, PAGE).await?;
    let Some(last) = lines.last() else {
        cursor.finished = true;
        return Ok(match file {
            OpenFile::Csv => None,
            OpenFile::Decp => Some(b"]}}\n".to_vec()),
        });
    };
    cursor.after = last.id.clone();
    match file {
        OpenFile::Csv => csv_file::rows(&lines).map(Some),
        OpenFile::Decp => {
            let mut out = Vec::new();
            for value in lines.iter().filter_map(marche) {
                if cursor.wrote_one {
                    out.push(b',');
                }
                cursor.wrote_one = true;
                serde_json::to_writer(&mut out, &value).map_err(AppError::internal)?;
            }
            Ok(Some(out))
        }
    }
}

/// A line's social considerations, as codes, strongest first (`none` when it says nothing).
fn social(line: &open_data::OpenLine) -> Vec<SocialConsideration> {
    let found: Vec<SocialConsideration> =
        line.social_considerations.split(' ').filter_map(SocialConsideration::from_code).collect();
    if found.is_empty() { vec![SocialConsideration::None] } else { found }
}
