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
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
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
        Command::Admin { command: AdminCommand::CreateAdmin { email } } => {
            crate::admin::create_admin(&settings, &email).await
        }
    }
}
