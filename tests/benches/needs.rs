//! Needs, measured on this machine (release build, SQLite): matching a need over the demo
//! directory, and sending a batch of notifications. Run with:
//!
//!     cargo bench -p tests --bench needs
//!     cargo bench -p tests --bench needs -- --structures 1000 --offers 10000   (smaller)
//!
//! 1. Loads the demo directory (10,000 structures and 100,000 offers by default).
//! 2. Matches a fixed mix of needs (sectors of the demo's most common activities, four
//!    communes, with and without a radius or wanted families) `ROUNDS` times each, through
//!    `services::needs::matching::find_in`, the function validation and the potential use;
//!    prints p50/p95/p99 and how many structures each reached.
//! 3. Publishes a need matched to 1,000 structures and sends its notifications through
//!    `services::needs::notify::send_batch` in batches of 200 (each structure claimed, its
//!    single-use link stored, its mails queued in one transaction); prints the time per batch
//!    and per structure.

use std::time::{Duration, Instant};

use app::{
    clock::Clock,
    db::{need_matches, needs},
    domain::{
        calendar::Day,
        directory::{Family, InseeCode, ServiceKind},
        needs::{Budget, NeedKind, NeedState, NeedText, lots::parse_lots},
    },
    services::{
        directory::demo,
        needs::{matching, notify},
    },
};
use tests::{arg, spawn_app_with};

const ROUNDS: usize = 30;
const PLACES: &[&str] = &["38185", "38151", "38229", "38545"];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn need(
    sector: &str,
    place: &str,
    radius_km: Option<u16>,
    families: Vec<Family>,
    deadline: Day,
) -> NeedText {
    NeedText {
        kind: Some(NeedKind::Quote),
        title: format!("Besoin {sector} à {place}"),
        description: Some("Un besoin de mesure, décrit assez longuement.".into()),
        notice_url: None,
        cpv: Vec::new(),
        sector: Some(sector.to_owned()),
        service_kind: Some(ServiceKind::Service),
        lots: parse_lots("", "Lot unique").unwrap_or_default(),
        place: InseeCode::parse(place).ok(),
        radius_km,
        start_on: None,
        deadline_on: Some(deadline),
        budget: Some(Budget::Exact { cents: 5_000_000 }),
        structure_kinds: Vec::new(),
        families,
        profile_id: None,
        questions: Vec::new(),
        anonymous: false,
    }
}

#[tokio::main]
async fn main() {
    let (structures, offers) = (arg("--structures", 10_000), arg("--offers", 100_000));
    let app = spawn_app_with(|settings| {
        settings.needs.batch_size = 200;
        settings.needs.daily_cap = 1000;
        settings.needs.batch_every_hours = 1;
    })
    .await;
    let db = app.state.db.clone();
    let now = app.clock.now_ms();
    let started = Instant::now();
    demo::seed(&db, 7, structures, offers, now).await.expect("demo directory");
    println!(
        "Demo directory: {structures} structures, {offers} offers in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let sectors: Vec<String> = sqlx::query_scalar(
        "SELECT sector FROM structure_activities GROUP BY sector ORDER BY COUNT(*) DESC, sector LIMIT 6",
    )
    .fetch_all(&db)
    .await
    .expect("sectors");
    let deadline = Day::of_instant(now).plus_days(30);
    let mut mix = Vec::new();
    for (i, sector) in sectors.iter().enumerate() {
        let place = PLACES[i % PLACES.len()];
        mix.push(need(sector, place, None, Vec::new(), deadline));
        mix.push(need(sector, place, Some(10), Vec::new(), deadline));
        mix.push(need(sector, place, None, vec![Family::Insertion, Family::Handicap], deadline));
    }
    let mut samples = Vec::new();
    let mut reached = Vec::new();
    for _ in 0..ROUNDS {
        for text in &mix {
            let start = Instant::now();
            let found = matching::find_in(&db, now, text).await.expect("matching");
            samples.push(start.elapsed());
            reached.push(found.len());
        }
    }
    samples.sort();
    reached.sort_unstable();
    println!(
        "Matching ({} needs × {ROUNDS}): p50 {:.2} ms   p95 {:.2} ms   p99 {:.2} ms   structures reached: median {}, max {}",
        mix.len(),
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.95)),
        ms(percentile(&samples, 0.99)),
        reached[reached.len() / 2],
        reached.last().copied().unwrap_or(0),
    );

    // A need matched to 1,000 structures, told in batches of 200.
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM structures WHERE status = 'published' ORDER BY id LIMIT 1000",
    )
    .fetch_all(&db)
    .await
    .expect("structures");
    let organisation = app.insert_organisation("Ville de mesure", "buyer", Some("public")).await;
    let user = {
        app.signed_in_user("Mesure", "mesure@exemple.fr").await;
        app.user_id("mesure@exemple.fr").await
    };
    let text = need(&sectors[0], "38185", None, Vec::new(), deadline);
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = app::db::begin(&db).await.expect("transaction");
    needs::insert(&mut tx, &id, &organisation, &user, &text, now).await.expect("need");
    needs::set_state(&mut tx, &id, NeedState::Draft, NeedState::Published, None, now)
        .await
        .expect("published");
    let reasons = vec!["Mesure".to_owned()];
    let rows: Vec<need_matches::NewMatch<'_>> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| need_matches::NewMatch {
            structure_id: s,
            rank: i as i64,
            reasons: &reasons,
            distance_km: None,
        })
        .collect();
    need_matches::replace(&mut tx, &id, &rows, now).await.expect("matches");
    tx.commit().await.expect("commit");
    let started = Instant::now();
    let mut told = 0;
    let mut batches = Vec::new();
    while told < ids.len() {
        let start = Instant::now();
        let sent = notify::send_batch(&app.state, &id).await.expect("batch");
        batches.push(start.elapsed());
        if sent == 0 {
            break;
        }
        told += sent;
        app.clock.advance_ms(3600 * 1000);
    }
    let total = started.elapsed();
    println!(
        "Notifications: {told} structures in {} batches, {:.0} ms in all, {:.2} ms per structure, slowest batch {:.0} ms",
        batches.len(),
        ms(total),
        ms(total) / told.max(1) as f64,
        batches.iter().map(|b| ms(*b)).fold(0.0, f64::max),
    );
}
