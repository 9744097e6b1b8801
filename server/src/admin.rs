//! `server admin …`: tasks run from the command line, against the database only.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Context;
use app::{
    clock::{Clock, SystemClock},
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

/// How much `seed-demo` makes.
pub struct DemoSizes {
    pub structures: usize,
    pub offers: usize,
    /// Generated ledger lines added after the demo (benchmarks).
    pub ledger_lines: Option<u64>,
}

pub async fn seed_demo(
    settings: &Settings,
    seed: u64,
    sizes: DemoSizes,
    if_empty: bool,
) -> anyhow::Result<()> {
    let DemoSizes { structures, offers, ledger_lines } = sizes;
    crate::audit::install_key(settings, crate::audit::Missing::Create)?;
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    if if_empty && db::structures::count(&db).await? > 0 {
        println!("L'annuaire contient déjà des structures : rien n'est ajouté.");
        demo_accounts(&db).await?;
        db.close().await;
        return Ok(());
    }
    let started = std::time::Instant::now();
    let (s, o) =
        app::services::directory::demo::seed(&db, seed, structures, offers, SystemClock.now_ms())
            .await?;
    println!(
        "Données de démonstration : {s} structures et {o} offres en {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    demo_accounts(&db).await?;
    let needs = app::services::needs::demo::seed(&db, SystemClock.now_ms()).await?;
    if needs > 0 {
        println!(
            "Besoins de démonstration : {needs} (brouillon, en validation, à compléter, refusé, publié avec devis, attribué avec son achat)."
        );
    }
    seed_hqs(settings, &db).await?;
    let purchases = app::services::watch::demo::seed(&db, SystemClock.now_ms()).await?;
    if purchases > 0 {
        println!(
            "Veille : un fichier d'achats importé pour l'acheteur privé de démonstration ({purchases} lignes)."
        );
    }
    seed_ledger(&db, seed, ledger_lines).await?;
    let contracts = app::services::watch::indicators_demo::seed(&db, SystemClock.now_ms()).await?;
    if contracts > 0 {
        println!(
            "Veille : {contracts} marchés de neuf acheteurs sur trois ans pour les indicateurs."
        );
    }
    let contracts = app::services::watch::demo_decp::seed(&db, SystemClock.now_ms()).await?;
    if contracts > 0 {
        println!("Veille : un fichier DECP importé ({contracts} marchés publics du territoire).");
    }
    db.close().await;
    Ok(())
}

/// The demo's HQS profiles, checks and labels (once), made through the services.
async fn seed_hqs(settings: &Settings, db: &db::Db) -> anyhow::Result<()> {
    let state = crate::offline::state(settings, db.clone()).await?;
    let made = app::services::hqs::demo::seed(&state).await?;
    if made.profiles > 0 {
        println!(
            "HQS : {} profils d'acheteurs, {} contrôles d'un acheteur, {} labels attribués, {} dossier en attente du pôle.",
            made.profiles, made.checks, made.labels_granted, made.labels_waiting
        );
    }
    Ok(())
}

/// The demo ledger (once), and the generated lines asked for.
async fn seed_ledger(db: &db::Db, seed: u64, ledger_lines: Option<u64>) -> anyhow::Result<()> {
    use app::services::watch::demo_ledger;
    let started = std::time::Instant::now();
    let lines = demo_ledger::seed(db, SystemClock.now_ms()).await?;
    if lines > 0 {
        println!(
            "Veille : registre de démonstration de {lines} lignes d'achats ({}–aujourd'hui, acheteurs publics et privés) en {:.1} s.",
            demo_ledger::FIRST_YEAR,
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(count) = ledger_lines {
        let started = std::time::Instant::now();
        let made = demo_ledger::generate(db, count, seed, SystemClock.now_ms()).await?;
        println!(
            "Veille : {made} lignes d'achats générées en {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Makes (once) and prints the demo accounts, on a database seed-demo filled only.
async fn demo_accounts(db: &db::Db) -> anyhow::Result<()> {
    use app::services::demo_accounts::{DEMO_PASSWORD, ensure};
    let hashing = tokio::task::spawn_blocking(|| PasswordHashing::new(1)).await??;
    let accounts = ensure(db, &hashing, SystemClock.now_ms()).await?;
    if accounts.is_empty() {
        return Ok(());
    }
    println!("Comptes de démonstration (mot de passe : {DEMO_PASSWORD}) :");
    for account in accounts {
        println!("  {:<30} {}", account.email, account.who);
    }
    Ok(())
}

pub async fn import(
    settings: &Settings,
    structures: Option<&std::path::Path>,
    offers: Option<&std::path::Path>,
    dry_run: bool,
) -> anyhow::Result<()> {
    if structures.is_none() && offers.is_none() {
        anyhow::bail!("give --structures FILE, --offers FILE, or both");
    }
    let read = |path: Option<&std::path::Path>| -> anyhow::Result<Option<String>> {
        path.map(|p| {
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
        })
        .transpose()
    };
    let (structures, offers) = (read(structures)?, read(offers)?);
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    let report = app::services::directory::import::import(
        &db,
        SystemClock.now_ms(),
        structures.as_deref(),
        offers.as_deref(),
        dry_run,
        "Import CSV",
    )
    .await?;
    db.close().await;
    println!("{report}");
    if report.errors.is_empty() { Ok(()) } else { std::process::exit(2) }
}

/// `server import-decp FILE [--dry-run]`: prints the counts and every error in French; exits
/// with 2 when the file has errors (nothing stored).
pub async fn import_decp(
    settings: &Settings,
    file: &std::path::Path,
    dry_run: bool,
) -> anyhow::Result<()> {
    use app::services::watch::decp;
    let opened =
        std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    crate::audit::install_key(settings, crate::audit::Missing::Create)?;
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    let options = decp::Options {
        buyers: &settings.watch.decp_buyers,
        dry_run,
        user_id: None,
        now: SystemClock.now_ms(),
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let report = decp::import(&db, opened, &name, &options).await?;
    db.close().await;
    for line in report.lines().iter().chain(&report.error_lines()) {
        println!("{line}");
    }
    if report.is_ok() { Ok(()) } else { std::process::exit(2) }
}

/// Asks the running server(s) to rebuild the search indexes, and waits for the report.
pub async fn reindex(settings: &Settings) -> anyhow::Result<()> {
    use app::db::search_outbox;
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    let token = SystemClock.now_ms().to_string();
    search_outbox::request_rebuild(&db, &token).await?;
    println!("Reconstruction demandée : le serveur en cours d'exécution s'en charge…");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30 * 60);
    while std::time::Instant::now() < deadline {
        if let Some((structures, offers, millis)) =
            search_outbox::rebuild_report(&db, &token).await?
        {
            println!(
                "Index reconstruits : {structures} structures et {offers} offres en {millis} ms."
            );
            db.close().await;
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    db.close().await;
    anyhow::bail!("no server did the rebuild within 30 minutes: is Ecossol running?")
}

/// `server audit verify [--checkpoint FILE]`: prints the verdict; an error (non-zero exit)
/// when the chain breaks or no longer holds what the checkpoint signed. Without `FILE`, the
/// latest checkpoint of the checkpoint folder, if there is one.
pub async fn audit_verify(
    settings: &Settings,
    checkpoint: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use app::services::audit::{self, Verification};
    crate::audit::install_key(settings, crate::audit::Missing::Fail)?;
    let anchor = match checkpoint {
        Some(path) => Some((path.to_owned(), crate::audit::read_checkpoint(path)?)),
        None => {
            crate::audit::latest_checkpoint(&settings.audit.checkpoint_dir(&settings.data_dir))?
        }
    };
    let db = db::connect(settings.database_url().expose_secret(), &DbOptions::default()).await?;
    let verdict = match &anchor {
        Some((_, checkpoint)) => audit::checkpoint::against(&db, checkpoint).await?,
        None => audit::verify(&db).await?,
    };
    db.close().await;
    match &anchor {
        Some((path, checkpoint)) => println!(
            "Point d'ancrage : {} (entrée {} du {}).",
            path.display(),
            checkpoint.seq,
            app::domain::calendar::french_iso_date(&checkpoint.day)
        ),
        None => println!("Aucun point d'ancrage : le journal est vérifié sans lui."),
    }
    println!("{verdict}");
    match verdict {
        Verification::Intact { .. } => Ok(()),
        broken => anyhow::bail!("the audit log does not verify: {broken}"),
    }
}
