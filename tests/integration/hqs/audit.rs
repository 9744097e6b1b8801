//! The audit log's hash chain: appends in the caller's transaction, concurrent appends stay
//! one chain, and `server audit verify` finds a changed or removed entry.

use app::services::audit::{Event, Verification, append, verify};
use serde_json::json;
use server::{
    Settings,
    config::{AuditSettings, DatabaseSettings},
};
use tests::{AUDIT_KEY, spawn_app};

async fn log(db: &app::db::Db, n: i64, commit: bool) {
    let mut tx = app::db::begin(db).await.expect("transaction");
    let details = json!({ "n": n, "comment": "pièce acceptée" });
    let event = Event {
        at: 1_800_000_000_000 + n,
        actor_id: Some("agent"),
        subject_type: "check",
        subject_id: "controle-1",
        action: "evidence_accepted",
        details: &details,
    };
    append(&mut tx, &event).await.expect("append");
    if commit {
        tx.commit().await.expect("commit");
    } else {
        tx.rollback().await.expect("rollback");
    }
}

#[tokio::test]
async fn the_chain_holds_and_any_tampering_is_found() {
    let app = spawn_app().await;
    let db = app.state.db.clone();
    for n in 1..=5 {
        log(&db, n, true).await;
    }
    // A rolled-back change leaves no entry and no gap.
    log(&db, 99, false).await;
    let Verification::Intact { entries, .. } = verify(&db).await.expect("verify") else {
        panic!("an untouched log is intact")
    };
    assert_eq!(entries, 5);

    // Concurrent appends from several tasks make one chain.
    let tasks: Vec<_> = (6..=25)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(async move { log(&db, n, true).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
    assert!(matches!(verify(&db).await.expect("verify"), Verification::Intact { entries: 25, .. }));

    let settings = Settings {
        database: DatabaseSettings {
            url: Some(app.database_url.clone().into()),
            max_connections: 2,
        },
        data_dir: app.data_dir.clone(),
        audit: AuditSettings { key: Some(AUDIT_KEY.into()), ..AuditSettings::default() },
        ..Settings::default()
    };
    server::admin::audit_verify(&settings, None)
        .await
        .expect("the command passes on an intact log");

    // An entry's content changed in the database.
    let original: String = sqlx::query_scalar("SELECT details FROM audit_log WHERE seq = 3")
        .fetch_one(&db)
        .await
        .expect("details");
    sqlx::query("UPDATE audit_log SET details = $1 WHERE seq = 3")
        .bind(r#"{"n":3,"comment":"pièce refusée"}"#)
        .execute(&db)
        .await
        .expect("tamper");
    assert_eq!(
        verify(&db).await.expect("verify"),
        Verification::Broken {
            seq: 3,
            reason: "son contenu ne correspond plus à son empreinte".to_owned()
        }
    );
    let failure =
        server::admin::audit_verify(&settings, None).await.expect_err("the command fails");
    assert!(failure.to_string().contains("entrée 3"), "{failure}");
    sqlx::query("UPDATE audit_log SET details = $1 WHERE seq = 3")
        .bind(&original)
        .execute(&db)
        .await
        .expect("restore");
    assert!(matches!(verify(&db).await.expect("verify"), Verification::Intact { .. }));

    // An entry removed from the middle, then from the end.
    sqlx::query("DELETE FROM audit_log WHERE seq = 7").execute(&db).await.expect("delete");
    assert!(matches!(verify(&db).await.expect("verify"), Verification::Broken { seq: 7, .. }));
    sqlx::query("DELETE FROM audit_log WHERE seq >= 7").execute(&db).await.expect("delete tail");
    let verdict = verify(&db).await.expect("verify");
    assert!(
        matches!(&verdict, Verification::Broken { seq: 7, reason } if reason.contains("fin supprimée")),
        "{verdict:?}"
    );
    app.stop().await;
}
