//! One DECP `marche` read into a typed contract, whichever shape it comes in: the v2 nested
//! lists (`titulaires: [{"titulaire": {...}}]`, `considerationsSociales:
//! {"considerationSociale": [...]}`, `modifications: [{"modification": {...}}]`), the older
//! flat ones (`["Clause sociale"]`, `[{id, typeIdentifiant}]`), or the XML's (a lone child
//! where JSON has a list, every value as text). Every field is read, so that all of a
//! record's errors are given at once.

use serde_json::Value;

use crate::domain::{
    calendar::Day,
    directory::{Cpv, Siret},
    needs::SocialConsideration,
    watch::{
        LedgerDate, SupplierId, amount::MAX_LINE_CENTS, decp_place::ExecutionPlace,
        environment::EnvironmentalConsideration, parse_amount, parse_considerations,
    },
};

/// What the readers hand over.
#[derive(Debug)]
pub enum Item {
    Contract(Value),
    Concession,
}

/// The contract's holder kept on the ledger line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// Its SIRET (or SIREN) when `typeIdentifiant` is SIRET.
    pub id: Option<SupplierId>,
    /// Its name when the file gives one (older files), else its identifier with its kind.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    pub id: String,
    pub buyer: Siret,
    pub buyer_name: Option<String>,
    pub object: Option<String>,
    pub cpv: Cpv,
    pub procedure: Option<String>,
    pub place: Option<ExecutionPlace>,
    pub duration_months: Option<i64>,
    pub notified_on: Day,
    /// The last amount given (modifications included).
    pub amount_cents: i64,
    pub holder: Holder,
    /// Strongest first.
    pub social: Vec<SocialConsideration>,
    pub environmental: Vec<EnvironmentalConsideration>,
}

/// A field that cannot be read: its path in the record and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The elements of a list, whichever way the file nests them: `[{"inner": x}, …]`,
/// `[x, …]`, `{"inner": [x, …]}`, `{"inner": x}`, or a lone value.
pub fn items<'a>(value: Option<&'a Value>, inner: &str) -> Vec<&'a Value> {
    let unwrap = |v: &'a Value| -> Vec<&'a Value> {
        match v {
            Value::Object(map) if map.len() == 1 && map.contains_key(inner) => match &map[inner] {
                Value::Array(list) => list.iter().collect(),
                one => vec![one],
            },
            other => vec![other],
        }
    };
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().flat_map(unwrap).collect(),
        Some(other) => unwrap(other),
    }
}

/// A value as text: strings as they are, numbers and booleans written out.
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The buyer's SIRET and the place, read leniently to decide whether the record is kept
/// (the strict reading comes after, for the records kept).
pub fn screen(record: &Value) -> (Option<String>, Option<ExecutionPlace>) {
    let buyer = record
        .get("acheteur")
        .and_then(|a| a.get("id"))
        .and_then(text)
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect());
    let place = record.get("lieuExecution").and_then(|place| {
        let code = place.get("code").and_then(text)?;
        let kind = place.get("typeCode").and_then(text)?;
        ExecutionPlace::parse(&code, &kind).ok()
    });
    (buyer, place)
}

/// The contract's id, for error messages (even when the record is otherwise unreadable).
pub fn id_of(record: &Value) -> Option<String> {
    record.get("id").and_then(text)
}

pub fn amount(value: &Value) -> Result<i64, String> {
    let cents = match value {
        // DECP writes euros as a JSON number: converted once to the cent, the ledger's unit.
        Value::Number(n) => match n.as_f64() {
            Some(euros) if euros.is_finite() => {
                let cents = (euros * 100.0).round();
                if cents > MAX_LINE_CENTS as f64 {
                    return Err(
                        "Le montant d'un marché ne dépasse pas 10 milliards d'euros.".into()
                    );
                }
                cents as i64
            }
            _ => return Err(format!("« {n} » n'est pas un montant.")),
        },
        other => parse_amount(&text(other).unwrap_or_default())?,
    };
    if cents <= 0 {
        return Err(
            "Le montant HT d'un marché est positif (1 € au moins) : ni nul ni négatif.".into()
        );
    }
    if cents < 100 {
        return Err("Le montant HT d'un marché est d'au moins 1 € (DECP).".into());
    }
    Ok(cents)
}

fn day(value: &Value) -> Result<Day, String> {
    let written = text(value).unwrap_or_default();
    match LedgerDate::parse(&written)? {
        LedgerDate::Day(day) => Ok(day),
        LedgerDate::Year(_) => Err(format!("« {written} » n'est pas une date AAAA-MM-JJ.")),
    }
}

fn months(value: &Value) -> Result<i64, String> {
    text(value)
        .and_then(|t| t.parse::<i64>().ok())
        .filter(|m| (1..=1200).contains(m))
        .ok_or_else(|| "La durée est un nombre entier de mois, 1 au moins.".to_owned())
}

/// The first holder of a `titulaires` list. The amount is the contract's: a groupement's
/// first holder is its mandataire, and DECP gives no split between co-contractors.
fn holder(list: Option<&Value>, field: &str, errors: &mut Vec<FieldError>) -> Option<Holder> {
    let first = items(list, "titulaire").into_iter().next();
    let Some(first) = first else {
        errors.push(FieldError {
            field: field.to_owned(),
            message: "Indiquez au moins un titulaire.".into(),
        });
        return None;
    };
    let id = first.get("id").and_then(text);
    let kind = first.get("typeIdentifiant").and_then(text).unwrap_or_else(|| "SIRET".into());
    let name = first.get("denominationSociale").and_then(text);
    let Some(id) = id else {
        errors.push(FieldError {
            field: format!("{field}.id"),
            message: "Indiquez l'identifiant du titulaire.".into(),
        });
        return None;
    };
    if kind.eq_ignore_ascii_case("SIRET") {
        match SupplierId::parse(&id) {
            Ok(supplier) => {
                let name = name.unwrap_or_else(|| format!("SIRET {id}"));
                Some(Holder { id: Some(supplier), name })
            }
            Err(message) => {
                errors.push(FieldError { field: format!("{field}.id"), message });
                None
            }
        }
    } else {
        Some(Holder { id: None, name: name.unwrap_or_else(|| format!("{kind} {id}")) })
    }
}

/// Reads a kept record. Modifications apply in the order of their notification: the last
/// amount, duration and holders given replace the original ones; the contract keeps its
/// own notification day.
pub fn contract(record: &Value) -> Result<Contract, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: String| {
        errors.push(FieldError { field: field.to_owned(), message });
    };
    if !record.is_object() {
        fail("marche", "Ce marché n'est pas un objet JSON (ou un élément XML).".into());
        return Err(errors);
    }
    let required = |field: &str| record.get(field).filter(|v| !v.is_null());
    let id = match id_of(record) {
        Some(id) if id.chars().count() <= 16 => Some(id),
        Some(_) => {
            fail("id", "L'identifiant d'un marché compte 1 à 16 caractères.".into());
            None
        }
        None => {
            fail("id", "Indiquez l'identifiant du marché (champ obligatoire).".into());
            None
        }
    };
    let buyer = match record.get("acheteur").and_then(|a| a.get("id")).and_then(text) {
        Some(siret) => Siret::parse(&siret).map_err(|e| fail("acheteur.id", e)).ok(),
        None => {
            fail("acheteur.id", "Indiquez le SIRET de l'acheteur (champ obligatoire).".into());
            None
        }
    };
    let buyer_name = record.get("acheteur").and_then(|a| a.get("nom")).and_then(text);
    let cpv = match required("codeCPV").and_then(text) {
        Some(code) => Cpv::parse(&code).map_err(|e| fail("codeCPV", e)).ok(),
        None => {
            fail("codeCPV", "Indiquez le code CPV du marché (champ obligatoire).".into());
            None
        }
    };
    let mut amount_cents = match required("montant") {
        Some(v) => amount(v).map_err(|e| fail("montant", e)).ok(),
        None => {
            fail("montant", "Indiquez le montant HT du marché (champ obligatoire).".into());
            None
        }
    };
    let notified_on = match required("dateNotification") {
        Some(v) => day(v).map_err(|e| fail("dateNotification", e)).ok(),
        None => {
            fail("dateNotification", "Indiquez la date de notification (AAAA-MM-JJ).".into());
            None
        }
    };
    let mut duration_months =
        required("dureeMois").and_then(|v| months(v).map_err(|e| fail("dureeMois", e)).ok());
    let place = record.get("lieuExecution").filter(|v| !v.is_null()).and_then(|place| {
        let code = place.get("code").and_then(text).unwrap_or_default();
        let kind = place.get("typeCode").and_then(text).unwrap_or_default();
        ExecutionPlace::parse(&code, &kind).map_err(|e| fail("lieuExecution", e)).ok()
    });
    let mut social = Vec::new();
    for word in items(record.get("considerationsSociales"), "considerationSociale") {
        match parse_considerations(&text(word).unwrap_or_default()) {
            Ok(found) => social.extend(found),
            Err(e) => fail("considerationsSociales", e),
        }
    }
    let social = strongest_first(social);
    let mut environmental = Vec::new();
    let words =
        items(record.get("considerationsEnvironnementales"), "considerationEnvironnementale");
    for word in words {
        match EnvironmentalConsideration::parse(&text(word).unwrap_or_default()) {
            Ok(found) => environmental.push(found),
            Err(e) => fail("considerationsEnvironnementales", e),
        }
    }
    let mut holder = holder(record.get("titulaires"), "titulaires", &mut errors);
    let mut changes: Vec<(Day, usize, &Value)> = Vec::new();
    for (i, change) in items(record.get("modifications"), "modification").into_iter().enumerate() {
        let field = format!("modifications[{}].dateNotificationModification", i + 1);
        match change.get("dateNotificationModification").map(day) {
            Some(Ok(on)) => changes.push((on, i, change)),
            Some(Err(e)) => errors.push(FieldError { field, message: e }),
            None => errors.push(FieldError {
                field,
                message: "Indiquez la date de notification de la modification.".into(),
            }),
        }
    }
    changes.sort_by_key(|(on, i, _)| (*on, *i));
    for (_, i, change) in changes {
        let field = |name: &str| format!("modifications[{}].{name}", i + 1);
        if let Some(v) = change.get("montant").filter(|v| !v.is_null()) {
            match amount(v) {
                Ok(cents) => amount_cents = amount_cents.map(|_| cents),
                Err(message) => errors.push(FieldError { field: field("montant"), message }),
            }
        }
        if let Some(v) = change.get("dureeMois").filter(|v| !v.is_null()) {
            match months(v) {
                Ok(m) => duration_months = Some(m),
                Err(message) => errors.push(FieldError { field: field("dureeMois"), message }),
            }
        }
        if let Some(list) = change.get("titulaires").filter(|v| !v.is_null())
            && let Some(new) = self::holder(Some(list), &field("titulaires"), &mut errors)
        {
            holder = holder.map(|_| new);
        }
    }
    match (id, buyer, cpv, amount_cents, notified_on, holder) {
        (Some(id), Some(buyer), Some(cpv), Some(amount_cents), Some(notified_on), Some(holder))
            if errors.is_empty() =>
        {
            Ok(Contract {
                id,
                buyer,
                buyer_name,
                object: required("objet").and_then(text).map(|t| t.chars().take(1000).collect()),
                cpv,
                procedure: required("procedure").and_then(text),
                place,
                duration_months,
                notified_on,
                amount_cents,
                holder,
                social,
                environmental,
            })
        }
        _ => Err(errors),
    }
}

/// Considerations gathered from several words: strongest first, `None` only when alone.
fn strongest_first(found: Vec<SocialConsideration>) -> Vec<SocialConsideration> {
    let joined: Vec<&str> = found.iter().map(|c| c.label()).collect();
    parse_considerations(&joined.join(", ")).unwrap_or(vec![SocialConsideration::None])
}
