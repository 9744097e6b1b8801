//! A value one server computed and keeps for a while: what many visitors ask and what
//! changes slowly (the home page's figures, the directory's export).
//!
//! Invalidation is by age alone. Once the value is older than its freshness, the next
//! request reads it again while the others wait for that read rather than make their own;
//! nothing is shared between servers and nothing has to be told of a change, so several
//! servers each serve a value at most that old. A write never waits for a cache.

use std::{future::Future, sync::Arc};

/// The value and the instant (ms, the server's clock) it was read.
#[derive(Clone)]
pub struct Cached<T> {
    slot: Arc<tokio::sync::Mutex<Option<(i64, T)>>>,
    fresh_for_ms: i64,
}

impl<T> std::fmt::Debug for Cached<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cached").field("fresh_for_ms", &self.fresh_for_ms).finish()
    }
}

impl<T: Clone> Cached<T> {
    pub fn new(fresh_for_ms: i64) -> Self {
        Self { slot: Arc::default(), fresh_for_ms }
    }

    /// The value kept when read less than its freshness ago (and not in the future of
    /// `now`: a clock set back reads again), else the one `read` gives, kept from now.
    /// An error is not kept.
    pub async fn get<E, Fut>(&self, now: i64, read: impl FnOnce() -> Fut) -> Result<T, E>
    where
        Fut: Future<Output = Result<T, E>>,
    {
        let mut slot = self.slot.lock().await;
        if let Some((read_at, value)) = slot.as_ref()
            && (*read_at..*read_at + self.fresh_for_ms).contains(&now)
        {
            return Ok(value.clone());
        }
        let value = read().await?;
        *slot = Some((now, value.clone()));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_is_read_again_once_older_than_its_freshness() {
        let cached = Cached::new(1_000);
        let read = |v: u32| async move { Ok::<_, ()>(v) };
        assert_eq!(cached.get(0, || read(1)).await, Ok(1));
        assert_eq!(cached.get(999, || read(2)).await, Ok(1), "fresh");
        assert_eq!(cached.get(1_000, || read(3)).await, Ok(3), "a second old");
        assert_eq!(cached.get(500, || read(4)).await, Ok(4), "the clock went back");
        assert_eq!(cached.get(600, || async { Err::<u32, _>(()) }).await, Ok(4));
        assert_eq!(cached.get(2_000, || async { Err::<u32, _>(()) }).await, Err(()));
        assert_eq!(cached.get(2_001, || read(5)).await, Ok(5), "an error is not kept");
    }
}
