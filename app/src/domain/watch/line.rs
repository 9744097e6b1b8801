//! One row of a buyer's purchases file read into a typed ledger line, with a French error
//! for each cell that cannot be read.

use crate::domain::{
    directory::{Cpv, InseeCode, Postcode, Siren, Siret, communes},
    needs::SocialConsideration,
};

use super::{
    amount::parse_amount,
    consideration::parse_considerations,
    date::LedgerDate,
    mapping::{Mapping, letter},
    role::ColumnRole,
    text::fold,
};

/// The longest text kept from a cell (names, categories, buying entities).
pub const MAX_TEXT_CHARS: usize = 200;
/// The most insertion hours a line may report.
pub const MAX_INSERTION_HOURS: i64 = 10_000_000;

/// The supplier's number: an establishment's or a company's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupplierId {
    Siret(Siret),
    Siren(Siren),
}

impl SupplierId {
    pub fn parse(input: &str) -> Result<Self, String> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
        if compact.contains(['e', 'E']) && compact.contains(['+', ',']) {
            return Err(format!(
                "« {} » est en notation scientifique : mettez la colonne au format texte dans le \
                 tableur pour garder les 14 chiffres du SIRET.",
                input.trim()
            ));
        }
        match compact.len() {
            14 => Siret::parse(&compact).map(Self::Siret),
            9 => Siren::parse(&compact).map(Self::Siren),
            _ => Err(format!(
                "« {} » n'est ni un SIRET (14 chiffres) ni un SIREN (9 chiffres).",
                input.trim()
            )),
        }
    }

    pub fn siret(&self) -> Option<&str> {
        match self {
            Self::Siret(siret) => Some(siret.as_str()),
            Self::Siren(_) => None,
        }
    }

    /// The SIREN, also for a SIRET (its first nine digits).
    pub fn siren(&self) -> &str {
        match self {
            Self::Siret(siret) => siret.siren(),
            Self::Siren(siren) => siren.as_str(),
        }
    }
}

/// Where the contract is carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Commune(InseeCode),
    Postcode(Postcode),
}

impl Place {
    /// A commune of the Métropole by its INSEE code or its name, or a postcode (five digits
    /// that are not a commune code of the Métropole).
    pub fn parse(input: &str) -> Result<Self, String> {
        let text = input.trim();
        if let Some(commune) = communes::find(text) {
            return InseeCode::parse(commune.insee).map(Self::Commune);
        }
        let folded = fold(text);
        if let Some(commune) = communes::communes().iter().find(|c| fold(c.name) == folded) {
            return InseeCode::parse(commune.insee).map(Self::Commune);
        }
        if text.len() == 5 && (text.starts_with("2A") || text.starts_with("2B")) {
            return InseeCode::parse(text).map(Self::Commune);
        }
        Postcode::parse(text).map(Self::Postcode).map_err(|_| {
            format!(
                "Lieu d'exécution inconnu : « {text} ». Indiquez un code postal, un code commune \
                 INSEE ou le nom d'une commune de la Métropole."
            )
        })
    }

    /// (`commune` or `postcode`, the code), as the ledger stores them.
    pub fn columns(&self) -> (&'static str, &str) {
        match self {
            Self::Commune(code) => ("commune", code.as_str()),
            Self::Postcode(code) => ("postcode", code.as_str()),
        }
    }
}

/// A purchase as one line of a file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub supplier_name: String,
    pub supplier_id: Option<SupplierId>,
    pub amount_cents: i64,
    pub date: LedgerDate,
    pub cpv: Option<Cpv>,
    pub category: Option<String>,
    pub buying_entity: Option<String>,
    pub buyer_siret: Option<Siret>,
    /// Strongest first; `[None]` when the file says none or has no such column.
    pub considerations: Vec<SocialConsideration>,
    pub place: Option<Place>,
    pub insertion_hours_done: Option<i64>,
}

/// A cell that cannot be read: its column (letter and header) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: String,
    pub message: String,
}

/// How a column is named in an error: `C « Montant HT »`.
pub fn column_name(index: usize, headers: &[String]) -> String {
    match headers.get(index).map(|h| h.trim()).filter(|h| !h.is_empty()) {
        Some(header) => format!("{} « {header} »", letter(index)),
        None => letter(index),
    }
}

fn text(cell: &str, what: &str) -> Result<Option<String>, String> {
    let cell = cell.trim();
    if cell.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("{what} compte au plus {MAX_TEXT_CHARS} caractères."));
    }
    Ok((!cell.is_empty()).then(|| cell.to_owned()))
}

fn hours(cell: &str) -> Result<Option<i64>, String> {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
    let compact = compact.trim_end_matches("heures").trim_end_matches('h');
    let compact =
        compact.strip_suffix(",0").or_else(|| compact.strip_suffix(".0")).unwrap_or(compact);
    if compact.is_empty() {
        return Ok(None);
    }
    match compact.parse::<i64>() {
        Ok(h) if (0..=MAX_INSERTION_HOURS).contains(&h) => Ok(Some(h)),
        _ => Err(format!(
            "« {} » n'est pas un nombre d'heures : un nombre entier entre 0 et 10 millions.",
            cell.trim()
        )),
    }
}

/// Reads the cells of one row with `mapping`. Every cell of a mapped column is read, so that
/// all of a row's errors are given at once.
pub fn parse_row(
    mapping: &Mapping,
    headers: &[String],
    cells: &[String],
) -> Result<LedgerLine, Vec<CellError>> {
    let mut errors = Vec::new();
    let cell = |role| mapping.column_of(role).map(|i| (i, cells.get(i).map_or("", |c| c.trim())));
    let read = |role: ColumnRole| -> Option<(usize, &str)> { cell(role) };
    let mut fail = |index: usize, message: String| {
        errors.push(CellError { column: column_name(index, headers), message });
    };

    let mut supplier_name = None;
    if let Some((i, value)) = read(ColumnRole::SupplierName) {
        match text(value, "Le nom du fournisseur") {
            Ok(Some(name)) => supplier_name = Some(name),
            Ok(None) => fail(i, "Indiquez le nom du fournisseur.".into()),
            Err(e) => fail(i, e),
        }
    }
    let mut supplier_id = None;
    if let Some((i, value)) = read(ColumnRole::SupplierId).filter(|(_, v)| !v.is_empty()) {
        match SupplierId::parse(value) {
            Ok(id) => supplier_id = Some(id),
            Err(e) => fail(i, e),
        }
    }
    let mut amount = None;
    if let Some((i, value)) = read(ColumnRole::Amount) {
        match parse_amount(value) {
            Ok(cents) => amount = Some(cents),
            Err(e) => fail(i, e),
        }
    }
    let mut date = None;
    if let Some((i, value)) = read(ColumnRole::Date) {
        match LedgerDate::parse(value) {
            Ok(d) => date = Some(d),
            Err(e) => fail(i, e),
        }
    }
    let (mut cpv, mut category) = (None, None);
    if let Some((i, value)) = read(ColumnRole::Category).filter(|(_, v)| !v.is_empty()) {
        // « 45000000-7 Travaux de construction »: the code, and the words as the category.
        let (code, rest) = value.split_once(' ').unwrap_or((value, ""));
        match Cpv::parse(code) {
            Ok(c) => {
                cpv = Some(c);
                let rest = rest.trim_start_matches([' ', '-', '–', ':']);
                match text(rest, "La catégorie") {
                    Ok(words) => category = words,
                    Err(e) => fail(i, e),
                }
            }
            Err(_) => match text(value, "La catégorie") {
                Ok(words) => category = words,
                Err(e) => fail(i, e),
            },
        }
    }
    let (mut buying_entity, mut buyer_siret) = (None, None);
    if let Some((i, value)) = read(ColumnRole::BuyingEntity).filter(|(_, v)| !v.is_empty()) {
        let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() == 14 && compact.bytes().all(|b| b.is_ascii_digit()) {
            match Siret::parse(&compact) {
                Ok(siret) => buyer_siret = Some(siret),
                Err(e) => fail(i, e),
            }
        } else {
            match text(value, "L'entité acheteuse") {
                Ok(name) => buying_entity = name,
                Err(e) => fail(i, e),
            }
        }
    }
    let mut considerations = vec![SocialConsideration::None];
    if let Some((i, value)) = read(ColumnRole::Social) {
        match parse_considerations(value) {
            Ok(found) => considerations = found,
            Err(e) => fail(i, e),
        }
    }
    let mut place = None;
    if let Some((i, value)) = read(ColumnRole::Place).filter(|(_, v)| !v.is_empty()) {
        match Place::parse(value) {
            Ok(p) => place = Some(p),
            Err(e) => fail(i, e),
        }
    }
    let mut insertion_hours_done = None;
    if let Some((i, value)) = read(ColumnRole::InsertionHours) {
        match hours(value) {
            Ok(h) => insertion_hours_done = h,
            Err(e) => fail(i, e),
        }
    }
    match (supplier_name, amount, date) {
        (Some(supplier_name), Some(amount_cents), Some(date)) if errors.is_empty() => {
            Ok(LedgerLine {
                supplier_name,
                supplier_id,
                amount_cents,
                date,
                cpv,
                category,
                buying_entity,
                buyer_siret,
                considerations,
                place,
                insertion_hours_done,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    fn headers() -> Vec<String> {
        strings(&[
            "Fournisseur",
            "SIRET",
            "Montant HT",
            "Date",
            "CPV",
            "Service",
            "Clause",
            "Lieu",
            "Heures",
        ])
    }

    #[test]
    fn a_good_row_is_typed() {
        let h = headers();
        let mapping = Mapping::guess(&h);
        let row = strings(&[
            "Régie de quartier",
            "732 829 320 00074",
            "12 500,00",
            "15/03/2025",
            "77310000-6 Entretien des espaces verts",
            "Direction des espaces verts",
            "Clause sociale",
            "Échirolles",
            "350 h",
        ]);
        let line = parse_row(&mapping, &h, &row).expect("readable");
        assert_eq!(line.supplier_id.as_ref().and_then(SupplierId::siret), Some("73282932000074"));
        assert_eq!(line.supplier_id.as_ref().map(SupplierId::siren), Some("732829320"));
        assert_eq!(line.amount_cents, 1_250_000);
        assert_eq!(line.date.french(), "15/03/2025");
        assert_eq!(line.cpv.as_ref().map(Cpv::as_str), Some("77310000-6"));
        assert_eq!(line.category.as_deref(), Some("Entretien des espaces verts"));
        assert_eq!(line.buying_entity.as_deref(), Some("Direction des espaces verts"));
        assert_eq!(line.considerations, vec![SocialConsideration::Clause]);
        assert_eq!(line.place.as_ref().map(Place::columns), Some(("commune", "38151")));
        assert_eq!(line.insertion_hours_done, Some(350));
    }

    #[test]
    fn optional_cells_may_be_empty_and_a_siren_will_do() {
        let h = headers();
        let mapping = Mapping::guess(&h);
        let row = strings(&[
            "ESAT du Drac",
            "732829320",
            "800",
            "2024",
            "Nettoyage",
            "",
            "",
            "38000",
            "",
        ]);
        let line = parse_row(&mapping, &h, &row).expect("readable");
        assert_eq!(line.supplier_id.as_ref().map(SupplierId::siren), Some("732829320"));
        assert_eq!(line.date, LedgerDate::Year(2024));
        assert_eq!((line.cpv, line.category.as_deref()), (None, Some("Nettoyage")));
        assert_eq!(line.considerations, vec![SocialConsideration::None]);
        assert_eq!(line.place.as_ref().map(Place::columns), Some(("postcode", "38000")));
        let short = strings(&["ESAT du Drac", "", "800", "2024"]);
        assert!(parse_row(&mapping, &h, &short).is_ok(), "missing trailing cells are empty");
    }

    #[test]
    fn every_bad_cell_of_a_row_is_named() {
        let h = headers();
        let mapping = Mapping::guess(&h);
        let row =
            strings(&["", "73282932000075", "-50", "31/02/2025", "", "", "peut-être", "Lyon", "x"]);
        let errors = parse_row(&mapping, &h, &row).expect_err("bad");
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            columns,
            [
                "A « Fournisseur »",
                "B « SIRET »",
                "C « Montant HT »",
                "D « Date »",
                "G « Clause »",
                "H « Lieu »",
                "I « Heures »"
            ]
        );
        assert!(errors[1].message.contains("n'existe pas"), "{errors:?}");
        assert!(errors[2].message.contains("négatif"), "{errors:?}");
        assert!(SupplierId::parse("7,32829E+13").expect_err("sci").contains("format texte"));
        assert!(SupplierId::parse("1234").expect_err("len").contains("ni un SIRET"));
    }

    #[test]
    fn a_buying_entity_may_be_a_siret() {
        let h = strings(&["Fournisseur", "Montant", "Année", "SIRET acheteur"]);
        let mapping = Mapping::guess(&h);
        let row = strings(&["X", "10", "2025", "21380185500015"]);
        let line = parse_row(&mapping, &h, &row).expect("readable");
        assert_eq!(line.buyer_siret.as_ref().map(Siret::as_str), Some("21380185500015"));
        assert!(line.buying_entity.is_none());
    }
}
