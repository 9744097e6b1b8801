//! DECP v2 open data (données essentielles de la commande publique, DOMAIN.md §4) imported
//! into the purchase ledger, from `server import-decp FILE` or the pôle's upload page.
//!
//! Decisions, and why:
//! - **Read as a stream.** A national file holds hundreds of thousands of contracts: the
//!   readers ([`json`], [`xml`]) hand over one record at a time, never the whole document.
//! - **Kept**: the contracts of a listed buyer (`ECOSSOL_WATCH_DECP_BUYERS`) wherever they
//!   are carried out, and those carried out in the Métropole (one of its 49 communes by INSEE
//!   code, or one of their postcodes). Only the kept records are read field by field: a
//!   national file carries other buyers' mistakes, which are not ours to refuse.
//! - **Concessions are skipped** (counted): a concession is not a purchase — the
//!   concessionnaire is paid by the service's users, and `valeurGlobale` is its turnover
//!   over the whole contract — so adding it to the spend would distort every share; it has
//!   no CPV code nor place to filter on either.
//! - **One line per contract, to its first holder.** DECP gives one amount per contract and
//!   no split between co-contractors: an equal split would invent figures, and the PNAD
//!   share counts contracts. The first `titulaire` is a groupement's mandataire.
//! - **Modifications** apply in the order of `dateNotificationModification`: the last
//!   amount, duration and holders replace the original ones; the line keeps the contract's
//!   notification day.
//! - **Idempotent**: a contract is its buyer's SIRET and its `id`; importing it again
//!   updates its line (which moves to the new import).
//! - **All or nothing**: any error and nothing is stored; every error is listed (up to
//!   [`read::SHOWN_ERRORS`], then counted).

mod json;
mod page;
#[cfg(test)]
mod properties;
pub mod read;
pub mod record;
mod source;
mod store;
#[cfg(test)]
mod tests;
mod xml;

pub use page::{MAX_UPLOAD_BYTES, page, upload};
pub use store::{Options, Report, import};

use crate::domain::needs::budget::euros;

impl Report {
    /// The report in French, a sentence a line: what was read, kept, left aside, or the
    /// errors.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} marché{} lu{}, {} retenu{} ({} ajouté{}, {} mis à jour), {} hors du territoire, \
             {} concession{} ignorée{}.",
            self.read,
            plural(self.read),
            plural(self.read),
            self.kept,
            plural(self.kept),
            self.added,
            plural(self.added),
            self.updated,
            self.outside,
            self.concessions,
            plural(self.concessions),
            plural(self.concessions),
        )];
        if self.is_ok() {
            lines.push(format!(
                "{} rapproché{} de l'annuaire ; montant total {}.",
                self.matched,
                plural(self.matched),
                euros(self.total_cents)
            ));
            if self.dry_run {
                lines.push("Simulation : rien n'a été enregistré.".to_owned());
            }
        } else {
            lines.push(format!(
                "{} erreur{} : rien n'a été importé.",
                self.error_count,
                plural(self.error_count)
            ));
        }
        lines
    }

    /// Every error listed, and how many more there are.
    pub fn error_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.errors.iter().map(|e| e.french()).collect();
        let rest = self.error_count.saturating_sub(self.errors.len() as u64);
        if rest > 0 {
            lines.push(format!("… et {rest} autre{} erreur{}.", plural(rest), plural(rest)));
        }
        lines
    }
}

fn plural(n: u64) -> &'static str {
    if n > 1 { "s" } else { "" }
}
