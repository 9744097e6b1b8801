//! The audit log's anchor outside the database: entries sealed with a key the database does
//! not hold, a signed checkpoint file a day, and `server audit verify` against it. Whoever
//! rewrites the database — entries and head — gets a chain that may verify on its own, but
//! not against the checkpoint.

use app::{
    clock::{Clock, DAY_MS},
    db::{Db, audit_log::AuditRow},
    services::audit::{
        self, AuditKey, Event, GENESIS, UNSEALED, Verification, checkpoint, sealed_hash,
        unsealed_hash,
    },
};
use serde_json::json;
use server::{
    Settings,
    config::{AuditSettings, DatabaseSettings},
    workers::audit_checkpoints::CheckpointWorker,
};
use tests::{AUDIT_KEY, TestApp, spawn_app};

async fn log(db: &Db, n: i64) {
    let mut tx = app::db::begin(db).await.expect("transaction");
    let details = json!({ "n": n, "decision": "accepted" });
    let event = Event {
        at: 1_800_000_000_000 + n,
        actor_id: Some("agent"),
        subject_type: "check",
        subject_id: "controle-1",
        action: "evidence_accepted",
        details: &details,
    };
    audit::append(&mut tx, &event).await.expect("append");
    tx.commit().await.expect("commit");
}

async fn rows(db: &Db) -> Vec<AuditRow> {
    app::db::audit_log::page(db, 0, 1000).await.expect("entries")
}

/// What someone who can write the database does: entry `seq` gets new details, and every
/// entry from `from` on is chained again with `rehash`, the head too.
async fn rewrite(db: &Db, seq: i64, from: i64, rehash: impl Fn(&mut AuditRow)) {
    let mut previous = GENESIS.to_owned();
    for mut row in rows(db).await {
        if row.seq >= from {
            if row.seq == seq {
                row.details = json!({ "n": seq, "decision": "refused" }).to_string();
            }
            row.previous_hash = previous.clone();
            rehash(&mut row);
            sqlx::query(
                "UPDATE audit_log SET details = $1, previous_hash = $2, hash = $3, \
                 hash_version = $4 WHERE seq = $5",
            )
            .bind(&row.details)
            .bind(&row.previous_hash)
            .bind(&row.hash)
            .bind(row.hash_version)
            .bind(row.seq)
            .execute(db)
            .await
            .expect("rewrite");
        }
        previous = row.hash;
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&previous)
        .execute(db)
        .await
        .expect("head");
}

fn worker(app: &TestApp) -> CheckpointWorker {
    CheckpointWorker {
        db: app.state.db.clone(),
        clock: app.state.clock.clone(),
        dir: app.data_dir.join("audit"),
    }
}

fn settings(app: &TestApp) -> Settings {
    Settings {
        data_dir: app.data_dir.clone(),
        database: DatabaseSettings {
            url: Some(app.database_url.clone().into()),
            max_connections: 2,
        },
        audit: AuditSettings { key: Some(AUDIT_KEY.into()), ..AuditSettings::default() },
        ..Settings::default()
    }
}

/// Today's checkpoint file, once the server's worker wrote it at its start.
async fn checkpoint_of_today(app: &TestApp) -> std::path::PathBuf {
    let day = app::domain::calendar::iso_date(app.clock.now_ms());
    let file = app.data_dir.join("audit").join(app::domain::audit::file_name(&day));
    assert!(tests::eventually(20, async || file.exists()).await, "the worker's checkpoint");
    file
}

/// Tomorrow's checkpoint, by the worker; its file.
async fn checkpoint_tomorrow(app: &TestApp) -> std::path::PathBuf {
    checkpoint_of_today(app).await;
    app.clock.advance_ms(DAY_MS);
    let written = worker(app).once().await.expect("checkpoint").expect("a new day's file");
    assert!(worker(app).once().await.expect("again").is_none(), "one checkpoint a day");
    written
}

#[tokio::test]
async fn a_rewritten_past_fails_against_the_checkpoint() {
    let app = spawn_app().await;
    let db = app.state.db.clone();
    for n in 1..=5 {
        log(&db, n).await;
    }
    let file = checkpoint_tomorrow(&app).await;
    let signed = server::audit::read_checkpoint(&file).expect("checkpoint file");
    assert_eq!(signed.seq, 5);
    assert_eq!(signed.hash, rows(&db).await[4].hash);
    assert!(matches!(
        checkpoint::against(&db, &signed).await.expect("verify"),
        Verification::Intact { entries: 5, unsealed: 0, .. }
    ));
    server::admin::audit_verify(&settings(&app), Some(&file)).await.expect("an intact log passes");
    // Entries appended after the checkpoint do not trouble it.
    log(&db, 6).await;
    server::admin::audit_verify(&settings(&app), None).await.expect("the latest checkpoint holds");

    // Without the key, the past is rewritten under the old, unsealed rule: the chain alone
    // verifies, the checkpoint does not.
    rewrite(&db, 3, 1, |row| {
        row.hash_version = UNSEALED;
        row.hash = unsealed_hash(row);
    })
    .await;
    let alone = audit::verify(&db).await.expect("verify");
    assert!(matches!(alone, Verification::Intact { entries: 6, unsealed: 6, .. }), "{alone:?}");
    let verdict = checkpoint::against(&db, &signed).await.expect("verify");
    let Verification::Broken { seq: 5, reason } = &verdict else { panic!("{verdict:?}") };
    assert!(reason.contains("point d'ancrage") && reason.contains("réécrit"), "{reason}");
    let failure = server::admin::audit_verify(&settings(&app), Some(&file))
        .await
        .expect_err("the command fails");
    assert!(failure.to_string().contains("does not verify"), "{failure}");
    assert!(failure.to_string().contains("réécrit"), "{failure}");
    // And no later checkpoint signs the rewritten chain.
    app.clock.advance_ms(DAY_MS);
    let refused = worker(&app).once().await.expect_err("no checkpoint of a rewritten chain");
    assert!(refused.to_string().contains("does not verify"), "{refused}");
    app.stop().await;
}

#[tokio::test]
async fn a_stolen_key_or_a_cut_tail_still_fails_against_the_checkpoint() {
    let app = spawn_app().await;
    let db = app.state.db.clone();
    for n in 1..=5 {
        log(&db, n).await;
    }
    let file = checkpoint_tomorrow(&app).await;
    let signed = server::audit::read_checkpoint(&file).expect("checkpoint file");

    // The tail cut off and the head moved back: the chain alone verifies.
    sqlx::query("DELETE FROM audit_log WHERE seq > 3").execute(&db).await.expect("cut");
    sqlx::query("UPDATE audit_head SET seq = 3, hash = $1 WHERE id = 1")
        .bind(&rows(&db).await[2].hash)
        .execute(&db)
        .await
        .expect("head");
    assert!(matches!(audit::verify(&db).await.expect("verify"), Verification::Intact { .. }));
    let verdict = checkpoint::against(&db, &signed).await.expect("verify");
    assert!(
        matches!(&verdict, Verification::Broken { seq: 4, reason } if reason.contains("fin supprimée")),
        "{verdict:?}"
    );
    for n in 4..=5 {
        log(&db, n).await;
    }

    // With the key itself, entry 2 rewritten and the chain sealed again.
    let key = AuditKey::from_hex(AUDIT_KEY).expect("key");
    rewrite(&db, 2, 2, |row| row.hash = sealed_hash(&key, row)).await;
    assert!(matches!(audit::verify(&db).await.expect("verify"), Verification::Intact { .. }));
    assert!(matches!(
        checkpoint::against(&db, &signed).await.expect("verify"),
        Verification::Broken { seq: 5, .. }
    ));

    // A checkpoint file changed by hand no longer bears the key's signature.
    let forged = app::domain::audit::Checkpoint { hash: rows(&db).await[4].hash.clone(), ..signed };
    let verdict = checkpoint::against(&db, &forged).await.expect("verify");
    assert!(matches!(verdict, Verification::ForgedCheckpoint { .. }), "{verdict:?}");
    assert!(verdict.to_string().contains("signature"), "{verdict}");
    app.stop().await;
}

#[tokio::test]
async fn entries_are_sealed_with_the_key_and_old_ones_stay_verifiable() {
    let app = spawn_app().await;
    let db = app.state.db.clone();
    for n in 1..=3 {
        log(&db, n).await;
    }
    let sealed = rows(&db).await;
    assert!(sealed.iter().all(|row| row.hash_version == audit::SEALED));
    // The hash is not what anyone can recompute without the key.
    assert_ne!(sealed[0].hash, unsealed_hash(&sealed[0]));
    let other_key = AuditKey::generate();
    assert_ne!(sealed[0].hash, sealed_hash(&other_key, &sealed[0]));

    // A log from before the key: its entries (version 1) verify as they were, and the
    // sealed ones go on after them.
    rewrite(&db, 0, 1, |row| {
        row.hash_version = UNSEALED;
        row.hash = unsealed_hash(row);
    })
    .await;
    log(&db, 4).await;
    let verdict = audit::verify(&db).await.expect("verify");
    assert!(matches!(verdict, Verification::Intact { entries: 4, unsealed: 3, .. }), "{verdict:?}");
    assert!(verdict.to_string().contains("dont 3 antérieures à la clé"), "{verdict}");

    // An entry after a sealed one cannot go back to the old rule.
    log(&db, 5).await;
    rewrite(&db, 0, 5, |row| {
        row.hash_version = UNSEALED;
        row.hash = unsealed_hash(row);
    })
    .await;
    let verdict = audit::verify(&db).await.expect("verify");
    assert!(
        matches!(&verdict, Verification::Broken { seq: 5, reason } if reason.contains("pas scellée")),
        "{verdict:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn animators_see_the_last_checkpoint_on_their_desk() {
    let app = spawn_app().await;
    let animator = app.animator("animatrice@pole.example").await;
    let signed = server::audit::read_checkpoint(&checkpoint_of_today(&app).await).expect("file");
    let page = animator
        .get(app.url("/label-hqs/dossiers"))
        .send()
        .await
        .expect("desk")
        .text()
        .await
        .expect("page");
    let day = app::domain::calendar::french_date(app.clock.now_ms());
    let line = &page[page.find(r#"id="audit-anchor""#).expect("the anchor's line")..];
    // Without the markers hydration puts between texts.
    let line = line[..line.find("</p>").expect("end of line")].replace("<!>", "");
    assert!(line.contains(&format!("dernier point d'ancrage le {day}")), "{line}");
    assert!(line.contains(&format!("entrée {}", signed.seq)), "{line}");
    assert!(line.contains(&signed.hash), "{line}");
    assert!(!line.contains("signature invalide"), "{line}");
    app.stop().await;
}

#[tokio::test]
async fn verifying_while_entries_are_appended_finds_the_chain_intact() {
    // The checkpoint worker verifies a live log: appends committed meanwhile are not a cut.
    let app = spawn_app().await;
    let db = app.state.db.clone();
    let appends: Vec<_> = (1..=40)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(async move { log(&db, n).await })
        })
        .collect();
    for _ in 0..20 {
        let verdict = audit::verify(&db).await.expect("verify");
        assert!(matches!(verdict, Verification::Intact { .. }), "{verdict:?}");
    }
    for append in appends {
        append.await.expect("append");
    }
    assert!(matches!(
        audit::verify(&db).await.expect("verify"),
        Verification::Intact { entries: 40, .. }
    ));
    app.stop().await;
}
