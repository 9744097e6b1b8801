use std::{future::Future, time::Duration};

use meilisearch_sdk::{
    client::Client, errors::ErrorCode, settings::Settings, task_info::TaskInfo, tasks::Task,
};
use serde::Serialize;

/// Why a call to the search engine failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("Meilisearch did not answer within {0:?}")]
    Timeout(Duration),
    #[error("Meilisearch: {0}")]
    Engine(#[from] meilisearch_sdk::errors::Error),
    #[error("Meilisearch task failed: {0}")]
    TaskFailed(String),
}

/// A handle on the Meilisearch server and on this deployment's indexes.
///
/// Every index name starts with `prefix`, so that several deployments (or tests) can share
/// one Meilisearch. Every call is bounded by `timeout`.
#[derive(Clone)]
pub struct SearchEngine {
    client: Client,
    prefix: String,
    timeout: Duration,
}

impl std::fmt::Debug for SearchEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchEngine")
            .field("url", &self.client.get_host())
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

/// The indexes this deployment owns, without their prefix.
pub const INDEXES: [&str; 2] = ["structures", "offers"];

impl SearchEngine {
    pub fn new(
        url: &str,
        api_key: Option<&str>,
        prefix: impl Into<String>,
        timeout: Duration,
    ) -> Result<Self, SearchError> {
        let client = Client::new(url, api_key)?;
        Ok(Self { client, prefix: prefix.into(), timeout })
    }

    /// The full name of one of this deployment's indexes.
    pub fn index_name(&self, index: &str) -> String {
        format!("{}{index}", self.prefix)
    }

    pub fn url(&self) -> &str {
        self.client.get_host()
    }

    /// Whether Meilisearch reports itself available.
    pub async fn health(&self) -> Result<(), SearchError> {
        self.bounded(self.client.health()).await.map(|_| ())
    }

    /// Documents in this deployment's indexes; an index not created yet counts as empty.
    pub async fn document_count(&self) -> Result<u64, SearchError> {
        let mut total = 0_u64;
        for index in INDEXES {
            let index = self.client.index(self.index_name(index));
            match self.bounded(index.get_stats()).await {
                Ok(stats) => total += stats.number_of_documents as u64,
                Err(SearchError::Engine(meilisearch_sdk::errors::Error::Meilisearch(e)))
                    if e.error_code == ErrorCode::IndexNotFound => {}
                Err(other) => return Err(other),
            }
        }
        Ok(total)
    }

    /// Applies `settings` to one of this deployment's indexes (created if needed) and waits
    /// until Meilisearch has.
    pub async fn apply_settings(
        &self,
        index: &str,
        settings: &Settings,
    ) -> Result<(), SearchError> {
        let index = self.client.index(self.index_name(index));
        let task = self.bounded(index.set_settings(settings)).await?;
        self.wait(task).await
    }

    /// Sends documents to add or replace without waiting: Meilisearch indexes them while the
    /// caller prepares the next batch. Pass the returned task to [`Self::wait`].
    pub async fn send<T: Serialize + Send + Sync>(
        &self,
        index: &str,
        documents: &[T],
    ) -> Result<Option<TaskInfo>, SearchError> {
        if documents.is_empty() {
            return Ok(None);
        }
        let index = self.client.index(self.index_name(index));
        self.bounded(index.add_or_replace(documents, Some("id"))).await.map(Some)
    }

    /// Asks for documents to be removed by id, without waiting (see [`Self::send`]).
    pub async fn send_removal(
        &self,
        index: &str,
        ids: &[String],
    ) -> Result<Option<TaskInfo>, SearchError> {
        if ids.is_empty() {
            return Ok(None);
        }
        let index = self.client.index(self.index_name(index));
        self.bounded(index.delete_documents(ids)).await.map(Some)
    }

    /// Swaps each pair of this deployment's indexes (names without prefix), atomically.
    pub async fn swap(&self, pairs: &[(&str, &str)]) -> Result<(), SearchError> {
        let swaps: Vec<meilisearch_sdk::client::SwapIndexes> = pairs
            .iter()
            .map(|(a, b)| meilisearch_sdk::client::SwapIndexes {
                indexes: (self.index_name(a), self.index_name(b)),
                rename: None,
            })
            .collect();
        let task = self.bounded(self.client.swap_indexes(&swaps)).await?;
        self.wait(task).await
    }

    /// Deletes one of this deployment's indexes; a missing index is fine.
    pub async fn drop_index(&self, index: &str) -> Result<(), SearchError> {
        let index = self.client.index(self.index_name(index));
        let task = self.bounded(index.delete()).await?;
        match self.wait(task).await {
            Err(SearchError::TaskFailed(_)) | Ok(()) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// Waits up to `limit` for a task that may sit behind a long queue (a full rebuild's
    /// pages); a failed task is an error.
    pub async fn wait_patiently(&self, task: TaskInfo, limit: Duration) -> Result<(), SearchError> {
        let done = task
            .wait_for_completion(&self.client, Some(Duration::from_millis(50)), Some(limit))
            .await;
        match done {
            Ok(Task::Succeeded { .. }) => Ok(()),
            Ok(Task::Failed { content }) => {
                Err(SearchError::TaskFailed(content.error.error_message))
            }
            Ok(_) => Err(SearchError::Timeout(limit)),
            Err(meilisearch_sdk::errors::Error::Timeout) => Err(SearchError::Timeout(limit)),
            Err(other) => Err(other.into()),
        }
    }

    /// Waits for a task, within the timeout; a failed task is an error.
    pub async fn wait(&self, task: TaskInfo) -> Result<(), SearchError> {
        let done = self
            .bounded(task.wait_for_completion(
                &self.client,
                Some(Duration::from_millis(10)),
                Some(self.timeout),
            ))
            .await?;
        match done {
            Task::Succeeded { .. } => Ok(()),
            Task::Failed { content } => Err(SearchError::TaskFailed(content.error.error_message)),
            _ => Err(SearchError::Timeout(self.timeout)),
        }
    }

    /// The underlying client, for callers that search (and tests that look inside).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The bound on every call to Meilisearch (`ECOSSOL_MEILI_TIMEOUT_MS`).
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    async fn bounded<T>(
        &self,
        call: impl Future<Output = Result<T, meilisearch_sdk::errors::Error>>,
    ) -> Result<T, SearchError> {
        match tokio::time::timeout(self.timeout, call).await {
            Ok(result) => result.map_err(SearchError::from),
            Err(_) => Err(SearchError::Timeout(self.timeout)),
        }
    }
}
