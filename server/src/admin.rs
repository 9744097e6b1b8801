//! `server admin …`: tasks run from the command line, against the database only.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Context;
use app::{
    clock::SystemClock,
    db::{self, DbOptions},
    domain::accounts::{Email, Password},
    services::accounts::{PasswordHashing, create_admin as create},
};
use secrecy::{ExposeSecret, SecretString};

use crate::Settings;

pub async fn create_admin(settings: &Settings, email: &str) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = read_password()?;
    let password = Password::parse(password.expose_secret()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    let hashing = tokio::task::spawn_blocking(|| PasswordHashing::new(1)).await??;
    let done = create(&db, &SystemClock, &hashing, &email, &password).await?;
    println!("{email}: {done}");
    db.close().await;
    Ok(())
}

/// One line from standard input; on a terminal, asked for with a prompt (it will echo:
/// prefer piping it, e.g. from a password manager).
fn read_password() -> anyhow::Result<SecretString> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Mot de passe (12 caractères au moins) : ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned().into())
}
