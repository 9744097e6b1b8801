//! Many small rows read as one: the database builds a JSON array of the rows, serde reads it.
//!
//! sqlx's SQLite driver steps a statement on its worker thread and hands every row over a
//! channel to the task that awaits it: two thread wake-ups a row. For a query of a few
//! thousand rows that hand-over cost more than the query itself (matching a need over the
//! benchmark directory: ~3,000 rows, 60–90 ms of which SQLite spent ~25 ms; a profile showed
//! the rest in channel signals and task switches). One row holding the JSON text crosses once.
//! PostgreSQL names the same aggregate differently; each column is its key in the objects.

use serde::de::DeserializeOwned;

use super::{Backend, Db};

/// `SELECT <array of {key: expression}> <rest>`, in the pool's dialect. `rest` is the query's
/// `FROM … WHERE …` (no `ORDER BY`: order the rows once read); its `$n` bind in `binds`.
pub async fn fetch<T: DeserializeOwned>(
    db: &Db,
    columns: &[(&str, &str)],
    rest: &str,
    binds: &[&str],
) -> Result<Vec<T>, sqlx::Error> {
    let pairs: Vec<String> = columns.iter().map(|(key, expr)| format!("'{key}', {expr}")).collect();
    let (array, object) = match Backend::of(db) {
        Backend::Sqlite => ("json_group_array", "json_object"),
        Backend::Postgres => ("json_agg", "json_build_object"),
    };
    let sql = format!("SELECT CAST({array}({object}({})) AS TEXT) {rest}", pairs.join(", "));
    let mut query = sqlx::query_scalar::<_, Option<String>>(&sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    match query.fetch_one(db).await? {
        None => Ok(Vec::new()),
        Some(text) => serde_json::from_str(&text).map_err(|e| sqlx::Error::Decode(Box::new(e))),
    }
}
