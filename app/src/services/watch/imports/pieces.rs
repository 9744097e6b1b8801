//! A stored file read back in order: a task fetches its chunks one at a time into a channel
//! of one, and a blocking reader hands them on as bytes — at most the chunk being read, the
//! one waiting in the channel and the one being fetched are in memory.

use std::io::Read;

use tokio::{sync::mpsc, task::JoinHandle};

use crate::{
    db::{Db, purchase_import_chunks},
    error::AppError,
};

/// The task that fetches the chunks; it stops at the last one, or when the reader is
/// dropped (a reading that stopped early: the header, a few samples).
pub struct Feed(JoinHandle<Result<(), sqlx::Error>>);

impl Feed {
    /// Whether every chunk the reader asked for was fetched. Checked after the reading: a
    /// failure of the database ends the reader's bytes early, which must not pass for the
    /// end of the file.
    pub async fn finish(self) -> Result<(), AppError> {
        self.0.await.map_err(AppError::internal)?.map_err(AppError::from)
    }
}

/// The bytes of the chunks, for a blocking thread.
pub struct PieceReader {
    chunks: mpsc::Receiver<Vec<u8>>,
    current: Vec<u8>,
    at: usize,
}

/// Starts fetching the import's chunks; the reader gives their bytes in order.
pub fn feed(db: Db, import_id: String) -> (PieceReader, Feed) {
    let (sender, chunks) = mpsc::channel(1);
    let task = tokio::spawn(async move {
        for seq in 0.. {
            let Some(chunk) = purchase_import_chunks::read(&db, &import_id, seq).await? else {
                return Ok(());
            };
            if sender.send(chunk).await.is_err() {
                return Ok(());
            }
        }
        Ok(())
    });
    (PieceReader { chunks, current: Vec::new(), at: 0 }, Feed(task))
}

impl Read for PieceReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.current.len() {
            match self.chunks.blocking_recv() {
                Some(chunk) => {
                    self.current = chunk;
                    self.at = 0;
                }
                None => return Ok(0),
            }
        }
        let n = out.len().min(self.current.len() - self.at);
        out[..n].copy_from_slice(&self.current[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// The whole file, for a workbook (bounded to a few megabytes).
pub async fn whole(db: &Db, import_id: &str) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    for seq in 0.. {
        match purchase_import_chunks::read(db, import_id, seq).await? {
            Some(chunk) => bytes.extend_from_slice(&chunk),
            None => break,
        }
    }
    Ok(bytes)
}
