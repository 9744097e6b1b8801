//! Sign-in latency and throughput with the production argon2id parameters (19 MiB, t = 2,
//! p = 1), against a real server on this machine. Run with:
//!
//!     cargo bench -p tests --bench sign_in
//!
//! Prints the sequential latency percentiles, then the throughput at several concurrencies
//! (the server hashes at most 4 passwords at once). Each concurrent client signs a different
//! person in: one account's attempts in flight count against its throttle.

use std::time::{Duration, Instant};

use tests::{PASSWORD, spawn_app};

const SEQUENTIAL: usize = 40;
const PER_CONCURRENCY: usize = 80;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let app = spawn_app().await;
    let accounts: Vec<String> = (0..8).map(|n| format!("banc{n}@exemple.fr")).collect();
    for email in &accounts {
        app.signed_in_user("Banc d'essai", email).await;
    }
    let client = app.new_client();
    let url = app.url("/api/login");
    let sign_in = |client: reqwest::Client, url: String, email: String| async move {
        let start = Instant::now();
        let form = [("email", email.as_str()), ("password", PASSWORD)];
        let response = client.post(&url).form(&form).send().await.expect("POST");
        assert_eq!(response.status(), 200);
        assert_eq!(response.text().await.expect("body"), "\"SignedIn\"");
        start.elapsed()
    };

    for _ in 0..5 {
        sign_in(client.clone(), url.clone(), accounts[0].clone()).await;
    }
    let mut latencies = Vec::with_capacity(SEQUENTIAL);
    for _ in 0..SEQUENTIAL {
        latencies.push(sign_in(client.clone(), url.clone(), accounts[0].clone()).await);
    }
    latencies.sort();
    println!(
        "sequential sign-in ({SEQUENTIAL} requests): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95)),
        ms(*latencies.last().expect("some")),
    );

    for concurrency in [2_usize, 4, 8] {
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        let per_task = PER_CONCURRENCY / concurrency;
        for email in &accounts[..concurrency] {
            let (client, url, email) = (app.new_client(), url.clone(), email.clone());
            tasks.spawn(async move {
                let mut times = Vec::new();
                for _ in 0..per_task {
                    times.push(sign_in(client.clone(), url.clone(), email.clone()).await);
                }
                times
            });
        }
        let mut all = Vec::new();
        while let Some(times) = tasks.join_next().await {
            all.extend(times.expect("task"));
        }
        let elapsed = start.elapsed();
        all.sort();
        println!(
            "concurrency {concurrency}: {:.1} sign-ins/s, p50 {:.1} ms, p95 {:.1} ms ({} requests)",
            all.len() as f64 / elapsed.as_secs_f64(),
            ms(percentile(&all, 0.5)),
            ms(percentile(&all, 0.95)),
            all.len(),
        );
    }
}
