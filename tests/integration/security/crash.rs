//! A crash in the middle of acknowledged writes: the server binary is killed with SIGKILL
//! while suppliers save offers and an officer takes the steps of a check, then started again
//! on the same database. Every write it acknowledged is there, none is half applied, the
//! audit chain verifies (`server audit verify`), the e-mail and search outboxes hold exactly
//! what the writes queued, and the search index catches up.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use serde_json::Value;
use sqlx::Row;
use tests::{ServerProcess, profile_fields, spawn_app_with};

const OFFERS: usize = 4;
/// The crash comes once this many offer edits and check steps were acknowledged.
const OFFER_EDITS_BEFORE_KILL: usize = 40;
const CHECK_STEPS_BEFORE_KILL: usize = 6;
const SUPPLIER: &str = "regie@crash.example";

/// What the burst's writers saw: the last version of each offer, and the texts of the check
/// steps, that the server acknowledged; and any answer that was neither a success nor the
/// server's death.
#[derive(Default)]
struct Acknowledged {
    offers: [usize; OFFERS],
    steps: Vec<String>,
    unexpected: Vec<String>,
}

type Shared = Arc<std::sync::Mutex<Acknowledged>>;

/// A plain form post, as a browser without JavaScript sends it: success is a redirection to the page
/// with `done` in its address; otherwise the status and address answered.
async fn post_form(
    client: &reqwest::Client,
    url: &str,
    form: &[(&str, String)],
    done: &str,
) -> Result<Result<(), String>, reqwest::Error> {
    let response = client
        .post(url)
        .header("accept", "text/html,application/xhtml+xml")
        .form(form)
        .send()
        .await?;
    let location = response.headers().get("location").and_then(|l| l.to_str().ok());
    if response.status().is_redirection() && location.is_some_and(|l| l.contains(done)) {
        return Ok(Ok(()));
    }
    Ok(Err(format!("{} {location:?}", response.status())))
}

fn offer_form(offer_id: &str, k: usize, n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("offer_id", offer_id.to_owned()),
        ("form[title]", format!("Offre {k} version {n}")),
        ("form[description]", format!("Description de l'offre {k}, version {n}.")),
        ("form[sector]", "espaces-verts".to_owned()),
        ("form[service_kind]", "service".to_owned()),
        ("form[price]", format!("{n},00")),
        ("form[unit]", format!("lot {n}")),
        ("form[lead_time]", format!("{n} jours")),
        ("form[min_quantity]", n.to_string()),
    ]
}

/// Saves offer `k` again and again, each version after the last was acknowledged, until the
/// server stops answering.
async fn edit_offer(
    url: String,
    client: reqwest::Client,
    offer_id: String,
    k: usize,
    acked: Shared,
    count: Arc<AtomicUsize>,
    killed: Arc<AtomicBool>,
) {
    for n in 1.. {
        match post_form(&client, &url, &offer_form(&offer_id, k, n), "enregistre=1").await {
            Ok(Ok(())) => {
                acked.lock().expect("lock").offers[k] = n;
                count.fetch_add(1, Ordering::SeqCst);
            }
            Ok(Err(answer)) => {
                acked.lock().expect("lock").unexpected.push(format!("offer {k} v{n}: {answer}"));
                return;
            }
            Err(error) => {
                if !killed.load(Ordering::SeqCst) {
                    acked.lock().expect("lock").unexpected.push(format!("offer {k}: {error}"));
                }
                return;
            }
        }
    }
}

/// Decides and reopens the check in turn, with a numbered text each time.
async fn step_check(
    url: String,
    client: reqwest::Client,
    check_id: String,
    acked: Shared,
    count: Arc<AtomicUsize>,
    killed: Arc<AtomicBool>,
) {
    for n in 1.. {
        let (step, text) = if n % 2 == 1 {
            ("decide", format!("Décision n°{n}."))
        } else {
            ("reopen", format!("Réouverture n°{n}."))
        };
        let form = [
            ("check_id", check_id.clone()),
            ("step", step.to_owned()),
            ("text", text.clone()),
            ("decision", "compliant".to_owned()),
        ];
        match post_form(&client, &url, &form, "etape=1").await {
            Ok(Ok(())) => {
                acked.lock().expect("lock").steps.push(text);
                count.fetch_add(1, Ordering::SeqCst);
            }
            Ok(Err(answer)) => {
                acked.lock().expect("lock").unexpected.push(format!("step {n}: {answer}"));
                return;
            }
            Err(error) => {
                if !killed.load(Ordering::SeqCst) {
                    acked.lock().expect("lock").unexpected.push(format!("step {n}: {error}"));
                }
                return;
            }
        }
    }
}

/// What the burst works on, arranged through the in-process harness on the process's
/// database (no audit entry is written there: the process seals every one with its key).
struct Arranged {
    supplier: reqwest::Client,
    officer: reqwest::Client,
    offers: Vec<String>,
    buyer_organisation: String,
    profile: String,
    structure: String,
}

async fn arrange(process: &ServerProcess) -> Arranged {
    let url = process.database_url.clone();
    let prefix = process.index_prefix.clone();
    let app = spawn_app_with(move |settings| {
        settings.database.url = Some(url.into());
        settings.meili.index_prefix = prefix;
    })
    .await;
    let animator = app.animator("anim@pole.example").await;
    let supplier = app.published_supplier("Régie Crash", SUPPLIER, &animator).await;
    let mut offers = Vec::new();
    for k in 0..OFFERS {
        let id = app.create_offer(&supplier, &format!("Offre {k}")).await;
        let form = [("offer_id", id.as_str()), ("status", "published")];
        app.call_ok(&supplier.client, "offer-status", &form).await;
        offers.push(id);
    }
    let buyer = app.verified_buyer("Ville de Crash", "achats@ville.example").await;
    let officer = app.signed_in_user("Agent", "agent@ville.example").await;
    app.add_member(&buyer.organisation_id, "agent@ville.example", "procurement_officer").await;
    let fields = profile_fields("Gouvernance", false, &[("gouvernance-democratique.use", "1")]);
    let profile = app.create_profile(&buyer, fields).await;
    app.stop().await;
    Arranged {
        supplier: supplier.client,
        officer,
        offers,
        buyer_organisation: buyer.organisation_id,
        profile,
        structure: supplier.structure_id,
    }
}

#[tokio::test]
async fn acknowledged_writes_survive_a_sigkill_whole() {
    let mut process = ServerProcess::start().await;
    let arranged = arrange(&process).await;
    // The check is opened by the process (its audit entry sealed with the process's key);
    // the clients' session cookies are for 127.0.0.1, whatever the port.
    let open = [
        ("organisation_id", arranged.buyer_organisation.clone()),
        ("profile_id", arranged.profile.clone()),
        ("structure_id", arranged.structure.clone()),
    ];
    let opened = arranged
        .officer
        .post(process.url("/api/hqs-check-open"))
        .form(&open)
        .send()
        .await
        .expect("open");
    let opened: Value = opened.json().await.expect("outcome");
    let check = opened["Done"].as_str().unwrap_or_else(|| panic!("opened: {opened}")).to_owned();

    let acked = Shared::default();
    let (offer_edits, check_steps) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let killed = Arc::new(AtomicBool::new(false));
    let mut writers = tokio::task::JoinSet::new();
    for (k, offer) in arranged.offers.iter().enumerate() {
        writers.spawn(edit_offer(
            process.url("/api/offer-update"),
            arranged.supplier.clone(),
            offer.clone(),
            k,
            acked.clone(),
            offer_edits.clone(),
            killed.clone(),
        ));
    }
    writers.spawn(step_check(
        process.url("/api/hqs-check-step"),
        arranged.officer.clone(),
        check.clone(),
        acked.clone(),
        check_steps.clone(),
        killed.clone(),
    ));
    let started = Instant::now();
    while offer_edits.load(Ordering::SeqCst) < OFFER_EDITS_BEFORE_KILL
        || check_steps.load(Ordering::SeqCst) < CHECK_STEPS_BEFORE_KILL
    {
        assert!(started.elapsed() < Duration::from_secs(30), "the burst is too slow");
        let unexpected = acked.lock().expect("lock").unexpected.clone();
        assert!(unexpected.is_empty(), "{unexpected:?}\n{}", process.log_text());
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    killed.store(true, Ordering::SeqCst);
    process.kill().await;
    let burst = started.elapsed();
    while writers.join_next().await.is_some() {}
    let acked = std::mem::take(&mut *acked.lock().expect("lock"));
    assert!(acked.unexpected.is_empty(), "{:?}", acked.unexpected);
    eprintln!(
        "killed after {:?}: {} offer edits and {} check steps acknowledged",
        burst,
        acked.offers.iter().sum::<usize>(),
        acked.steps.len()
    );

    process.restart().await;
    let db = tests::pool(&process.database_url).await;
    offers_are_whole(&db, &arranged.offers, &acked.offers).await;
    let logged = check_is_whole(&db, &check, &acked.steps).await;
    mails_are_whole(&db, &logged).await;

    let verify = process.run(&["audit", "verify"]).await;
    let said = String::from_utf8_lossy(&verify.stdout).into_owned()
        + &String::from_utf8_lossy(&verify.stderr);
    assert!(verify.status.success(), "audit verify: {said}");
    assert!(said.contains("Journal d'audit intègre"), "{said}");

    // The search outbox was not lost: the restarted server indexes every offer's last version
    // once the killed server's leases, on the outbox and on the entries it had claimed, have
    // run out (30 s; moved to now here).
    sqlx::query("UPDATE search_lease SET until = 0").execute(&db).await.expect("lease");
    sqlx::query("UPDATE search_outbox SET claimed_until = 0 WHERE claimed_until IS NOT NULL")
        .execute(&db)
        .await
        .expect("claims");
    assert!(
        tests::eventually(10, async || {
            app::db::search_outbox::pending(&db).await.is_ok_and(|n| n == 0)
        })
        .await,
        "the search outbox drains after the restart"
    );
    let titles = indexed_titles(&process).await;
    for offer in &arranged.offers {
        let title: String = sqlx::query_scalar("SELECT title FROM offers WHERE id = $1")
            .bind(offer)
            .fetch_one(&db)
            .await
            .expect("title");
        assert!(titles.contains(&title), "{title} indexed: {titles:?}");
    }
    process.kill().await;
}

/// Each offer holds one version whole (its seven fields agree), the last acknowledged or the
/// one in flight when the server died.
async fn offers_are_whole(db: &sqlx::AnyPool, offers: &[String], acked: &[usize]) {
    for (k, offer) in offers.iter().enumerate() {
        let row = sqlx::query(
            "SELECT title, description, price_cents, unit, lead_time, min_quantity \
             FROM offers WHERE id = $1",
        )
        .bind(offer)
        .fetch_one(db)
        .await
        .expect("offer");
        let title: String = row.get(0);
        let n: usize = title
            .strip_prefix(&format!("Offre {k} version "))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("offer {k}: {title}"));
        assert!(n == acked[k] || n == acked[k] + 1, "offer {k}: v{n}, acknowledged v{}", acked[k]);
        let whole = (
            row.get::<String, _>(1),
            row.get::<i64, _>(2),
            row.get::<String, _>(3),
            row.get::<String, _>(4),
            row.get::<i64, _>(5),
        );
        let version = (
            format!("Description de l'offre {k}, version {n}."),
            n as i64 * 100,
            format!("lot {n}"),
            format!("{n} jours"),
            n as i64,
        );
        assert_eq!(whole, version, "offer {k} is version {n} whole");
    }
}

/// The check's audit trail starts with every acknowledged step, in order, with at most the
/// one in flight after them; the check's state is the last logged step's. Returns the logged
/// steps' texts.
async fn check_is_whole(db: &sqlx::AnyPool, check: &str, acked: &[String]) -> Vec<String> {
    let rows = sqlx::query(
        "SELECT action, details FROM audit_log WHERE subject_id = $1 AND action <> 'opened' \
         ORDER BY seq",
    )
    .bind(check)
    .fetch_all(db)
    .await
    .expect("audit");
    let logged: Vec<(String, Value)> = rows
        .iter()
        .map(|r| (r.get(0), serde_json::from_str(&r.get::<String, _>(1)).expect("JSON")))
        .collect();
    let texts: Vec<String> =
        logged.iter().map(|(_, d)| d["text"].as_str().expect("text").to_owned()).collect();
    assert!(texts.starts_with(acked), "acknowledged {acked:?}, logged {texts:?}");
    assert!(texts.len() <= acked.len() + 1, "acknowledged {acked:?}, logged {texts:?}");
    let (last_action, last) = logged.last().expect("steps logged");
    let row = sqlx::query("SELECT state, decision_comment FROM hqs_checks WHERE id = $1")
        .bind(check)
        .fetch_one(db)
        .await
        .expect("check");
    let (state, comment): (String, Option<String>) = (row.get(0), row.get(1));
    assert_eq!(state, last["to"].as_str().expect("to"), "{last_action}: {last}");
    let decided = last_action == "decide";
    assert_eq!(comment.as_deref(), decided.then(|| last["text"].as_str().expect("text")));
    texts
}

/// Every logged step queued exactly one mail to the supplier, with its text; no row of the
/// outbox lacks a recipient, a subject or a body.
async fn mails_are_whole(db: &sqlx::AnyPool, logged: &[String]) {
    let rows = sqlx::query("SELECT to_address, subject, body_text FROM email_outbox")
        .fetch_all(db)
        .await
        .expect("outbox");
    let mails: Vec<(String, String, String)> =
        rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    assert!(
        mails.iter().all(|(to, subject, body)| {
            !to.is_empty() && !subject.is_empty() && !body.is_empty()
        })
    );
    let check_mails: Vec<&String> = mails
        .iter()
        .filter(|(to, subject, _)| to == SUPPLIER && subject.starts_with("Contrôle HQS"))
        .map(|(_, _, body)| body)
        .collect();
    assert_eq!(check_mails.len(), logged.len(), "one mail per logged step");
    for text in logged {
        let with_text = check_mails.iter().filter(|body| body.contains(text.as_str())).count();
        assert_eq!(with_text, 1, "the mail of {text}");
    }
}

/// The titles in the process's offers index, straight from Meilisearch.
async fn indexed_titles(process: &ServerProcess) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Hit {
        title: String,
    }
    let meili = tests::shared_meili().await;
    let engine = app::search::SearchEngine::new(
        &meili.url,
        Some(secrecy::ExposeSecret::expose_secret(&meili.key)),
        process.index_prefix.clone(),
        Duration::from_secs(5),
    )
    .expect("search client");
    let results = engine
        .client()
        .index(engine.index_name("offers"))
        .search()
        .with_limit(100)
        .execute::<Hit>()
        .await
        .expect("search");
    results.hits.into_iter().map(|h| h.result.title).collect()
}
