//! One rule per criterion: the facts it reads, the threshold it applies, the evidence it
//! needs, and the sentence that explains its verdict. Each rule names the article it
//! implements through its criterion's definition (`criteria.rs`).

use crate::domain::Code;
use serde::{Deserialize, Serialize};

use super::{
    criteria::{CriterionCode, EvidenceKind},
    facts::{Evidence, EvidenceState, OfferFacts, SupplierFacts},
    threshold::Threshold,
};
use crate::domain::{
    directory::{KNOWN_CERTIFICATIONS, StructureKind, commune_centres},
    geo::haversine_km,
};

/// A criterion's verdict.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    NotMet,
    /// A fact or a piece of evidence is missing.
    Unknown,
    /// The fact or its evidence is out of date.
    Expired,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Met => "rempli",
            Self::NotMet => "non rempli",
            Self::Unknown => "à justifier",
            Self::Expired => "expiré",
        }
    }
}

/// What the facts alone say, with the words that say it (empty when the evaluation does not
/// explain itself).
enum Facts {
    /// The facts meet the criterion; the text says which.
    Meet(String),
    Fail(String),
    /// A fact is missing.
    Missing(String),
    /// A dated fact (an agreement, a label) is out of date.
    Outdated(String),
}

/// Everything a rule may read.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub supplier: &'a SupplierFacts,
    pub offer: Option<&'a OfferFacts>,
    pub evidence: Evidence<'a>,
    /// `AAAA-MM-JJ`.
    pub today: &'a str,
    /// Whether to write each verdict's sentence. The catalogue's filter needs verdicts only,
    /// for every offer: formatting is most of an evaluation's cost.
    pub explain: bool,
}

/// `format!` when the evaluation explains itself, an empty (unallocated) string otherwise.
macro_rules! say {
    ($input:expr, $($arg:tt)*) => {
        if $input.explain { format!($($arg)*) } else { String::new() }
    };
}

/// The verdict of one criterion with its one-sentence French explanation.
pub fn judge(
    criterion: CriterionCode,
    threshold: &Threshold,
    input: &Input<'_>,
) -> (Verdict, String) {
    let definition = criterion.definition();
    let facts = match criterion {
        CriterionCode::ReservedHandicap => handicap(input, percent(threshold)),
        CriterionCode::ReservedInsertion => insertion(input, percent(threshold)),
        CriterionCode::ReservedJoint => return joint(threshold, input),
        CriterionCode::ReservedPrison => share(
            input,
            input.supplier.detainee_share,
            percent(threshold),
            "de travailleurs détenus",
        ),
        CriterionCode::ReservedEss => ess_reserved(input),
        CriterionCode::EsusAgreement => esus(input),
        CriterionCode::FairTrade => labels(
            input,
            |code| KNOWN_CERTIFICATIONS.iter().any(|l| l.fair_trade && l.code == code),
            || "label de commerce équitable".to_owned(),
        ),
        CriterionCode::NamedLabels => {
            let codes: &[String] = match threshold {
                Threshold::Labels { codes } => codes,
                _ => &[],
            };
            labels(
                input,
                |code| codes.iter().any(|c| c == code),
                || format!("label demandé ({})", threshold.describe()),
            )
        }
        CriterionCode::InsertionClause => clause(input, threshold),
        CriterionCode::LocalReach => local(input, threshold),
        CriterionCode::DemocraticGovernance => governance(input),
        CriterionCode::InsertionShare => share(
            input,
            input.supplier.insertion_share(),
            percent(threshold),
            "de salariés en insertion",
        ),
    };
    let evidence_needed = evidence_for(criterion, input.supplier);
    conclude(
        facts,
        input.evidence.state(evidence_needed, input.today),
        evidence_needed,
        definition.basis,
        input.explain,
    )
}

/// The evidence a criterion needs for this supplier: an ESUS agreement held by law needs no
/// decision on file.
fn evidence_for(criterion: CriterionCode, supplier: &SupplierFacts) -> &'static [EvidenceKind] {
    if criterion == CriterionCode::EsusAgreement && supplier.has_kind(esus_by_law) {
        return &[];
    }
    criterion.definition().evidence
}

fn conclude(
    facts: Facts,
    evidence: EvidenceState,
    needed: &[EvidenceKind],
    basis: &str,
    explain: bool,
) -> (Verdict, String) {
    if !explain {
        let verdict = match (facts, evidence) {
            (Facts::Fail(_), _) => Verdict::NotMet,
            (Facts::Missing(_), _) | (Facts::Meet(_), EvidenceState::Missing) => Verdict::Unknown,
            (Facts::Outdated(_), _) | (Facts::Meet(_), EvidenceState::Expired) => Verdict::Expired,
            (Facts::Meet(_), EvidenceState::NotNeeded | EvidenceState::Present) => Verdict::Met,
        };
        return (verdict, String::new());
    }
    let pieces = || needed.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ou ");
    match facts {
        Facts::Fail(why) => (Verdict::NotMet, format!("Non rempli : {why} ({basis}).")),
        Facts::Missing(what) => (Verdict::Unknown, format!("À justifier : {what} ({basis}).")),
        Facts::Outdated(what) => (Verdict::Expired, format!("Expiré : {what} ({basis}).")),
        Facts::Meet(why) => match evidence {
            EvidenceState::NotNeeded => (Verdict::Met, format!("Rempli : {why} ({basis}).")),
            EvidenceState::Present => {
                (Verdict::Met, format!("Rempli : {why}, pièce au dossier ({basis})."))
            }
            EvidenceState::Missing => (
                Verdict::Unknown,
                format!("À justifier : {why}, mais il manque la pièce « {} » ({basis}).", pieces()),
            ),
            EvidenceState::Expired => (
                Verdict::Expired,
                format!(
                    "Expiré : {why}, mais la pièce « {} » n'est plus valide ({basis}).",
                    pieces()
                ),
            ),
        },
    }
}

fn percent(threshold: &Threshold) -> u8 {
    match threshold {
        Threshold::Percent { min } => *min,
        _ => 50,
    }
}

/// `80 %`, `66,7 %`.
pub fn format_percent(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0} %")
    } else {
        format!("{rounded:.1} %").replace('.', ",")
    }
}

fn share(input: &Input<'_>, value: Option<f64>, min: u8, of_what: &str) -> Facts {
    match value {
        None => Facts::Missing(say!(input, "la part {of_what} n'est pas déclarée")),
        Some(v) if v >= f64::from(min) => {
            Facts::Meet(say!(input, "{} {of_what} pour un seuil de {min} %", format_percent(v)))
        }
        Some(v) => {
            Facts::Fail(say!(input, "{} {of_what}, sous le seuil de {min} %", format_percent(v)))
        }
    }
}

fn is_handicap(kind: StructureKind) -> bool {
    matches!(kind, StructureKind::Ea | StructureKind::Eatt | StructureKind::Esat)
}

/// L2113-12: an EA, EATT or ESAT with at least `min` % disabled workers.
fn handicap(input: &Input<'_>, min: u8) -> Facts {
    let supplier = input.supplier;
    if !supplier.has_kind(is_handicap) {
        return Facts::Fail(say!(
            input,
            "{} n'est ni une entreprise adaptée ni un ESAT ({})",
            supplier.name,
            supplier.kinds_text()
        ));
    }
    prefixed(input, share(input, supplier.disabled_share, min, "de travailleurs handicapés"))
}

/// L2113-13: an SIAE with at least `min` % of its staff in insertion.
fn insertion(input: &Input<'_>, min: u8) -> Facts {
    let supplier = input.supplier;
    if !supplier.has_kind(StructureKind::is_siae) {
        return Facts::Fail(say!(
            input,
            "{} n'est pas une structure d'insertion par l'activité économique ({})",
            supplier.name,
            supplier.kinds_text()
        ));
    }
    prefixed(input, share(input, supplier.insertion_share(), min, "de salariés en insertion"))
}

fn prefixed(input: &Input<'_>, facts: Facts) -> Facts {
    if !input.explain {
        return facts;
    }
    let kinds = input.supplier.kinds_text();
    match facts {
        Facts::Meet(t) => Facts::Meet(format!("{kinds}, {t}")),
        Facts::Fail(t) => Facts::Fail(format!("{kinds}, {t}")),
        other => other,
    }
}

/// L2113-12 and L2113-13 together: either reservation's conditions.
/// Only the reservation that decides is explained.
fn joint(threshold: &Threshold, input: &Input<'_>) -> (Verdict, String) {
    let quiet = Input { explain: false, ..*input };
    let h = judge(CriterionCode::ReservedHandicap, threshold, &quiet).0;
    let i = judge(CriterionCode::ReservedInsertion, threshold, &quiet).0;
    let basis = CriterionCode::ReservedJoint.definition().basis;
    let chosen = |v: Verdict, criterion: CriterionCode| {
        if !input.explain {
            return (v, String::new());
        }
        let text = judge(criterion, threshold, input).1;
        let detail = text.trim_end_matches('.');
        (v, format!("Réservation conjointe ({basis}) : {}.", lowercase_first(detail)))
    };
    for wanted in [Verdict::Met, Verdict::Expired, Verdict::Unknown] {
        if h == wanted {
            return chosen(h, CriterionCode::ReservedHandicap);
        }
        if i == wanted {
            return chosen(i, CriterionCode::ReservedInsertion);
        }
    }
    (
        Verdict::NotMet,
        say!(
            input,
            "Non rempli : {} ne remplit ni les conditions du handicap ni celles de l'insertion \
             ({basis}).",
            input.supplier.name
        ),
    )
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// CPV prefixes of the health, social and cultural services that L2113-15 lets a buyer
/// reserve to ESS companies (the services listed by the arrêté of 2019, by CPV).
const ESS_SERVICES: &[&str] = &[
    "75121", "75122", "75123", "79622", "79624", "79625", "8011", "803", "8042", "8043", "80511",
    "80520", "80590", "85", "925", "926", "98133",
];

fn esus_valid(supplier: &SupplierFacts, today: &str) -> bool {
    supplier.has_kind(esus_by_law)
        || supplier.esus_agreed_on.as_deref().is_some_and(|on| esus_runs(on, today))
}

/// Whether an agreement given on `on` still runs on `today` (both `AAAA-MM-JJ`): the same
/// comparison as `today < esus_end(on)`, without writing the end date.
fn esus_runs(on: &str, today: &str) -> bool {
    fn split(date: &str) -> Option<(i64, &str)> {
        let (year, rest) = date.split_once('-')?;
        Some((year.parse().ok()?, rest))
    }
    match (split(on), split(today)) {
        (Some((given, rest)), Some((now, today_rest))) if (1000..=9994).contains(&given) => {
            (now, today_rest) < (given + 5, rest)
        }
        _ => today < esus_end(on).as_str(),
    }
}

/// L2113-15: an ESS company, for the health, social or cultural services listed.
fn ess_reserved(input: &Input<'_>) -> Facts {
    let supplier = input.supplier;
    let statute = supplier
        .kinds
        .iter()
        .any(|k| k.families().contains(&crate::domain::directory::Family::Ess));
    if !statute && !esus_valid(supplier, input.today) {
        return Facts::Fail(say!(
            input,
            "{} n'a pas de statut de l'ESS ni d'agrément ESUS valide ({})",
            supplier.name,
            supplier.kinds_text()
        ));
    }
    let cpv = input.offer.map_or(&supplier.cpv, |o| &o.cpv);
    let reservable = |c: &&str| ESS_SERVICES.iter().any(|p| c.starts_with(p));
    let subject = if input.offer.is_some() { "l'offre" } else { "les activités" };
    if cpv.is_empty() {
        return Facts::Missing(say!(input, "{subject} n'ont pas de code CPV"));
    }
    if !cpv.iter().map(|c| c.as_str()).any(|c| reservable(&c)) {
        return Facts::Fail(say!(
            input,
            "{subject} ({}) ne relèvent pas des services de santé, sociaux ou culturels réservables",
            cpv.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    Facts::Meet(say!(
        input,
        "structure de l'ESS ({}) et service réservable (CPV {})",
        supplier.kinds_text(),
        cpv.iter().map(|c| c.as_str()).filter(reservable).collect::<Vec<_>>().join(", ")
    ))
}

/// Kinds holding the ESUS agreement by law (L3332-17-1, II).
fn esus_by_law(kind: StructureKind) -> bool {
    kind.is_siae() || is_handicap(kind) || kind == StructureKind::Rq
}

/// The day an agreement given on `on` (`AAAA-MM-JJ`) ends: five years later.
pub fn esus_end(on: &str) -> String {
    match on.split_once('-') {
        Some((year, rest)) => match year.parse::<i64>() {
            Ok(year) => format!("{:04}-{rest}", year + 5),
            Err(_) => on.to_owned(),
        },
        None => on.to_owned(),
    }
}

/// L3332-17-1 Code du travail: agreement of five years, or by law.
fn esus(input: &Input<'_>) -> Facts {
    let supplier = input.supplier;
    if let Some(kind) = supplier.kinds.iter().find(|k| esus_by_law(**k)) {
        return Facts::Meet(say!(input, "{} bénéficie de l'agrément de plein droit", kind.code()));
    }
    match supplier.esus_agreed_on.as_deref() {
        None => Facts::Fail(say!(input, "{} ne déclare pas d'agrément ESUS", supplier.name)),
        Some(on) => {
            let end = || esus_end(on);
            if esus_runs(on, input.today) {
                Facts::Meet(say!(
                    input,
                    "agrément du {} valable jusqu'au {}",
                    crate::domain::calendar::french_iso_date(on),
                    crate::domain::calendar::french_iso_date(&end())
                ))
            } else {
                Facts::Outdated(say!(
                    input,
                    "l'agrément du {} a pris fin le {}",
                    crate::domain::calendar::french_iso_date(on),
                    crate::domain::calendar::french_iso_date(&end())
                ))
            }
        }
    }
}

/// A label whose code is `accepted`, valid today; `what` names the label wanted.
fn labels(
    input: &Input<'_>,
    accepted: impl Fn(&str) -> bool,
    what: impl FnOnce() -> String,
) -> Facts {
    let supplier = input.supplier;
    let mut held = supplier.labels.iter().filter(|l| accepted(&l.code));
    let first = held.clone().next();
    let valid = held.find(|l| {
        crate::domain::directory::certification::valid_on(
            l.valid_from.as_deref(),
            l.valid_until.as_deref(),
            input.today,
        )
    });
    if !input.explain {
        return match (valid, first) {
            (Some(_), _) => Facts::Meet(String::new()),
            (None, Some(_)) => Facts::Outdated(String::new()),
            (None, None) => Facts::Fail(String::new()),
        };
    }
    match (valid, first) {
        (Some(label), _) => Facts::Meet(match &label.valid_until {
            Some(until) => format!(
                "{} valide jusqu'au {}",
                label.name,
                crate::domain::calendar::french_iso_date(until)
            ),
            None => format!("{} déclaré", label.name),
        }),
        (None, Some(label)) => Facts::Outdated(format!(
            "{} n'est plus valide{}",
            label.name,
            label
                .valid_until
                .as_deref()
                .map(|u| format!(" depuis le {}", crate::domain::calendar::french_iso_date(u)))
                .unwrap_or_default()
        )),
        (None, None) => Facts::Fail(format!("{} ne déclare aucun {}", supplier.name, what())),
    }
}

/// L2112-2: the hours the clause asks for, against the hours the supplier can perform.
fn clause(input: &Input<'_>, threshold: &Threshold) -> Facts {
    let Threshold::Hours { clause } = threshold else {
        return Facts::Missing(say!(input, "la clause n'a pas de volume d'heures"));
    };
    let supplier = input.supplier;
    let needed = clause.hours();
    match supplier.insertion_hours_capacity {
        None => Facts::Missing(say!(
            input,
            "la clause demande {needed} h d'insertion et {} ne déclare pas sa capacité",
            supplier.name
        )),
        Some(capacity) if capacity >= needed => {
            Facts::Meet(say!(input, "capacité de {capacity} h par an pour {needed} h demandées"))
        }
        Some(capacity) => Facts::Fail(say!(
            input,
            "capacité de {capacity} h par an, moins que les {needed} h demandées"
        )),
    }
}

fn local(input: &Input<'_>, threshold: &Threshold) -> Facts {
    let Threshold::Place { communes, km, origin } = threshold else {
        return Facts::Missing(say!(input, "le profil ne dit pas où"));
    };
    let supplier = input.supplier;
    let commune = supplier.commune_name.as_deref().unwrap_or("commune inconnue");
    if let Some(insee) = &supplier.commune_insee
        && communes.contains(insee)
    {
        return Facts::Meet(say!(input, "implantée à {commune}, commune demandée"));
    }
    if let (Some(km), Some(origin)) = (km, origin) {
        let place = supplier
            .coordinates
            .or_else(|| supplier.commune_insee.as_deref().and_then(commune_centres::centre));
        let (Some(from), Some(at)) = (commune_centres::centre(origin), place) else {
            return Facts::Missing(say!(input, "{} n'a pas de localisation", supplier.name));
        };
        let distance = haversine_km(from, at);
        let within = distance <= f64::from(*km);
        if !input.explain {
            return if within { Facts::Meet(String::new()) } else { Facts::Fail(String::new()) };
        }
        let origin_name =
            crate::domain::directory::communes::find(origin).map_or(origin.as_str(), |c| c.name);
        let distance = format!("{distance:.1}").replace('.', ",");
        let text = format!("{commune}, à {distance} km de {origin_name}");
        return if within {
            Facts::Meet(format!("{text} (au plus {km} km)"))
        } else {
            Facts::Fail(format!("{text}, au-delà de {km} km"))
        };
    }
    if supplier.commune_insee.is_none() {
        return Facts::Missing(say!(input, "{} n'a pas de commune déclarée", supplier.name));
    }
    Facts::Fail(say!(input, "implantée à {commune}, hors des communes demandées"))
}

/// Art. 1 of loi 2014-856: cooperatives, associations and mutuals are governed by their
/// members.
fn governance(input: &Input<'_>) -> Facts {
    let supplier = input.supplier;
    let by_kind = supplier.kinds.iter().find(|k| {
        matches!(
            k,
            StructureKind::Scop
                | StructureKind::Scic
                | StructureKind::Asso
                | StructureKind::Mutuelle
        )
    });
    if let Some(kind) = by_kind {
        return Facts::Meet(say!(input, "statut {} ({})", kind.code(), kind.label()));
    }
    let form = supplier.legal_form.as_deref().unwrap_or_default().to_lowercase();
    if ["coop", "scop", "scic", "association", "mutuelle"].iter().any(|w| form.contains(w)) {
        return Facts::Meet(say!(
            input,
            "forme juridique {}",
            supplier.legal_form.as_deref().unwrap_or_default()
        ));
    }
    Facts::Fail(say!(
        input,
        "{} n'a ni statut coopératif, ni associatif, ni mutualiste ({}{})",
        supplier.name,
        supplier.kinds_text(),
        supplier.legal_form.as_deref().map(|f| format!(", {f}")).unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_runs_until_its_end_date_excluded() {
        for (on, today) in [
            ("2021-06-01", "2026-05-31"),
            ("2021-06-01", "2026-06-01"),
            ("2021-06-01", "2026-06-02"),
            ("2021-06-01", "2025-12-31"),
            ("2021-06-01", "2027-01-01"),
            ("2020-02-29", "2025-02-28"),
            ("2020-02-29", "2025-03-01"),
            ("bad", "2026-01-01"),
        ] {
            assert_eq!(esus_runs(on, today), today < esus_end(on).as_str(), "{on} on {today}");
        }
    }
}
