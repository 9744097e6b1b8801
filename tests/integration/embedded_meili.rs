use std::{os::unix::fs::PermissionsExt, path::Path};

use tests::{eventually, spawn_app_with};

fn alive(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    !status.is_empty() && !status.contains("State:\tZ")
}

#[tokio::test]
async fn the_server_runs_restarts_and_stops_its_own_meilisearch() {
    let app = spawn_app_with(|settings| {
        settings.meili.url = None;
        settings.meili.key = None;
    })
    .await;
    let key_file = app.data_dir.join("meilisearch/master.key");
    let mode = std::fs::metadata(&key_file).expect("master key stored").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the master key is readable by its owner only");
    assert!(Path::new(&app.data_dir.join("meilisearch/data.ms")).is_dir());
    assert_eq!(app.get("/healthz").await.status(), 200);

    let mut pid_watch = app.meili_pid.clone().expect("embedded mode");
    let first = pid_watch.borrow().expect("running");
    std::process::Command::new("kill").args(["-9", &first.to_string()]).status().expect("kill");

    let restarted = eventually(60, async || {
        let pid = *pid_watch.borrow_and_update();
        pid.is_some_and(|pid| pid != first) && app.get("/healthz").await.status() == 200
    })
    .await;
    assert!(restarted, "Meilisearch is restarted after it died");
    let second = pid_watch.borrow().expect("running again");

    app.stop().await;
    assert!(!alive(second), "Meilisearch stops with the server");
}
