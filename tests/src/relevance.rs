//! The relevance test set: buyer queries on the demo catalogue, each with the rule that says
//! which results answer it, and the measure of a search against them (precision of the first
//! ten results, recall). The bench `relevance` prints it on the `make run` catalogue; the
//! integration test `search::relevance` fails when precision drops below a floor.
//!
//! Relevance is judged by rule, never by a list of ids read from the output:
//! - a trade query (« nettoyage », « linge », « jardinnage »…) asks for the offers whose sector
//!   is one of the trade's sectors (for structures: a structure with an activity or a published
//!   offer in one of them), whatever words the offer uses;
//! - a kind query (« ESAT », « chantier d'insertion ») asks for the offers of structures of
//!   that kind, a family query (« insertion ») for those of the family;
//! - a code asks for the offers holding a CPV code under it (its trailing zeros dropped:
//!   the CPV hierarchy), a SIRET for the structure holding it;
//! - a label (« Fairtrade », « RGE ») asks for the offers of structures holding it;
//! - « near X within N km » adds: the structure's place within N km of the commune's centre;
//!   a commune named in the text adds: the structure is in that commune.

use std::collections::{HashMap, HashSet};

use app::{
    domain::{
        Code,
        directory::{StructureKind, commune_centres},
    },
    services::catalogue::{parse_query, search},
};
use sqlx::Row;

use crate::{TestApp, haversine_m};

/// What makes a result relevant to a query.
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    /// Of one of these sectors (the offer's own; a structure's activities and offers).
    Sectors(&'static [&'static str]),
    /// Of a structure of one of these kinds.
    Kinds(&'static [&'static str]),
    /// Of a structure of this family (`insertion`, `handicap`, `ess`).
    Family(&'static str),
    /// Holding a CPV code under this one (the offer's codes, or a structure's offers').
    Cpv(&'static str),
    /// Of a structure holding this label (its code).
    Label(&'static str),
    /// Of a structure in this commune (INSEE code).
    Commune(&'static str),
    /// Of a structure within this many km of the commune's centre.
    Within(&'static str, f64),
    /// Of the structure whose SIRET the query holds (`{siret}` in the query).
    Siret,
    /// Every rule at once.
    All(&'static [Rule]),
}

/// One buyer query: what it exercises, the address's query string, the rule.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    pub kind: &'static str,
    pub query: &'static str,
    pub rule: Rule,
}

const GREEN: Rule = Rule::Sectors(&["espaces-verts", "elagage"]);
/// Gardening and hedges: green spaces, not tree work.
const GARDENING: Rule = Rule::Sectors(&["espaces-verts"]);
const CLEANING: Rule = Rule::Sectors(&["nettoyage-locaux", "nettoyage-urbain", "vitrerie"]);
const LAUNDRY: Rule = Rule::Sectors(&["blanchisserie"]);
const PRINTING: Rule = Rule::Sectors(&["reprographie"]);
const CATERING: Rule = Rule::Sectors(&["traiteur"]);
const REMOVALS: Rule = Rule::Sectors(&["demenagement"]);
const MAILING: Rule = Rule::Sectors(&["mise-sous-pli"]);
const STAFF: Rule = Rule::Sectors(&["interim-insertion", "mise-a-disposition"]);
/// Temporary work is one of the two ways of providing staff (the other, groups of employers and
/// intermediary associations, is no « intérim »).
const INTERIM: Rule = Rule::Sectors(&["interim-insertion"]);
const JOINERY: Rule = Rule::Sectors(&["menuiserie"]);
const FINISHING: Rule = Rule::Sectors(&["second-oeuvre"]);

/// The buyer queries. Offers unless `cible=structures`.
pub const CASES: &[Case] = &[
    // Trades, in the words of the taxonomy.
    Case { kind: "trade", query: "q=espaces+verts", rule: GREEN },
    Case { kind: "trade", query: "q=nettoyage", rule: CLEANING },
    Case { kind: "trade", query: "q=propret%C3%A9", rule: CLEANING },
    Case { kind: "trade", query: "q=traiteur", rule: CATERING },
    Case { kind: "trade", query: "q=blanchisserie", rule: LAUNDRY },
    Case { kind: "trade", query: "q=d%C3%A9m%C3%A9nagement", rule: REMOVALS },
    Case { kind: "trade", query: "q=reprographie", rule: PRINTING },
    Case { kind: "trade", query: "q=mise+sous+pli", rule: MAILING },
    Case { kind: "trade", query: "q=menuiserie", rule: JOINERY },
    Case { kind: "trade", query: "q=second+%C5%93uvre", rule: FINISHING },
    Case {
        kind: "trade",
        query: "q=recyclage+informatique",
        rule: Rule::Sectors(&["reconditionnement-informatique"]),
    },
    Case { kind: "trade", query: "q=mise+%C3%A0+disposition+de+personnel", rule: STAFF },
    Case { kind: "trade", query: "q=conditionnement", rule: Rule::Sectors(&["conditionnement"]) },
    Case { kind: "trade", query: "q=ressourcerie", rule: Rule::Sectors(&["ressourcerie"]) },
    Case {
        kind: "trade",
        query: "q=restauration+collective",
        rule: Rule::Sectors(&["restauration-collective"]),
    },
    // The words buyers use instead.
    Case { kind: "synonym", query: "q=impression", rule: PRINTING },
    Case { kind: "synonym", query: "q=imprimerie", rule: PRINTING },
    Case { kind: "synonym", query: "q=photocopie", rule: PRINTING },
    Case { kind: "synonym", query: "q=linge", rule: LAUNDRY },
    Case { kind: "synonym", query: "q=pressing", rule: LAUNDRY },
    Case { kind: "synonym", query: "q=laverie", rule: LAUNDRY },
    Case { kind: "synonym", query: "q=m%C3%A9nage", rule: CLEANING },
    Case { kind: "synonym", query: "q=jardinage", rule: GARDENING },
    Case { kind: "synonym", query: "q=paysagiste", rule: GARDENING },
    Case { kind: "synonym", query: "q=plateaux+repas", rule: CATERING },
    Case { kind: "synonym", query: "q=routage", rule: MAILING },
    Case { kind: "synonym", query: "q=int%C3%A9rim", rule: INTERIM },
    Case { kind: "synonym", query: "q=travail+temporaire", rule: INTERIM },
    Case { kind: "synonym", query: "q=peinture", rule: FINISHING },
    Case { kind: "synonym", query: "q=v%C3%A9lo", rule: Rule::Sectors(&["cycles", "coursiers"]) },
    // Typos and words without their accents.
    Case { kind: "typo", query: "q=jardinnage", rule: GARDENING },
    Case { kind: "typo", query: "q=netoyage", rule: CLEANING },
    Case { kind: "typo", query: "q=reprographei", rule: PRINTING },
    Case { kind: "typo", query: "q=blanchiserie", rule: LAUNDRY },
    Case { kind: "typo", query: "q=demenagement", rule: REMOVALS },
    Case { kind: "typo", query: "q=menuiseire", rule: JOINERY },
    // Plurals.
    Case { kind: "plural", query: "q=vitres", rule: Rule::Sectors(&["vitrerie"]) },
    Case { kind: "plural", query: "q=haies", rule: GARDENING },
    Case { kind: "plural", query: "q=traiteurs", rule: CATERING },
    Case { kind: "plural", query: "q=d%C3%A9m%C3%A9nagements", rule: REMOVALS },
    // Several words: the full matches first.
    Case {
        kind: "words",
        query: "q=nettoyage+de+bureaux",
        rule: Rule::Sectors(&["nettoyage-locaux"]),
    },
    Case { kind: "words", query: "q=entretien+des+espaces+verts", rule: GREEN },
    Case { kind: "words", query: "q=taille+de+haies", rule: GARDENING },
    // Codes.
    Case { kind: "code", query: "q=90910000", rule: Rule::Cpv("9091") },
    Case { kind: "code", query: "q=77310000", rule: Rule::Cpv("7731") },
    Case { kind: "code", query: "cible=structures&q={siret}", rule: Rule::Siret },
    // Kinds and families.
    Case { kind: "kind", query: "q=ESAT", rule: Rule::Kinds(&["ESAT"]) },
    Case { kind: "kind", query: "q=entreprise+adapt%C3%A9e", rule: Rule::Kinds(&["EA", "EATT"]) },
    Case { kind: "kind", query: "q=chantier+d%27insertion", rule: Rule::Kinds(&["ACI"]) },
    Case { kind: "kind", query: "q=r%C3%A9gie+de+quartier", rule: Rule::Kinds(&["RQ"]) },
    Case { kind: "kind", query: "q=SCOP", rule: Rule::Kinds(&["SCOP"]) },
    Case { kind: "kind", query: "q=GEIQ", rule: Rule::Kinds(&["GEIQ"]) },
    Case { kind: "kind", query: "q=insertion", rule: Rule::Family("insertion") },
    Case {
        kind: "kind",
        query: "q=ESAT+espaces+verts",
        rule: Rule::All(&[Rule::Kinds(&["ESAT"]), GREEN]),
    },
    // Labels.
    Case { kind: "label", query: "q=Fairtrade", rule: Rule::Label("fairtrade") },
    Case { kind: "label", query: "q=RGE", rule: Rule::Label("rge") },
    // Near a commune: nearest first, within a radius or not; a commune in the words.
    Case { kind: "near", query: "q=espaces+verts&pres_de=38185&tri=distance", rule: GREEN },
    Case {
        kind: "near",
        query: "q=d%C3%A9m%C3%A9nagement&pres_de=38151&rayon=10&tri=distance",
        rule: Rule::All(&[REMOVALS, Rule::Within("38151", 10.0)]),
    },
    Case {
        kind: "near",
        query: "q=traiteur&pres_de=38421&rayon=10&tri=distance",
        rule: Rule::All(&[CATERING, Rule::Within("38421", 10.0)]),
    },
    Case {
        kind: "near",
        query: "q=nettoyage&pres_de=38169&rayon=5&tri=distance",
        rule: Rule::All(&[CLEANING, Rule::Within("38169", 5.0)]),
    },
    Case {
        kind: "near",
        query: "q=blanchisserie&pres_de=38382&rayon=15&tri=distance",
        rule: Rule::All(&[LAUNDRY, Rule::Within("38382", 15.0)]),
    },
    Case {
        kind: "near",
        query: "q=traiteur+%C3%89chirolles",
        rule: Rule::All(&[CATERING, Rule::Commune("38151")]),
    },
    // Structures.
    Case { kind: "structure", query: "cible=structures&q=traiteur", rule: CATERING },
    Case { kind: "structure", query: "cible=structures&q=ESAT", rule: Rule::Kinds(&["ESAT"]) },
    Case {
        kind: "structure",
        query: "cible=structures&q=espaces+verts&pres_de=38185&tri=distance",
        rule: GREEN,
    },
];

/// What a rule reads of one result: an offer, or a structure.
#[derive(Debug, Clone, Default)]
struct Facts {
    sectors: Vec<String>,
    cpv: Vec<String>,
    kinds: Vec<StructureKind>,
    labels: Vec<String>,
    commune: Option<String>,
    place: Option<(f64, f64)>,
    siret: Option<String>,
}

impl Rule {
    fn holds(&self, facts: &Facts, siret: &str) -> bool {
        match self {
            Self::Sectors(sectors) => facts.sectors.iter().any(|s| sectors.contains(&s.as_str())),
            Self::Kinds(kinds) => facts.kinds.iter().any(|k| kinds.contains(&k.code())),
            Self::Family(family) => {
                facts.kinds.iter().any(|k| k.families().iter().any(|f| f.code() == *family))
            }
            Self::Cpv(prefix) => facts.cpv.iter().any(|c| c.starts_with(prefix)),
            Self::Label(code) => facts.labels.iter().any(|l| l == code),
            Self::Commune(insee) => facts.commune.as_deref() == Some(insee),
            Self::Within(insee, km) => {
                let centre = commune_centres::centre(insee).expect("a commune of the Métropole");
                facts.place.is_some_and(|at| haversine_m(centre, at) <= km * 1000.0)
            }
            Self::Siret => facts.siret.as_deref() == Some(siret),
            Self::All(rules) => rules.iter().all(|r| r.holds(facts, siret)),
        }
    }
}

/// Every public offer and structure of the catalogue, with what the rules read.
struct Catalogue {
    offers: HashMap<String, Facts>,
    structures: HashMap<String, Facts>,
    /// The SIRET the `{siret}` queries ask for.
    siret: String,
}

fn kinds_of(text: &str) -> Vec<StructureKind> {
    text.split_whitespace().filter_map(|k| StructureKind::parse(k).ok()).collect()
}

async fn catalogue(app: &TestApp) -> Catalogue {
    let db = crate::pool(&app.database_url).await;
    let rows = sqlx::query(
        "SELECT id, kinds, commune_insee, latitude, longitude, siret FROM structures \
         WHERE status = 'published'",
    )
    .fetch_all(&db)
    .await
    .expect("structures");
    let mut structures: HashMap<String, Facts> = rows
        .iter()
        .map(|row| {
            let id: String = row.get("id");
            let lat: Option<f64> = row.get("latitude");
            let lng: Option<f64> = row.get("longitude");
            let facts = Facts {
                kinds: kinds_of(&row.get::<String, _>("kinds")),
                commune: row.get("commune_insee"),
                place: lat.zip(lng),
                siret: row.get("siret"),
                ..Facts::default()
            };
            (id, facts)
        })
        .collect();
    let labels = sqlx::query("SELECT structure_id, label_code FROM structure_certifications")
        .fetch_all(&db)
        .await
        .expect("labels");
    for row in labels {
        if let Some(s) = structures.get_mut(&row.get::<String, _>("structure_id")) {
            s.labels.push(row.get("label_code"));
        }
    }
    let activities = sqlx::query("SELECT structure_id, sector FROM structure_activities")
        .fetch_all(&db)
        .await
        .expect("activities");
    for row in activities {
        if let Some(s) = structures.get_mut(&row.get::<String, _>("structure_id")) {
            s.sectors.push(row.get("sector"));
        }
    }
    let rows =
        sqlx::query("SELECT id, structure_id, sector, cpv FROM offers WHERE status = 'published'")
            .fetch_all(&db)
            .await
            .expect("offers");
    let mut offers = HashMap::new();
    for row in rows {
        let Some(structure) = structures.get_mut(&row.get::<String, _>("structure_id")) else {
            continue;
        };
        let sector: String = row.get("sector");
        let cpv: Vec<String> =
            row.get::<String, _>("cpv").split_whitespace().map(str::to_owned).collect();
        // An offer is judged by its own sector and codes, and by its structure's other facts.
        let facts = Facts { sectors: vec![sector.clone()], cpv: cpv.clone(), ..structure.clone() };
        offers.insert(row.get::<String, _>("id"), facts);
        structure.sectors.push(sector);
        structure.cpv.extend(cpv);
    }
    let mut sirets: Vec<&String> = structures.values().filter_map(|s| s.siret.as_ref()).collect();
    sirets.sort();
    let siret = sirets.get(sirets.len() / 2).map(|s| (*s).clone()).unwrap_or_default();
    Catalogue { offers, structures, siret }
}

/// One query's measure.
#[derive(Debug, Clone)]
pub struct Measure {
    pub kind: &'static str,
    pub query: String,
    /// Results the search counted.
    pub total: u64,
    /// Results of the catalogue the rule holds for.
    pub relevant: usize,
    /// Share of the first ten results that are relevant (of fewer when fewer came; 1 when
    /// nothing came and nothing is relevant).
    pub precision_at_10: f64,
    /// Share of the relevant results found within the first `pages` pages (1 when nothing is
    /// relevant).
    pub recall: f64,
}

/// The whole set's measure.
#[derive(Debug, Clone)]
pub struct Report {
    pub measures: Vec<Measure>,
}

impl Report {
    pub fn precision_at_10(&self) -> f64 {
        mean(self.measures.iter().map(|m| m.precision_at_10))
    }

    pub fn recall(&self) -> f64 {
        mean(self.measures.iter().map(|m| m.recall))
    }

    /// One line per query, then the means, by kind of query and overall.
    pub fn print(&self) {
        println!(
            "{:<10} {:>6} {:>7} {:>6} {:>6}  query",
            "kind", "P@10", "recall", "total", "relev."
        );
        for m in &self.measures {
            println!(
                "{:<10} {:>6.2} {:>7.2} {:>6} {:>6}  {}",
                m.kind, m.precision_at_10, m.recall, m.total, m.relevant, m.query
            );
        }
        let mut kinds: Vec<&str> = self.measures.iter().map(|m| m.kind).collect();
        kinds.dedup();
        for kind in kinds {
            let of: Vec<&Measure> = self.measures.iter().filter(|m| m.kind == kind).collect();
            println!(
                "{kind:<10} {:>6.3} {:>7.3}  ({} queries)",
                mean(of.iter().map(|m| m.precision_at_10)),
                mean(of.iter().map(|m| m.recall)),
                of.len()
            );
        }
        println!(
            "{:<10} {:>6.3} {:>7.3}  ({} queries)",
            "overall",
            self.precision_at_10(),
            self.recall(),
            self.measures.len()
        );
        let answered: Vec<&Measure> = self.measures.iter().filter(|m| m.relevant > 0).collect();
        println!(
            "{:<10} {:>6.3} {:>7.3}  ({} queries the catalogue can answer)",
            "answerable",
            mean(answered.iter().map(|m| m.precision_at_10)),
            mean(answered.iter().map(|m| m.recall)),
            answered.len()
        );
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0_usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Runs every case against the app's search (the service the page and the API call), reading
/// at most `pages` pages of results for the recall.
pub async fn measure(app: &TestApp, pages: u32) -> Report {
    let catalogue = catalogue(app).await;
    let mut measures = Vec::new();
    for case in CASES {
        let raw = case.query.replace("{siret}", &catalogue.siret);
        let items = if raw.contains("cible=structures") {
            &catalogue.structures
        } else {
            &catalogue.offers
        };
        let relevant: HashSet<&String> = items
            .iter()
            .filter(|(_, facts)| case.rule.holds(facts, &catalogue.siret))
            .map(|(id, _)| id)
            .collect();
        let (mut shown, mut total) = (Vec::new(), 0);
        for page in 1..=pages {
            let query = parse_query(&format!("{raw}&page={page}"));
            let results = search(&app.state, None, &query).await.expect("the search answers");
            total = results.total;
            shown.extend(results.hits.into_iter().map(|h| h.id));
            let found = shown.iter().filter(|id| relevant.contains(id)).count();
            if page >= results.pages || found == relevant.len() {
                break;
            }
        }
        let first: Vec<&String> = shown.iter().take(10).collect();
        let precision_at_10 = if first.is_empty() {
            if relevant.is_empty() { 1.0 } else { 0.0 }
        } else {
            first.iter().filter(|id| relevant.contains(*id)).count() as f64 / first.len() as f64
        };
        let found: HashSet<&String> = shown.iter().filter(|id| relevant.contains(id)).collect();
        let recall =
            if relevant.is_empty() { 1.0 } else { found.len() as f64 / relevant.len() as f64 };
        measures.push(Measure {
            kind: case.kind,
            query: raw,
            total,
            relevant: relevant.len(),
            precision_at_10,
            recall,
        });
    }
    Report { measures }
}
