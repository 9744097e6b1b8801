//! The server binary's command line, run as a user runs it.
//!
//! Also what makes cargo build the `server` binary before the tests of a run that includes
//! this package: the tests crate's `ServerProcess` runs that binary (crash tests).

use std::process::Command;

fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("ECOSSOL_") {
            command.env_remove(name);
        }
    }
    command
}

#[test]
fn the_help_lists_the_commands() {
    let output = server().arg("--help").output().expect("the binary runs");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "seed-demo", "import", "reindex", "audit", "admin"] {
        assert!(help.contains(command), "{command} in:\n{help}");
    }
}

#[test]
fn verifying_the_audit_log_without_its_key_fails_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = server()
        .args(["audit", "verify"])
        .env("ECOSSOL_DATA_DIR", dir.path())
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    assert!(!output.status.success(), "no key, no verdict");
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("clé d'audit introuvable"), "{error}");
    assert!(!dir.path().join("audit.key").exists(), "verifying makes no key");
}
