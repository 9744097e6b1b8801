//! The reading pass of a DECP import, on a blocking thread: records screened by buyer and
//! place, the kept ones read strictly, matched to the directory and handed over in batches;
//! what was left aside counted, every error listed (up to a cap).

use std::{
    collections::{HashMap, HashSet},
    io::{BufReader, Read},
    ops::ControlFlow,
};

use super::{
    json,
    record::{self, Contract, Item},
    source::{self, Format, Hashing},
    xml,
};
use crate::{
    db::decp_ledger::{BATCH, DecpLine},
    domain::{
        Code,
        needs::SocialConsideration,
        watch::{consideration::codes, environment::environmental_codes, text::supplier_key},
    },
    services::watch::matching::Directory,
};

/// The errors a report lists; past them, only their count.
pub const SHOWN_ERRORS: usize = 200;

/// An error of the file: the record's rank among the file's contracts (0 for the file as
/// a whole), its id when readable, the field, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub rank: u64,
    pub id: Option<String>,
    pub field: String,
    pub message: String,
}

impl RecordError {
    /// `Marché n° 3 (id « 2024-07 »), champ montant : …`.
    pub fn french(&self) -> String {
        if self.rank == 0 {
            return self.message.clone();
        }
        let id = self.id.as_ref().map(|id| format!(" (id « {id} »)")).unwrap_or_default();
        format!("Marché n° {}{id}, champ {} : {}", self.rank, self.field, self.message)
    }
}

/// What the reading found.
#[derive(Debug, Default)]
pub struct Tally {
    pub format: Option<Format>,
    pub read: u64,
    pub kept: u64,
    pub outside: u64,
    pub concessions: u64,
    pub matched: u64,
    pub total_cents: i64,
    pub errors: Vec<RecordError>,
    pub error_count: u64,
    pub content_hash: String,
    pub size_bytes: u64,
}

impl Tally {
    fn error(&mut self, error: RecordError) {
        self.error_count += 1;
        if self.errors.len() < SHOWN_ERRORS {
            self.errors.push(error);
        }
    }
}

/// What the reading needs to know: the listed buyers, the directory, Ecossol's buyers.
pub struct Screen {
    pub buyers: HashSet<String>,
    pub directory: Directory,
    pub organisations: HashMap<String, (String, String)>,
}

impl Screen {
    fn line(&self, rank: u64, c: Contract) -> (DecpLine, bool) {
        let siret = c.holder.id.as_ref().and_then(|id| id.siret()).map(str::to_owned);
        let siren = c.holder.id.as_ref().map(|id| id.siren().to_owned());
        let found = self.directory.find(siret.as_deref(), siren.as_deref(), &c.holder.name);
        let buyer = c.buyer.as_str().to_owned();
        let organisation = self.organisations.get(&buyer);
        let buyer_name = organisation
            .map(|(_, name)| name.clone())
            .or(c.buyer_name)
            .unwrap_or_else(|| format!("Acheteur public {buyer}"));
        let (place_kind, place_code) = match c.place {
            Some(place) => (Some(place.kind), Some(place.code)),
            None => (None, None),
        };
        let line = DecpLine {
            line_number: i64::try_from(rank).unwrap_or(i64::MAX),
            external_id: c.id,
            buyer_siret: buyer,
            buyer_name,
            buyer_organisation_id: organisation.map(|(id, _)| id.clone()),
            structure_id: found.map(|(k, _)| k.id.clone()),
            match_kind: found.map(|(_, kind)| kind),
            supplier_key: supplier_key(&c.holder.name),
            supplier_name: c.holder.name,
            supplier_siret: siret,
            supplier_siren: siren,
            amount_cents: c.amount_cents,
            notified_on: c.notified_on.iso(),
            year: c.notified_on.year(),
            cpv: c.cpv.to_string(),
            object: c.object,
            procedure: c.procedure,
            duration_months: c.duration_months,
            social_consideration: c
                .social
                .first()
                .copied()
                .unwrap_or(SocialConsideration::None)
                .code(),
            social_considerations: codes(&c.social),
            environmental_considerations: environmental_codes(&c.environmental),
            place_kind,
            place_code,
        };
        (line, found.is_some())
    }

    fn keeps(&self, value: &serde_json::Value) -> bool {
        let (buyer, place) = record::screen(value);
        buyer.is_some_and(|b| self.buyers.contains(&b)) || place.is_some_and(|p| p.in_metropole())
    }
}

/// Reads the whole file; each batch of kept lines goes to `send` (false: stop sending,
/// the receiver is gone). Once an error is found no more lines are sent, but the reading
/// goes on to list every error.
pub fn read_all(
    reader: impl Read,
    screen: &Screen,
    mut send: impl FnMut(Vec<DecpLine>) -> bool,
) -> Tally {
    let mut tally = Tally::default();
    let mut hashing = Hashing::new(reader);
    let mut input = BufReader::with_capacity(64 * 1024, &mut hashing);
    let mut batch = Vec::with_capacity(BATCH);
    let mut receiving = true;
    let mut each = |item: Item| {
        let value = match item {
            Item::Concession => {
                tally.concessions += 1;
                return ControlFlow::Continue(());
            }
            Item::Contract(value) => value,
        };
        tally.read += 1;
        if !screen.keeps(&value) {
            tally.outside += 1;
            return ControlFlow::Continue(());
        }
        match record::contract(&value) {
            Ok(contract) => {
                tally.kept += 1;
                tally.total_cents = tally.total_cents.saturating_add(contract.amount_cents);
                let (line, matched) = screen.line(tally.read, contract);
                tally.matched += u64::from(matched);
                if tally.error_count == 0 && receiving {
                    batch.push(line);
                    if batch.len() == BATCH {
                        receiving = send(std::mem::take(&mut batch));
                    }
                }
            }
            Err(errors) => {
                let id = record::id_of(&value);
                for e in errors {
                    tally.error(RecordError {
                        rank: tally.read,
                        id: id.clone(),
                        field: e.field,
                        message: e.message,
                    });
                }
            }
        }
        ControlFlow::Continue(())
    };
    let read = source::sniff(&mut input).and_then(|format| match format {
        Format::Json => json::each_record(&mut input, &mut each).map(|()| format),
        Format::Xml => xml::each_record(&mut input, &mut each).map(|()| format),
    });
    match read {
        Ok(format) => tally.format = Some(format),
        Err(message) => {
            tally.error(RecordError { rank: 0, id: None, field: String::new(), message })
        }
    }
    if tally.error_count == 0 && receiving && !batch.is_empty() {
        send(batch);
    }
    drop(input);
    (tally.content_hash, tally.size_bytes) = hashing.finish();
    tally
}
