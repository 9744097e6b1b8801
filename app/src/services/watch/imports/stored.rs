//! The file of a pending import, read on a blocking thread as the files' readers want it: a
//! CSV streamed from its chunks, a workbook whole.

use tokio::task::JoinHandle;

use super::pieces::{self, Feed};
use crate::{
    db::{Db, purchase_imports::ImportRow},
    error::AppError,
    services::watch::files::{Format, Input, TextEncoding},
};

/// Where a pending import's file is and how to read it.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub import_id: String,
    pub format: Format,
    /// A CSV's; a workbook has none.
    pub encoding: TextEncoding,
}

impl StoredFile {
    pub fn of(row: &ImportRow) -> Result<Self, AppError> {
        let format = Format::from_code(&row.format).ok_or(AppError::Internal)?;
        let encoding = row.text_encoding.as_deref().and_then(TextEncoding::from_code);
        let encoding = match (format, encoding) {
            (Format::Csv, Some(encoding)) => encoding,
            (Format::Csv, None) => return Err(AppError::Internal),
            (Format::Xlsx, _) => TextEncoding::Utf8,
        };
        Ok(Self { import_id: row.id.clone(), format, encoding })
    }
}

/// A reading under way.
pub struct Reading<T> {
    work: JoinHandle<T>,
    feed: Option<Feed>,
}

/// Starts `read` over the file on a blocking thread; [`Reading::finish`] gives its result.
pub async fn start<T, F>(db: &Db, file: &StoredFile, read: F) -> Result<Reading<T>, AppError>
where
    T: Send + 'static,
    F: FnOnce(Input<'_>) -> T + Send + 'static,
{
    match file.format {
        Format::Csv => {
            let (reader, feed) = pieces::feed(db.clone(), file.import_id.clone());
            let encoding = file.encoding;
            let work =
                tokio::task::spawn_blocking(move || read(Input::Csv(Box::new(reader), encoding)));
            Ok(Reading { work, feed: Some(feed) })
        }
        Format::Xlsx => {
            let bytes = pieces::whole(db, &file.import_id).await?;
            let work = tokio::task::spawn_blocking(move || read(Input::Xlsx(&bytes)));
            Ok(Reading { work, feed: None })
        }
    }
}

impl<T> Reading<T> {
    /// The reading's result, once every chunk it read was fetched well.
    pub async fn finish(self) -> Result<T, AppError> {
        let value = self.work.await.map_err(AppError::internal)?;
        if let Some(feed) = self.feed {
            feed.finish().await?;
        }
        Ok(value)
    }
}

/// Reads the file with `read` and gives its result.
pub async fn read<T, F>(db: &Db, file: &StoredFile, read: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(Input<'_>) -> T + Send + 'static,
{
    start(db, file, read).await?.finish().await
}
