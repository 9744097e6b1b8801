//! DECP files written from the official schema (`schema_decp_v2.0.3.json`, its XML twin
//! `schema_decp_v2.0.2.xsd`): the v2 JSON with its nested lists, the older flat JSON, the
//! XML; and the import run as the command line runs it.

use serde_json::{Value, json};

use crate::TestApp;

/// The Métropole's SIRET, and a commune's (Échirolles), both valid.
pub const METROPOLE: &str = "20004071500019";
pub const ECHIROLLES: &str = "21380151500015";
/// A buyer outside the territory (Paris).
pub const PARIS: &str = "21750001630040";

/// One contract of a fixture.
#[derive(Debug, Clone)]
pub struct Contract {
    pub id: String,
    pub buyer: &'static str,
    /// `lieuExecution`: code and typeCode.
    pub place: (&'static str, &'static str),
    /// `montant` as JSON writes it (euros, a number).
    pub amount: f64,
    pub holder: String,
    pub social: Vec<&'static str>,
    pub notified_on: &'static str,
    /// Modifications: notification day and new amount.
    pub modifications: Vec<(&'static str, f64)>,
}

impl Contract {
    pub fn new(id: &str, buyer: &'static str, amount: f64, holder: &str) -> Self {
        Self {
            id: id.to_owned(),
            buyer,
            place: ("38185", "Code commune"),
            amount,
            holder: holder.to_owned(),
            social: vec!["Pas de considération sociale"],
            notified_on: "2025-03-14",
            modifications: Vec::new(),
        }
    }

    pub fn at(mut self, code: &'static str, type_code: &'static str) -> Self {
        self.place = (code, type_code);
        self
    }

    pub fn social(mut self, social: &[&'static str]) -> Self {
        self.social = social.to_vec();
        self
    }

    pub fn modified(mut self, on: &'static str, amount: f64) -> Self {
        self.modifications.push((on, amount));
        self
    }

    /// The record as v2 JSON nests it, every required field of the schema given.
    pub fn v2(&self) -> Value {
        let mut record = json!({
            "id": self.id, "acheteur": {"id": self.buyer}, "nature": "Marché",
            "objet": format!("Marché {}", self.id), "codeCPV": "77310000-6",
            "techniques": {"technique": ["Sans objet"]},
            "modalitesExecution": {"modaliteExecution": ["Bons de commande"]},
            "marcheInnovant": false, "ccag": "Fournitures courantes et services",
            "offresRecues": 3, "attributionAvance": false,
            "typeGroupementOperateurs": "Pas de groupement", "sousTraitanceDeclaree": false,
            "procedure": "Procédure adaptée",
            "lieuExecution": {"code": self.place.0, "typeCode": self.place.1},
            "dureeMois": 12, "dateNotification": self.notified_on,
            "datePublicationDonnees": self.notified_on, "montant": self.amount,
            "typesPrix": {"typePrix": ["Définitif ferme"]}, "formePrix": "Forfaitaire",
            "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": self.holder}}],
            "considerationsSociales": {"considerationSociale": self.social},
            "considerationsEnvironnementales":
                {"considerationEnvironnementale": ["Pas de considération environnementale"]}
        });
        if !self.modifications.is_empty() {
            let changes: Vec<Value> = self
                .modifications
                .iter()
                .enumerate()
                .map(|(i, (on, amount))| {
                    json!({"modification": {"id": i + 1, "dateNotificationModification": on,
                        "datePublicationDonneesModification": on, "montant": amount}})
                })
                .collect();
            record["modifications"] = Value::Array(changes);
        }
        record
    }

    /// The record in the older flat shape.
    pub fn flat(&self) -> Value {
        json!({
            "_type": "Marché", "id": self.id, "acheteur": {"id": self.buyer, "nom": "Acheteur"},
            "nature": "Marché", "objet": format!("Marché {}", self.id), "codeCPV": "77310000",
            "procedure": "Procédure adaptée",
            "lieuExecution": {"code": self.place.0, "typeCode": self.place.1, "nom": "Lieu"},
            "dureeMois": 12, "dateNotification": self.notified_on, "montant": self.amount,
            "formePrix": "Forfaitaire",
            "titulaires": [{"typeIdentifiant": "SIRET", "id": self.holder,
                            "denominationSociale": format!("Titulaire {}", self.id)}],
            "considerationsSociales": self.social,
        })
    }

    /// The record as the XML schema writes it.
    pub fn xml(&self) -> String {
        let social: String = self
            .social
            .iter()
            .map(|s| format!("<considerationSociale>{s}</considerationSociale>"))
            .collect();
        let changes: String = self
            .modifications
            .iter()
            .enumerate()
            .map(|(i, (on, amount))| {
                format!(
                    "<modification><id>{}</id><dateNotificationModification>{on}\
                     </dateNotificationModification><datePublicationDonneesModification>{on}\
                     </datePublicationDonneesModification><montant>{amount}</montant>\
                     </modification>",
                    i + 1
                )
            })
            .collect();
        let changes = if changes.is_empty() {
            String::new()
        } else {
            format!("<modifications>{changes}</modifications>")
        };
        format!(
            "<marche><id>{id}</id><acheteur><id>{buyer}</id></acheteur><nature>Marché</nature>\
             <objet>Marché {id} &amp; entretien</objet><codeCPV>77310000-6</codeCPV>\
             <techniques><technique>Sans objet</technique></techniques>\
             <modalitesExecution><modaliteExecution>Bons de commande</modaliteExecution></modalitesExecution>\
             <marcheInnovant>false</marcheInnovant><ccag>Fournitures courantes et services</ccag>\
             <offresRecues>3</offresRecues><attributionAvance>false</attributionAvance>\
             <typeGroupementOperateurs>Pas de groupement</typeGroupementOperateurs>\
             <sousTraitanceDeclaree>false</sousTraitanceDeclaree><procedure>Procédure adaptée</procedure>\
             <lieuExecution><code>{code}</code><typeCode>{kind}</typeCode></lieuExecution>\
             <dureeMois>12</dureeMois><dateNotification>{on}</dateNotification>\
             <datePublicationDonnees>{on}</datePublicationDonnees><montant>{amount}</montant>\
             <typesPrix><typePrix>Définitif ferme</typePrix></typesPrix><formePrix>Forfaitaire</formePrix>\
             <titulaires><titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>{holder}</id></titulaire></titulaires>\
             <considerationsSociales>{social}</considerationsSociales>\
             <considerationsEnvironnementales><considerationEnvironnementale>Pas de considération environnementale</considerationEnvironnementale></considerationsEnvironnementales>\
             {changes}</marche>",
            id = self.id,
            buyer = self.buyer,
            code = self.place.0,
            kind = self.place.1,
            on = self.notified_on,
            amount = self.amount,
            holder = self.holder,
        )
    }
}

/// A concession of the v2 schema (skipped by the import).
fn concession(id: &str) -> Value {
    json!({
        "id": id, "autoriteConcedante": {"id": METROPOLE}, "nature": "Concession de service",
        "objet": "Délégation", "procedure": "Procédure négociée ouverte", "dureeMois": 120,
        "dateSignature": "2024-01-10", "datePublicationDonnees": "2024-01-20",
        "dateDebutExecution": "2024-02-01", "valeurGlobale": 9_000_000,
        "montantSubventionPublique": 0,
        "concessionnaires": [{"concessionnaire": {"typeIdentifiant": "SIRET", "id": "55204599900869"}}],
        "considerationsSociales": {"considerationSociale": ["Concession réservée"]},
        "considerationsEnvironnementales": {"considerationEnvironnementale": ["Pas de considération environnementale"]}
    })
}

/// `{"marches": {"marche": [...], "contrat-concession": [...]}}`.
pub fn v2_json(contracts: &[Contract], concessions: usize) -> Vec<u8> {
    let marches: Vec<Value> = contracts.iter().map(Contract::v2).collect();
    let concessions: Vec<Value> = (0..concessions).map(|i| concession(&format!("C{i}"))).collect();
    let file = json!({"marches": {"marche": marches, "contrat-concession": concessions}});
    serde_json::to_vec_pretty(&file).expect("json")
}

/// `{"marches": [...]}` in the older flat shape.
pub fn flat_json(contracts: &[Contract]) -> Vec<u8> {
    let marches: Vec<Value> = contracts.iter().map(Contract::flat).collect();
    serde_json::to_vec(&json!({"marches": marches})).expect("json")
}

/// `<marches><marche>…</marche></marches>`.
pub fn xml(contracts: &[Contract]) -> Vec<u8> {
    let records: String = contracts.iter().map(Contract::xml).collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marches>{records}</marches>\n")
        .into_bytes()
}

/// A DECP line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DecpRow {
    pub external_id: String,
    pub buyer_siret: String,
    pub amount_cents: i64,
    pub structure_id: Option<String>,
    pub match_kind: Option<String>,
    pub social_considerations: String,
    pub execution_place_kind: Option<String>,
    pub execution_place_code: Option<String>,
    pub notified_on: Option<String>,
    pub import_id: Option<String>,
}

impl TestApp {
    /// Imports a DECP file as `server import-decp` does, with the server's listed buyers.
    pub async fn import_decp(
        &self,
        bytes: Vec<u8>,
        dry_run: bool,
    ) -> app::services::watch::decp::Report {
        use app::services::watch::decp;
        let options = decp::Options {
            buyers: &self.state.decp_buyers,
            dry_run,
            user_id: None,
            now: 1_764_000_000_000,
        };
        decp::import(&self.state.db, std::io::Cursor::new(bytes), "decp.json", &options)
            .await
            .expect("imported or refused")
    }

    /// The ledger's DECP lines, by contract id.
    pub async fn decp_rows(&self) -> Vec<DecpRow> {
        sqlx::query_as(
            "SELECT external_id, buyer_siret, amount_cents, structure_id, match_kind, \
             social_considerations, execution_place_kind, execution_place_code, notified_on, \
             import_id FROM purchases WHERE source = 'decp' ORDER BY external_id, buyer_siret",
        )
        .fetch_all(&crate::pool(&self.database_url).await)
        .await
        .expect("lines")
    }
}
