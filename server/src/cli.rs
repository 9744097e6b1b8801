//! The server binary's command line.

use clap::{Parser, Subcommand};

use crate::{Application, Settings, startup::shutdown_signal, telemetry};

#[derive(Debug, Parser)]
#[command(name = "server", about = "Ecossol, la place de marché des achats solidaires")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Fill the directory with a realistic, deterministic demo data set.
    SeedDemo {
        #[arg(long, default_value_t = 1000)]
        structures: usize,
        #[arg(long, default_value_t = 5000)]
        offers: usize,
        #[arg(long, default_value_t = 2003)]
        seed: u64,
        /// Only when the directory is empty (what `make run` does).
        #[arg(long)]
        if_empty: bool,
        /// Also add this many generated purchase lines to the ledger (benchmarks).
        #[arg(long)]
        ledger_lines: Option<u64>,
    },
    /// Import structures and offers from CSV files: all rows or none. `--dry-run` lists every
    /// row's errors without storing anything.
    Import {
        #[arg(long)]
        structures: Option<std::path::PathBuf>,
        #[arg(long)]
        offers: Option<std::path::PathBuf>,
        #[arg(long)]
        dry_run: bool,
    },
    /// Import a DECP open-data file (JSON or XML) into the watch's purchase ledger: the
    /// contracts of the listed buyers and those carried out in the Métropole; all or nothing.
    /// `--dry-run` reads and counts without storing anything.
    ImportDecp {
        file: std::path::PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
    /// Rebuild the search indexes from the database and swap them in (search keeps working).
    /// The running server does it; this asks and waits.
    Reindex,
    /// The audit log of compliance checks and labels.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the log's hash chain with the audit key; fails at the first entry changed,
    /// inserted or removed, or when the checkpoint's entry no longer has the hash it signed
    /// (by default the latest checkpoint of the checkpoint folder).
    Verify {
        #[arg(long)]
        checkpoint: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator (or make an existing account one). The password is read from
    /// standard input (one line) or asked for on the terminal.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init(telemetry::DEFAULT_FILTER);
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => Application::build(settings).await?.run_until(shutdown_signal()).await,
        Command::SeedDemo { structures, offers, seed, if_empty, ledger_lines } => {
            let sizes = crate::admin::DemoSizes { structures, offers, ledger_lines };
            crate::admin::seed_demo(&settings, seed, sizes, if_empty).await
        }
        Command::Import { structures, offers, dry_run } => {
            crate::admin::import(&settings, structures.as_deref(), offers.as_deref(), dry_run).await
        }
        Command::ImportDecp { file, dry_run } => {
            crate::admin::import_decp(&settings, &file, dry_run).await
        }
        Command::Reindex => crate::admin::reindex(&settings).await,
        Command::Audit { command: AuditCommand::Verify { checkpoint } } => {
            crate::admin::audit_verify(&settings, checkpoint.as_deref()).await
        }
        Command::Admin { command: AdminCommand::CreateAdmin { email } } => {
            crate::admin::create_admin(&settings, &email).await
        }
    }
}
