//! What the benchmark reads of Meilisearch's own account of the writes: each task's wait in
//! its queue and its processing, and where a batch's processing goes (its progress trace).

use std::time::Duration;

use super::{WRITES, summary};

/// Meilisearch's own share of the lag: for the last writes' tasks on the offers index, the
/// wait in its queue (enqueued → started) and the processing (started → finished).
pub async fn task_times(client: &reqwest::Client, url: &str, key: &str, index: &str) {
    let tasks: serde_json::Value = client
        .get(format!("{}/tasks", url.trim_end_matches('/')))
        .query(&[("indexUids", index), ("limit", &WRITES.to_string()), ("statuses", "succeeded")])
        .bearer_auth(key)
        .send()
        .await
        .expect("tasks")
        .json()
        .await
        .expect("json");
    // `2026-11-27T14:20:01.123456789Z`: seconds since midnight UTC are enough here.
    let instant = |task: &serde_json::Value, field: &str| -> Option<f64> {
        let (_, clock) = task[field].as_str()?.trim_end_matches('Z').split_once('T')?;
        let mut parts = clock.split(':');
        let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
        Some(
            h.parse::<f64>().ok()? * 3600.0
                + m.parse::<f64>().ok()? * 60.0
                + s.parse::<f64>().ok()?,
        )
    };
    let (mut waits, mut runs) = (Vec::new(), Vec::new());
    for task in tasks["results"].as_array().into_iter().flatten() {
        let (Some(enqueued), Some(started), Some(finished)) =
            (instant(task, "enqueuedAt"), instant(task, "startedAt"), instant(task, "finishedAt"))
        else {
            continue;
        };
        waits.push(Duration::from_secs_f64((started - enqueued).max(0.0)));
        runs.push(Duration::from_secs_f64((finished - started).max(0.0)));
    }
    if runs.is_empty() {
        return;
    }
    summary("  Meilisearch queue wait", &mut waits);
    summary("  Meilisearch processing", &mut runs);
    batch_steps(client, url, key, &tasks).await;
}

/// Where Meilisearch spends a write's processing: the median, over the writes' batches, of
/// each step of its progress trace (`GET /batches/{uid}`), the costliest first.
async fn batch_steps(client: &reqwest::Client, url: &str, key: &str, tasks: &serde_json::Value) {
    let mut steps: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    let mut slowest: (f64, Vec<(String, f64)>) = (0.0, Vec::new());
    for task in tasks["results"].as_array().into_iter().flatten() {
        let Some(batch) = task["batchUid"].as_u64() else { continue };
        let Ok(answer) = client
            .get(format!("{}/batches/{batch}", url.trim_end_matches('/')))
            .bearer_auth(key)
            .send()
            .await
        else {
            continue;
        };
        let Ok(batch) = answer.json::<serde_json::Value>().await else { continue };
        let mut these = Vec::new();
        for (step, took) in batch["stats"]["progressTrace"].as_object().into_iter().flatten() {
            if let Some(ms) = took.as_str().and_then(trace_ms) {
                let leaf = step.rsplit(" > ").next().unwrap_or(step);
                steps.entry(leaf.to_owned()).or_default().push(ms);
                these.push((step.clone(), ms));
            }
        }
        let whole = these.iter().map(|(_, ms)| *ms).fold(0.0, f64::max);
        if whole > slowest.0 {
            slowest = (whole, these);
        }
    }
    let mut medians: Vec<(String, f64)> = steps
        .into_iter()
        .map(|(step, mut times)| {
            times.sort_by(f64::total_cmp);
            (step, times[times.len() / 2])
        })
        .collect();
    medians.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("  Meilisearch steps of a write's batch (median):");
    for (step, ms) in medians.iter().filter(|(_, ms)| *ms >= 1.0).take(8) {
        println!("    {step:<36} {ms:>8.1} ms");
    }
    let (whole, mut these) = slowest;
    these.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("  the slowest batch ({whole:.0} ms), its costliest steps:");
    for (step, ms) in these.iter().take(8) {
        println!("    {step:<60} {ms:>8.1} ms");
    }
}

/// A progress-trace duration (`957.65ms`, `1.2s`, `350.1µs`) in milliseconds.
fn trace_ms(text: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix("µs") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ns") {
        (n, 0.000_001)
    } else {
        (text.strip_suffix('s')?, 1000.0)
    };
    Some(number.parse::<f64>().ok()? * factor)
}
