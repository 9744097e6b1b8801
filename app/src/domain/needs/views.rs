//! What the needs' pages show.

use serde::{Deserialize, Serialize};

use super::{
    MessageSide, NeedForm, NeedKind, NeedState, PurchaseDeclarationForm, QuoteForm,
    attachments::NeedFile, lots::Lot, potential::Potential,
};

/// A need in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedSummary {
    pub id: String,
    pub title: String,
    pub kind: Option<NeedKind>,
    pub state: NeedState,
    /// The buyer's name, or « Acheteur anonyme » for those who may not see it.
    pub buyer: String,
    pub sector: Option<String>,
    pub place: Option<String>,
    /// `AAAA-MM-JJ`.
    pub deadline_on: Option<String>,
    /// The deadline has passed: no answer is taken any more.
    pub closed: bool,
}

/// A structure matched to a need, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchView {
    pub structure_id: String,
    pub name: String,
    pub slug: String,
    pub reasons: Vec<String>,
    pub distance_km: Option<f64>,
}

/// Who the reader is to a need, and so what the page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRights {
    /// A member of the buying organisation.
    pub buyer: bool,
    /// Its owners and procurement officers change it.
    pub manages: bool,
    /// The pôle's animators.
    pub moderates: bool,
    /// The buying organisation is verified by the pôle (it may submit).
    pub verified: bool,
    /// A member of a buyer that joined the need's group purchase: it reads the need and
    /// its comparison, and decides nothing.
    pub member: bool,
}

/// A need's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedView {
    pub summary: NeedSummary,
    pub organisation_id: String,
    pub rights: NeedRights,
    pub description: Option<String>,
    pub notice_url: Option<String>,
    pub cpv: Vec<String>,
    pub service_kind: Option<String>,
    pub lots: Vec<Lot>,
    pub start_on: Option<String>,
    pub budget: Option<String>,
    pub wanted: Vec<String>,
    pub radius_km: Option<u16>,
    pub profile: Option<(String, String)>,
    pub questions: Vec<String>,
    pub anonymous: bool,
    /// The animators' last message (return for changes, refusal).
    pub moderation_message: Option<String>,
    /// For those who change it: the form filled with its text.
    pub form: Option<NeedForm>,
    /// With the form: the HQS profiles the buyer may attach, (id, name).
    pub profile_choices: Vec<(String, String)>,
    /// For the buyer and the animators, before and after publishing.
    pub potential: Option<Potential>,
    /// For the buyer and the animators, once published: who was reached and why.
    pub matches: Vec<MatchView>,
    /// For the editors of a matched structure.
    pub supplier: Option<SupplierSide>,
    /// For the buyer and the animators, once published.
    pub comparison: Option<Comparison>,
    /// A group purchase, for its buyers, those invited or free to join, and the pôle.
    pub group: Option<super::group::GroupView>,
    /// The buyer's PDF files, for every reader of the need.
    pub files: Vec<NeedFile>,
    /// The reader may add and remove the buyer's files now.
    pub adds_files: bool,
}

/// A buyer organisation the person writes needs for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedBuyer {
    pub id: String,
    pub name: String,
    pub verified: bool,
}

/// What the form of a new need offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewNeedPage {
    pub buyers: Vec<NeedBuyer>,
    /// HQS profiles the person may attach: (id, name).
    pub profiles: Vec<(String, String)>,
}

/// A need matched to one of the person's structures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchedNeed {
    pub need: NeedSummary,
    pub structure_name: String,
    pub reasons: Vec<String>,
}

/// A group purchase one of the person's buyers belongs to, is invited to, or may join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledNeed {
    pub need: NeedSummary,
    /// The person's buyer concerned.
    pub buyer: String,
    /// `None`: open to every verified buyer, not joined.
    pub state: Option<super::group::MemberState>,
    /// `AAAA-MM-JJ`, the last day to join.
    pub join_until: String,
}

/// The needs of the person's organisations, as a buyer and as a supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyNeeds {
    pub as_buyer: Vec<NeedSummary>,
    pub as_supplier: Vec<MatchedNeed>,
    /// Group purchases of others: joined, invited to, or open to join.
    pub pooled: Vec<PooledNeed>,
    /// The buyers the person writes for (to start a new need).
    pub writes_for: Vec<NeedBuyer>,
}

/// The page a mail's single-use link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    /// Why the link does not serve (forged, expired, used), in French.
    pub refusal: Option<String>,
    pub need_id: Option<String>,
    pub title: Option<String>,
    pub structure_name: Option<String>,
}

impl LinkView {
    pub fn refused(why: &str) -> Self {
        Self { refusal: Some(why.to_owned()), need_id: None, title: None, structure_name: None }
    }
}

/// A matched structure's side of a need, for its editors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierSide {
    pub structure_id: String,
    pub structure_name: String,
    pub rung: super::ladder::Rung,
    pub decline_reason: Option<String>,
    /// Its quote, as the form to change it (empty when none was sent).
    pub quote: QuoteForm,
    pub quoted: bool,
    /// The need still takes answers (published, deadline not passed).
    pub open: bool,
    pub takes_quotes: bool,
    /// The files of its quote.
    pub files: Vec<NeedFile>,
    /// Retained for a lot of the awarded need: it may declare the purchase.
    pub retained: bool,
    /// Its declaration « l'achat a eu lieu », as the form to change it (empty when none).
    pub declaration: PurchaseDeclarationForm,
    pub declared: bool,
    /// The purchase the buyer recorded: (amount excluding tax in cents, day `AAAA-MM-JJ`).
    pub purchase: Option<(i64, String)>,
    /// The structure's thread with the buyer, oldest first.
    pub thread: Vec<MessageView>,
    /// Messages may be written: the structure was told of the need, which is published or
    /// awarded.
    pub writes_messages: bool,
}

/// A message of a need's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub side: MessageSide,
    /// The buyer's name (« Acheteur » to those who may not see it), or the structure's.
    pub author_label: String,
    /// Plain text with line breaks, shown as text.
    pub body: String,
    /// When it was written (Unix milliseconds).
    pub at: i64,
}

/// The buyer's thread with one structure the need reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub structure_id: String,
    pub structure_name: String,
    /// Oldest first; empty when nobody wrote yet.
    pub messages: Vec<MessageView>,
}

/// One quote in the buyer's comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub structure_id: String,
    pub name: String,
    pub slug: String,
    pub kinds: Vec<String>,
    /// Holds the HQS label now.
    pub labelled: bool,
    pub distance_km: Option<f64>,
    /// Price excluding tax of each lot of the need, in its order (`None`: not priced).
    pub prices: Vec<Option<i64>>,
    pub total_cents: i64,
    pub lead_time: String,
    pub message: String,
    pub answers: Vec<String>,
    pub shortlisted: bool,
    /// Against the need's HQS profile, on declared facts: (criterion, verdict).
    pub verdicts: Vec<(String, String)>,
    pub overall: Option<String>,
    /// The files of the quote.
    pub files: Vec<NeedFile>,
}

/// What the buyer compares and decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The ladder: (rung's label, how many structures passed it).
    pub ladder: Vec<(String, usize)>,
    pub quotes: Vec<QuoteLine>,
    /// Awards: (lot, structure id, structure name, reason).
    pub awards: Vec<(u8, String, String, String)>,
    /// Retained structures whose purchase is still to confirm: (structure id, name, the
    /// sum of their awarded lots' prices).
    pub to_confirm: Vec<(String, String, i64)>,
    /// Purchases recorded: (supplier, amount, day).
    pub purchases: Vec<(String, i64, String)>,
    /// What retained structures declared of their purchase: (structure id, amount in cents,
    /// day `AAAA-MM-JJ`).
    pub declarations: Vec<(String, i64, String)>,
    /// A thread per structure told of the need, in the matches' order.
    pub threads: Vec<ThreadView>,
}
