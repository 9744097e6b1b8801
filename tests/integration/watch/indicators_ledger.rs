//! The small ledger of the indicators' tests, whose figures the tests compute by hand.
//!
//! 2025 (amounts in euros; X: a supplier outside the directory; cpv: division):
//! | line | buyer | supplier | amount | social | cpv | hours asked/done |
//! | L1 | P1 public | ACI | 10 000 | clause | 77 | 100 / 80 |
//! | L2 | P1 | X | 30 000 | none | 45 | |
//! | L3 | P2 public | ESAT | 5 000 | reserved | 77 | |
//! | L4 | P2 | X | 15 000 | criterion | 45 | |
//! | L5 | P3 public | SCOP | 20 000 | none | 77 | |
//! | L6 | P3 | X | 20 000 | clause criterion | 45 | 50 / 20 |
//! | L7 | Q1 private | ESAT | 8 000 | reserved | 90 | |
//! | L8 | Q2 private | SCOP | 12 000 | clause | 77 | 30 / 30 |
//! | L9 | Q3 private | ACI | 6 000 | clause | 77 | 40 / 10 |
//! | L10 | Q3 | X | 4 000 | none | 45 | |
//! | L11 | P4 public | X | 3 000 | none | 90 | |
//!
//! 2024: P1 ACI 20 000 clause (77); P2 X 10 000 (45); P3 SCOP 10 000 (77); Q1 ESAT 5 000
//! reserved (90); Q2 X 5 000 (45); Q3 X 10 000 (45).

use tests::{Line, TestApp};

pub struct Ledger {
    pub p1: String,
    pub q3: String,
}

fn line(
    buyer: &str,
    kind: &'static str,
    structure: Option<&String>,
    euros: i64,
    on: &'static str,
) -> Line {
    Line {
        buyer: buyer.to_owned(),
        buyer_kind: kind,
        structure: structure.cloned(),
        euros,
        on,
        social: "none",
        cpv: "45",
        ..Line::default()
    }
}

pub async fn partnership(app: &TestApp) -> Ledger {
    let public = |name: &'static str| app.insert_organisation(name, "buyer", Some("public"));
    let (p1, p2, p3, p4) = (
        public("Ville de Fontaine").await,
        public("Ville d'Échirolles").await,
        public("Grenoble-Alpes Métropole").await,
        public("Ville de Vif").await,
    );
    let private = |name: &'static str| app.insert_organisation(name, "buyer", Some("private"));
    let (q1, q2, q3) = (
        private("Entreprise A").await,
        private("Entreprise B").await,
        private("Entreprise C").await,
    );
    let aci = app.directory_structure("Chantier Nature", "11111111111111", " ACI ").await;
    let esat = app.directory_structure("ESAT du Drac", "22222222222222", " ESAT ").await;
    let scop = app.directory_structure("SCOP Bâtir", "33333333333333", " SCOP ").await;
    let (pb, pr) = ("public", "private");
    let d = "2025-03-10";
    let mut lines = vec![
        Line {
            social: "clause",
            cpv: "77",
            hours_asked: Some(100),
            hours_done: Some(80),
            ..line(&p1, pb, Some(&aci), 10_000, d)
        },
        Line { environmental: "clause", ..line(&p1, pb, None, 30_000, d) },
        Line { social: "reserved", cpv: "77", ..line(&p2, pb, Some(&esat), 5_000, "2025-06-01") },
        Line { social: "criterion", ..line(&p2, pb, None, 15_000, d) },
        Line { cpv: "77", ..line(&p3, pb, Some(&scop), 20_000, "2025-11-20") },
        Line {
            social: "clause criterion",
            hours_asked: Some(50),
            hours_done: Some(20),
            ..line(&p3, pb, None, 20_000, d)
        },
        Line { social: "reserved", cpv: "90", ..line(&q1, pr, Some(&esat), 8_000, d) },
        Line {
            social: "clause",
            cpv: "77",
            hours_asked: Some(30),
            hours_done: Some(30),
            ..line(&q2, pr, Some(&scop), 12_000, d)
        },
        Line {
            social: "clause",
            cpv: "77",
            hours_asked: Some(40),
            hours_done: Some(10),
            ..line(&q3, pr, Some(&aci), 6_000, d)
        },
        line(&q3, pr, None, 4_000, d),
        Line { cpv: "90", ..line(&p4, pb, None, 3_000, d) },
    ];
    let e = "2024-05-05";
    lines.extend([
        Line { social: "clause", cpv: "77", ..line(&p1, pb, Some(&aci), 20_000, e) },
        line(&p2, pb, None, 10_000, e),
        Line { cpv: "77", ..line(&p3, pb, Some(&scop), 10_000, e) },
        Line { social: "reserved", cpv: "90", ..line(&q1, pr, Some(&esat), 5_000, e) },
        line(&q2, pr, None, 5_000, e),
        line(&q3, pr, None, 10_000, e),
    ]);
    app.ledger(&lines).await;
    Ledger { p1, q3 }
}

/// The dashboard as `client` sees it through the page's server function.
pub async fn dashboard(app: &TestApp, client: &reqwest::Client, query: &str) -> serde_json::Value {
    let answer = app.call_ok(client, "indicators", &[("query", query)]).await;
    answer["Shown"].clone()
}
