//! The dashboard's tables as CSV (the `csv` crate) and XLSX (`rust_xlsxwriter`): the key
//! figures, the breakdown and the trend, with the same figures as the page (« secret » where
//! the page says so).

use rust_xlsxwriter::Workbook;

use crate::domain::watch::indicators::{Dashboard, Figures, Hours, Part, SECRET, Shown, percent};

/// The tables one may export (`tableau=`).
pub const TABLES: &[(&str, &str)] = &[
    ("chiffres", "Chiffres clés"),
    ("ventilation", "Ventilation"),
    ("tendance", "Tendance sur les années"),
];

/// A table: its heading and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The columns of one cell's figures.
pub fn figure_headers() -> Vec<String> {
    [
        "Achats",
        "Montant HT (€)",
        "Achats avec considération sociale",
        "Part en nombre (PNAD)",
        "Part en montant",
        "Clauses sociales",
        "Critères sociaux",
        "Marchés réservés",
        "Montant ESS (€)",
        "Part ESS",
        "Fournisseurs ESS",
        "Acheteurs ESS",
        "Montant SIAE (€)",
        "Part SIAE",
        "Montant handicap (€)",
        "Part handicap",
        "Heures d'insertion demandées",
        "Heures d'insertion réalisées",
    ]
    .map(str::to_owned)
    .to_vec()
}

fn euros_plain(cents: i64) -> String {
    format!("{},{:02}", cents / 100, (cents % 100).abs())
}

fn part_cells(part: Shown<Part>, f: impl Fn(&Part) -> String) -> String {
    part.value().map_or_else(|| SECRET.to_owned(), |p| f(&p))
}

/// One cell's figures as text, in [`figure_headers`]' order.
pub fn figure_cells(f: &Figures) -> Vec<String> {
    let s = &f.shares;
    let hours = |h: fn(&Hours) -> i64| {
        f.hours.value().map_or_else(|| SECRET.to_owned(), |v| h(&v).to_string())
    };
    vec![
        part_cells(f.total, |p| p.contracts.to_string()),
        part_cells(f.total, |p| euros_plain(p.amount_cents)),
        part_cells(f.social, |p| p.contracts.to_string()),
        percent(s.social_by_count, f.social.is_secret() || f.total.is_secret()),
        percent(s.social_by_amount, f.social.is_secret() || f.total.is_secret()),
        part_cells(f.clause, |p| p.contracts.to_string()),
        part_cells(f.criterion, |p| p.contracts.to_string()),
        part_cells(f.reserved, |p| p.contracts.to_string()),
        part_cells(f.ess, |p| euros_plain(p.amount_cents)),
        percent(s.ess_by_amount, f.ess.is_secret() || f.total.is_secret()),
        part_cells(f.ess, |p| p.suppliers.to_string()),
        part_cells(f.ess, |p| p.buyers.to_string()),
        part_cells(f.siae, |p| euros_plain(p.amount_cents)),
        percent(s.siae_by_amount, f.siae.is_secret() || f.total.is_secret()),
        part_cells(f.handicap, |p| euros_plain(p.amount_cents)),
        percent(s.handicap_by_amount, f.handicap.is_secret() || f.total.is_secret()),
        hours(|h| h.asked),
        hours(|h| h.done),
    ]
}

/// The table `name` of the dashboard, if it is one.
pub fn table(d: &Dashboard, name: &str) -> Option<Table> {
    let with = |first: &str| {
        let mut h = vec![first.to_owned()];
        h.extend(figure_headers());
        h
    };
    let row = |label: String, f: &Figures| {
        let mut r = vec![label];
        r.extend(figure_cells(f));
        r
    };
    let title = format!("{} — {}", d.scope.label(), d.period_label);
    match name {
        "chiffres" => Some(Table {
            title: format!("Chiffres clés — {title}"),
            headers: with("Période"),
            rows: vec![
                row(d.period_label.clone(), &d.current),
                row(d.previous_label.clone(), &d.previous),
            ],
        }),
        "ventilation" => {
            let mut h = vec![d.dimension_label.clone(), "Période".to_owned()];
            h.extend(figure_headers());
            let rows = d
                .breakdown
                .iter()
                .flat_map(|r| {
                    [(&d.period_label, &r.current), (&d.previous_label, &r.previous)].map(
                        |(p, f)| {
                            let mut cells = vec![r.label.clone(), p.clone()];
                            cells.extend(figure_cells(f));
                            cells
                        },
                    )
                })
                .collect();
            Some(Table {
                title: format!("Par {} — {title}", d.dimension_label.to_lowercase()),
                headers: h,
                rows,
            })
        }
        "tendance" => Some(Table {
            title: format!("Tendance — {}", d.scope.label()),
            headers: with("Année"),
            rows: d.trend.iter().map(|t| row(t.year.to_string(), &t.figures)).collect(),
        }),
        _ => None,
    }
}

/// The `tableau=` of a query string.
pub fn requested_table(query: &str) -> String {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "tableau")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The table as CSV: UTF-8 with a byte order mark (for spreadsheets), semicolons, as French
/// spreadsheets read them.
pub fn csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![0xEF, 0xBB, 0xBF]);
    writer.write_record(table.headers.iter().map(|h| neutralise(h)))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|c| neutralise(c)))?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The table as an XLSX workbook of one sheet, every cell as text (as the page shows it).
pub fn xlsx(table: &Table) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Indicateurs")?;
    sheet.write_string(0, 0, &table.title)?;
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string(2, u16::try_from(c).unwrap_or(u16::MAX), h)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) =
                (u32::try_from(r + 3).unwrap_or(u32::MAX), u16::try_from(c).unwrap_or(u16::MAX));
            sheet.write_string(r, c, cell)?;
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for cell in ["=1+1", "+33", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("Régie"), "Régie");
        let table = Table {
            title: "t".into(),
            headers: vec!["a".into()],
            rows: vec![vec!["=HYPERLINK(1)".into()]],
        };
        let text = String::from_utf8(csv(&table).expect("csv")).expect("utf-8");
        assert!(text.contains("'=HYPERLINK(1)"), "{text}");
    }
}
