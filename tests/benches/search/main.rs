//! Catalogue search, measured end to end on this machine: a real server (release build, SQLite)
//! and a real Meilisearch. Run with:
//!
//!     cargo bench -p tests --bench search
//!     cargo bench -p tests --bench search -- --structures 1000 --offers 10000   (smaller)
//!
//! 1. Loads the demo directory (10,000 structures and 100,000 offers by default).
//! 2. Full reindex through the product's path (`server reindex`: the server's search worker
//!    rebuilds into new indexes and swaps them in); prints its time.
//! 3. Replays a fixed mix of queries (plain words, typos, facet filters, radius + distance
//!    sort, empty query with filters), each against the app's `GET /api/v1/search` and, in
//!    the same run, the very Meilisearch requests the app makes for it
//!    (`catalogue::engine`: the multi-search, and near a point the places on the radius's
//!    edge, the disks of the distance order and the page's slices). Prints p50/p95/p99 for
//!    both and the ratio, then the throughput of both at the same concurrency.
//! 4. Edits offers through the offer form's endpoint (outbox rows in the write's transaction)
//!    and prints the lag from each request until the edit is visible in search.

mod meili_times;

use std::time::{Duration, Instant};

use app::{
    clock::{Clock, SystemClock},
    db::{offers, search_outbox, structures},
    domain::search::SearchQuery,
    search::documents::{self, Changes},
    services::{
        catalogue::{self, parse_query},
        directory::demo,
    },
    state::AppState,
};
use secrecy::ExposeSecret;
use tests::{arg, shared_meili, spawn_app_with};

/// The fixed mix: what buyers type and click.
const QUERIES: &[(&str, &str)] = &[
    ("word", "q=espaces+verts"),
    ("word", "q=nettoyage"),
    ("word", "q=traiteur"),
    ("word", "cible=structures&q=insertion"),
    ("typo", "q=jardinnage"),
    ("typo", "q=netoyage+bureaux"),
    ("typo", "q=reprographei"),
    ("facets", "q=entretien&famille=handicap"),
    ("facets", "type=ESAT&type=EA&secteur=espaces-verts"),
    ("facets", "q=nettoyage&secteur=nettoyage-locaux&secteur=nettoyage-urbain&commune=38185"),
    ("geo", "pres_de=38185&rayon=5&tri=distance"),
    ("geo", "q=traiteur&pres_de=38421&rayon=10&tri=distance"),
    ("geo", "cible=structures&lat=45.16&lng=5.70&rayon=3&tri=distance"),
    ("filters", "esus=1"),
    ("filters", "famille=insertion&prestation=staff_provision"),
    ("filters", "cible=structures&type=SCOP&tri=nom"),
];
const ROUNDS: usize = 40;
const CONCURRENCY: usize = 4;
const THROUGHPUT_FOR: Duration = Duration::from_secs(8);
const WRITES: usize = 60;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(label: &str, samples: &mut [Duration]) -> Duration {
    samples.sort();
    let p99 = percentile(samples, 0.99);
    println!(
        "  {label:<28} p50 {:>6.2} ms   p95 {:>6.2} ms   p99 {:>6.2} ms   ({} requests)",
        ms(percentile(samples, 0.5)),
        ms(percentile(samples, 0.95)),
        ms(p99),
        samples.len()
    );
    p99
}

/// One request to either side, checked: a failed answer would make fast figures lie.
/// The direct side makes every request the app makes to Meilisearch for the query (with the
/// same client library), and nothing else: no HTTP server, database check or page.
#[derive(Clone)]
enum Target {
    App { url: String },
    Direct(Box<(AppState, SearchQuery)>),
}

async fn send(client: &reqwest::Client, target: &Target) -> Duration {
    let start = Instant::now();
    match target {
        Target::App { url } => {
            let response = client.get(url).send().await.expect("request sent");
            assert!(response.status().is_success(), "{}", response.status());
            let body = response.bytes().await.expect("body");
            assert!(body.len() > 2);
        }
        Target::Direct(direct) => {
            let (state, query) = &**direct;
            catalogue::engine(state, query).await.expect("Meilisearch answers");
        }
    }
    start.elapsed()
}

async fn throughput(client: &reqwest::Client, targets: &[Target]) -> f64 {
    let deadline = Instant::now() + THROUGHPUT_FOR;
    let mut workers = Vec::new();
    for worker in 0..CONCURRENCY {
        let client = client.clone();
        let targets = targets.to_vec();
        workers.push(tokio::spawn(async move {
            let mut done = 0_usize;
            let mut next = worker;
            while Instant::now() < deadline {
                send(&client, &targets[next % targets.len()]).await;
                next += 1;
                done += 1;
            }
            done
        }));
    }
    let mut total = 0;
    for worker in workers {
        total += worker.await.expect("worker");
    }
    total as f64 / THROUGHPUT_FOR.as_secs_f64()
}

#[tokio::main]
async fn main() {
    let structures = arg("--structures", 10_000);
    let offers_wanted = arg("--offers", 100_000);
    println!("search benchmark: {structures} structures, {offers_wanted} offers");
    // The demo directory is stored before the server starts, as after an import.
    let data = tempfile::tempdir().expect("data dir");
    let url = format!("sqlite://{}", data.path().join("bench.db").display());
    let seeded = app::db::connect(&url, &app::db::DbOptions::default()).await.expect("database");
    let start = Instant::now();
    let (stored, offers_stored) =
        demo::seed(&seeded, 2026, structures, offers_wanted, SystemClock.now_ms())
            .await
            .expect("demo seeded");
    seeded.close().await;
    println!(
        "  demo data stored             {:>8.1} s   ({stored} structures, {offers_stored} offers)",
        start.elapsed().as_secs_f64()
    );

    // The server finds a backlog far over its catch-up threshold and rebuilds by itself.
    let start = Instant::now();
    let app = spawn_app_with(|settings| settings.database.url = Some(url.clone().into())).await;
    let db = app.state.db.clone();
    assert!(
        tests::eventually(1200, async || {
            search_outbox::pending(&db).await.is_ok_and(|n| n == 0)
        })
        .await,
        "the backlog is caught up"
    );
    println!(
        "  backlog caught up            {:>8.1} s   (server start included)",
        start.elapsed().as_secs_f64()
    );

    // Then a full reindex, as `server reindex` asks for it, with nothing else going on.
    search_outbox::request_rebuild(&db, "bench").await.expect("ask");
    let (indexed_structures, indexed_offers, millis) = loop {
        if let Some(report) = search_outbox::rebuild_report(&db, "bench").await.expect("state") {
            break report;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    println!(
        "  full reindex                 {:>8.1} s   ({indexed_structures} structures, {indexed_offers} offers)",
        millis as f64 / 1000.0
    );
    let meili = shared_meili().await;

    // What the rebuild spends on the database and serialisation alone, without Meilisearch.
    let start = Instant::now();
    let (mut after, mut bytes) = (String::new(), 0_usize);
    let profiles = documents::Profiles::load(&db).await.expect("profiles");
    loop {
        let rows = structures::published_after(&db, &after, 500).await.expect("page");
        let Some(last) = rows.last() else { break };
        after = last.id.clone();
        let mut changes = Changes::default();
        for row in &rows {
            documents::for_structure(&db, &row.id, SystemClock.now_ms(), &profiles, &mut changes)
                .await
                .expect("uploads");
        }
        bytes += serde_json::to_vec(&changes.structures).expect("json").len();
        bytes += serde_json::to_vec(&changes.offers).expect("json").len();
    }
    println!(
        "  of which reading + JSON      {:>8.1} s   ({} MB of documents)",
        start.elapsed().as_secs_f64(),
        bytes / 1_000_000
    );

    // Latency: each query to the app, then the same Meilisearch requests without the app.
    let client = reqwest::Client::new();
    let search_client = app.state.search.client();
    let key = meili.key.expose_secret().to_owned();
    let pairs: Vec<(Target, Target)> = QUERIES
        .iter()
        .map(|(_, raw)| {
            let query = parse_query(raw);
            (
                Target::App { url: app.url(&format!("/api/v1/search?{raw}")) },
                Target::Direct(Box::new((app.state.clone(), query))),
            )
        })
        .collect();
    for (to_app, direct) in &pairs {
        send(&client, to_app).await;
        send(&client, direct).await;
    }
    let (mut via_app, mut straight) = (Vec::new(), Vec::new());
    let mut by_query: Vec<Vec<Duration>> = vec![Vec::new(); pairs.len()];
    for _ in 0..ROUNDS {
        for (n, (to_app, direct)) in pairs.iter().enumerate() {
            via_app.push(send(&client, to_app).await);
            let took = send(&client, direct).await;
            straight.push(took);
            by_query[n].push(took);
        }
    }
    println!("latency, one request at a time ({} queries × {ROUNDS} rounds):", QUERIES.len());
    let app_p99 = summary("app GET /api/v1/search", &mut via_app);
    let direct_p99 = summary("Meilisearch requests alone", &mut straight);
    println!("  p99 ratio app / direct       {:>8.2}", ms(app_p99) / ms(direct_p99));
    println!("Meilisearch alone, by query of the mix:");
    for ((kind, raw), samples) in QUERIES.iter().zip(&mut by_query) {
        samples.sort();
        println!(
            "  {kind:<8} p50 {:>6.2} ms  max {:>6.2} ms  {raw}",
            ms(percentile(samples, 0.5)),
            ms(percentile(samples, 1.0))
        );
    }

    let (apps, directs): (Vec<Target>, Vec<Target>) = pairs.into_iter().unzip();
    let app_rate = throughput(&client, &apps).await;
    let direct_rate = throughput(&client, &directs).await;
    println!("throughput at concurrency {CONCURRENCY}, {} s each:", THROUGHPUT_FOR.as_secs());
    println!("  app                          {app_rate:>8.0} requests/s");
    println!("  Meilisearch direct           {direct_rate:>8.0} requests/s");
    println!("  ratio app / direct           {:>8.2}", app_rate / direct_rate);

    // Write-to-search lag: an offer's title changes the way its editor changes it (the
    // offer form's endpoint, here as an administrator, which also dates the structure); the
    // clock runs from the request until Meilisearch returns the offer for its new word.
    let editor = app.signed_in_admin("bench-editor@exemple.fr").await;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT o.id FROM offers o JOIN structures s ON s.id = o.structure_id \
         WHERE o.status = 'published' AND s.status = 'published' ORDER BY o.id LIMIT $1",
    )
    .bind(WRITES as i64)
    .fetch_all(&db)
    .await
    .expect("offers");
    let offers_index = search_client.index(app.state.search.index_name("offers"));
    let mut lags = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let row = offers::find(&db, id).await.expect("read").expect("offer");
        let word = format!("zorglub{n}x");
        let title = format!("{} {word}", row.title);
        let price = row.price_cents.map(|c| format!("{},{:02}", c / 100, c % 100));
        let mut form = vec![
            ("offer_id", id.as_str()),
            ("form[title]", title.as_str()),
            ("form[description]", row.description.as_str()),
            ("form[sector]", row.sector.as_str()),
            ("form[cpv]", row.cpv.as_str()),
            ("form[service_kind]", row.service_kind.as_str()),
        ];
        match &price {
            Some(price) if row.on_quote == 0 => form.push(("form[price]", price)),
            _ => form.push(("form[on_quote]", "on")),
        }
        let start = Instant::now();
        let saved = app.call_ok(&editor, "offer-update", &form).await;
        assert!(saved["Done"].is_string(), "{saved}");
        loop {
            // The very offer, found by its new word (a typo-tolerant search would also find
            // the word of an earlier write).
            let found = offers_index
                .search()
                .with_query(&word)
                .with_limit(50)
                .execute::<serde_json::Value>()
                .await
                .expect("search");
            if found.hits.iter().any(|h| h.result["id"] == id.as_str()) {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "write {n} never became visible");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        lags.push(start.elapsed());
        // Writes come one after another, not in a burst.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!("write-to-search lag ({WRITES} writes, one at a time):");
    summary("request → searchable", &mut lags);
    meili_times::task_times(&client, &meili.url, &key, &app.state.search.index_name("offers"))
        .await;
    app.stop().await;
}
