//! The server under a mixed load, as buyers, suppliers and visitors use it at once: a real
//! server (release build) over the demo catalogue and a real Meilisearch. Run with:
//!
//!     cargo bench -p tests --bench load
//!     cargo bench -p tests --bench load -- --seconds 10 --connections 16   (shorter)
//!     ECOSSOL_TEST_DATABASE=postgres ECOSSOL_TEST_POSTGRES_URL=… cargo bench -p tests --bench load
//!
//!
//! `--connections` virtual users (64 by default) each keep one connection and send their
//! next request as soon as the last one answered, for `--seconds` (60). Each walks the same
//! cycle of 50 requests from its own starting point: 26 page views (home, structures,
//! offers, label registry, directory), 20 searches (the search page and the JSON API, words,
//! typos, facets, distance), 3 writes (an offer saved through its form's endpoint, which
//! queues its reindexing) and 1 sign-in (argon2id with the production parameters).
//!
//! Prints, per kind: requests, errors (any status other than 200/303 or a failed request),
//! p50/p99/max latency; the whole run's throughput; and the process's resident memory
//! (server and load client share it: an upper bound of the server's) before, at the end,
//! and its peak.

use std::{
    collections::BTreeMap,
    sync::Arc,
    time::{Duration, Instant},
};

use app::{
    clock::{Clock, SystemClock},
    db::search_outbox,
    services::directory::demo,
};
use tests::{PASSWORD, TestApp, TestBackend, arg};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Page,
    Search,
    Write,
    SignIn,
}

#[derive(Clone)]
enum Step {
    Get(Kind, String),
    Write,
    SignIn,
}

/// The process's resident memory now and at its peak, in MiB (Linux).
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let read = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (read("VmRSS:"), read("VmHWM:"))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
}

const SEARCHES: &[&str] = &[
    "/recherche?q=espaces+verts",
    "/api/v1/search?q=nettoyage",
    "/recherche?q=jardinnage",
    "/api/v1/search?q=traiteur&pres_de=38185&rayon=10&tri=distance",
    "/recherche?q=entretien&famille=handicap",
    "/api/v1/search?cible=structures&q=insertion",
    "/recherche?pres_de=38185&rayon=5&tri=distance",
    "/api/v1/search?famille=insertion&prestation=staff_provision",
    "/recherche?q=netoyage+bureaux",
    "/api/v1/search?q=reprographie",
];

/// The cycle every virtual user walks, from its own starting point.
fn cycle(structures: &[String], offers: &[String]) -> Vec<Step> {
    let mut steps = Vec::with_capacity(50);
    for i in 0..26 {
        let path = match i % 13 {
            0..=2 => "/".to_owned(),
            3..=6 => format!("/structures/{}", structures[i % structures.len()]),
            7..=10 => format!("/offres/{}", offers[i % offers.len()]),
            11 => "/label-hqs".to_owned(),
            _ => "/annuaire".to_owned(),
        };
        steps.push(Step::Get(Kind::Page, path));
    }
    for i in 0..20 {
        steps.push(Step::Get(Kind::Search, SEARCHES[i % SEARCHES.len()].to_owned()));
    }
    steps.extend([Step::Write, Step::Write, Step::Write, Step::SignIn]);
    // Spread the writes and the sign-in over the cycle rather than in one burst.
    let mut spread = Vec::with_capacity(steps.len());
    let (reads, rare) = steps.split_at(46);
    for (i, step) in reads.iter().enumerate() {
        spread.push(step.clone());
        if i % 11 == 10 {
            spread.push(rare[i / 11].clone());
        }
    }
    spread
}

/// A supplier with a published structure and one offer, whose form the writers save.
struct Writer {
    client: reqwest::Client,
    offer_id: String,
}

async fn writers(app: &TestApp, count: usize) -> Vec<Writer> {
    let animator = app.animator("animation@banc.fr").await;
    let mut writers = Vec::new();
    for n in 0..count {
        let supplier = app
            .published_supplier(&format!("Banc {n}"), &format!("banc{n}@exemple.fr"), &animator)
            .await;
        let offer_id = app.create_offer(&supplier, &format!("Tonte du banc {n}")).await;
        writers.push(Writer { client: supplier.client, offer_id });
    }
    writers
}

async fn save_offer(app: &TestApp, writer: &Writer, round: usize) -> bool {
    let title = format!("Tonte et taille de haies, passage {round}");
    let response = app
        .call(
            &writer.client,
            "offer-update",
            &[
                ("offer_id", &writer.offer_id),
                ("form[title]", &title),
                ("form[description]", "Tonte, taille de haies, débroussaillage."),
                ("form[sector]", "espaces-verts"),
                ("form[service_kind]", "service"),
                ("form[price]", "35,50"),
                ("form[unit]", "heure"),
            ],
        )
        .await;
    response.status() == 200 && response.text().await.is_ok_and(|body| body.contains("\"Done\""))
}

async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) -> bool {
    let form = [("email", email), ("password", PASSWORD)];
    let Ok(response) = client.post(app.url("/api/login")).form(&form).send().await else {
        return false;
    };
    response.status() == 200 && response.text().await.is_ok_and(|body| body == "\"SignedIn\"")
}

async fn get(client: &reqwest::Client, url: &str) -> bool {
    match client.get(url).send().await {
        Ok(response) => {
            let ok = matches!(response.status().as_u16(), 200 | 303);
            // Read the whole body: the page's time includes sending it.
            response.bytes().await.is_ok() && ok
        }
        Err(_) => false,
    }
}

type Samples = BTreeMap<Kind, (Vec<Duration>, usize)>;

async fn virtual_user(
    app: Arc<TestApp>,
    user: usize,
    steps: Arc<Vec<Step>>,
    writers: Arc<Vec<Writer>>,
    until: Instant,
) -> Samples {
    let client = app.new_client();
    // Signs in without keeping the session: every sign-in starts from a visitor.
    let anonymous = reqwest::Client::builder().build().expect("client");
    let email = format!("banc{}@exemple.fr", user % writers.len());
    let mut samples = Samples::new();
    let mut round = 0;
    while Instant::now() < until {
        let step = &steps[(user * 7 + round) % steps.len()];
        let started = Instant::now();
        let (kind, ok) = match step {
            Step::Get(kind, path) => (*kind, get(&client, &app.url(path)).await),
            Step::Write => {
                (Kind::Write, save_offer(&app, &writers[user % writers.len()], round).await)
            }
            Step::SignIn => (Kind::SignIn, sign_in(&app, &anonymous, &email).await),
        };
        let entry = samples.entry(kind).or_default();
        entry.0.push(started.elapsed());
        if !ok {
            entry.1 += 1;
        }
        round += 1;
    }
    samples
}

#[tokio::main]
async fn main() {
    let seconds = arg("--seconds", 60);
    let connections = arg("--connections", 64);
    let structures = arg("--structures", 1_000);
    let offers = arg("--offers", 5_000);
    let backend = TestBackend::current();
    println!(
        "load benchmark: {connections} connections for {seconds} s, {structures} structures, \
         {offers} offers, {backend:?}"
    );

    // The server's own database (SQLite file or PostgreSQL test database), seeded as
    // `server seed-demo` does; the search worker indexes the catalogue before the load.
    let app = tests::spawn_app().await;
    demo::seed(&app.state.db, 2026, structures, offers, SystemClock.now_ms()).await.expect("demo");
    let db = app.state.db.clone();
    assert!(
        tests::eventually(600, async || search_outbox::pending(&db).await.is_ok_and(|n| n == 0))
            .await,
        "the search index caught up"
    );
    let writers = Arc::new(writers(&app, 8).await);
    let pool = tests::pool(&app.database_url).await;
    let slugs = async |table: &str| {
        sqlx::query_scalar::<_, String>(&format!(
            "SELECT slug FROM {table} WHERE status = 'published' ORDER BY slug LIMIT 40"
        ))
        .fetch_all(&pool)
        .await
        .expect("slugs")
    };
    let steps = Arc::new(cycle(&slugs("structures").await, &slugs("offers").await));
    let before = memory_mib();

    let app = Arc::new(app);
    let until = Instant::now() + Duration::from_secs(seconds as u64);
    let started = Instant::now();
    let mut users = tokio::task::JoinSet::new();
    for user in 0..connections {
        users.spawn(virtual_user(app.clone(), user, steps.clone(), writers.clone(), until));
    }
    let mut all = Samples::new();
    while let Some(samples) = users.join_next().await {
        for (kind, (times, errors)) in samples.expect("virtual user") {
            let entry = all.entry(kind).or_default();
            entry.0.extend(times);
            entry.1 += errors;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let after = memory_mib();

    let mut total = 0;
    let mut errors = 0;
    let mut every = Vec::new();
    for (kind, (times, failed)) in &mut all {
        times.sort();
        total += times.len();
        errors += *failed;
        every.extend(times.iter().copied());
        println!(
            "  {:<7} {:>7} requests {:>4} errors   p50 {:>7.1} ms   p99 {:>7.1} ms   max {:>7.1} ms",
            format!("{kind:?}"),
            times.len(),
            failed,
            percentile(times, 0.5),
            percentile(times, 0.99),
            percentile(times, 1.0),
        );
    }
    every.sort();
    println!(
        "  all     {total:>7} requests {errors:>4} errors   p50 {:>7.1} ms   p99 {:>7.1} ms   \
         {:.0} requests/s",
        percentile(&every, 0.5),
        percentile(&every, 0.99),
        total as f64 / elapsed
    );
    println!(
        "  memory (server and client): {:.0} MiB before, {:.0} MiB after, peak {:.0} MiB",
        before.0, after.0, after.1
    );
    assert_eq!(errors, 0, "every request answered");
}
