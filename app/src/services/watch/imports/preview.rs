//! What a pending file would import, read from its chunks: a few values under each column,
//! the first lines typed and matched, the counts and total, every error with its line and
//! column — or why the file cannot be read at all.

use std::ops::ControlFlow;

use super::{
    PREVIEW_LINES,
    stored::{self, StoredFile},
};
use crate::{
    db::Db,
    domain::{
        needs::budget::euros,
        watch::{
            Mapping,
            views::{LineView, PreviewView, RowErrorView},
        },
    },
    error::AppError,
    services::watch::{
        files,
        matching::Directory,
        scan::{RowError, scan},
        views::line_of_file,
    },
};

/// The values shown under each column.
const SAMPLES: usize = 3;

/// A pending file as its page shows it.
pub struct Preview {
    /// For each column, its first values.
    pub samples: Vec<Vec<String>>,
    /// What it would import, or why it cannot be read (French).
    pub preview: Result<PreviewView, String>,
}

pub fn error_views(file: &str, errors: &[RowError]) -> Vec<RowErrorView> {
    errors
        .iter()
        .map(|e| RowErrorView {
            file: file.to_owned(),
            line: e.line,
            column: e.column.clone(),
            message: e.message.clone(),
        })
        .collect()
}

/// Reads the file twice: its first rows for the samples, then all of it.
pub async fn preview(
    db: &Db,
    file: &StoredFile,
    file_name: &str,
    mapping: Mapping,
    max_lines: u64,
) -> Result<Preview, AppError> {
    let samples = stored::read(db, file, |input| {
        files::sheet(input, SAMPLES).map(|s| s.samples).unwrap_or_default()
    })
    .await?;
    let directory = Directory::load(db).await?;
    let (scan, lines, matched) = stored::read(db, file, move |input| {
        let mut lines: Vec<LineView> = Vec::new();
        let mut matched = 0;
        let scan = scan(input, &mapping, max_lines, |number, line| {
            let known = directory.find_line(&line).map(|(k, _)| k);
            matched += u64::from(known.is_some());
            if lines.len() < PREVIEW_LINES {
                lines.push(line_of_file(number, &line, known));
            }
            ControlFlow::Continue(())
        });
        (scan, lines, matched)
    })
    .await?;
    let preview = scan.map(|scan| PreviewView {
        lines,
        line_count: scan.lines,
        error_count: scan.error_count,
        errors: error_views(file_name, &scan.errors),
        total: euros(scan.total_cents),
        matched_count: matched,
    });
    Ok(Preview { samples, preview })
}
