//! Which column of a file gives which part of a ledger line: guessed from the header, chosen
//! on screen, remembered for the next file with the same header.

use std::collections::HashMap;

use crate::domain::{Code, FieldErrors};

use super::{role::ColumnRole, text::fold};

/// The most columns a file may have (the others are not read).
pub const MAX_COLUMNS: usize = 60;

/// The role of each column, in the file's order (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    roles: Vec<Option<ColumnRole>>,
}

impl Mapping {
    pub fn new(roles: Vec<Option<ColumnRole>>) -> Self {
        Self { roles }
    }

    /// Each role for the first column whose header names it.
    pub fn guess(headers: &[String]) -> Self {
        let mut roles: Vec<Option<ColumnRole>> = Vec::with_capacity(headers.len());
        for header in headers {
            let role = ColumnRole::guess(header).filter(|r| !roles.contains(&Some(*r)));
            roles.push(role);
        }
        Self { roles }
    }

    /// From the form: one code per column (empty: ignored). A role given to two columns is
    /// refused, on the second one's field (`role_<n>`, 1-based).
    pub fn from_codes(codes: &[String], headers: &[String]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if codes.len() != headers.len() {
            errors.add("roles", "Le formulaire ne correspond plus au fichier : rechargez la page.");
            return Err(errors);
        }
        let mut seen: HashMap<ColumnRole, usize> = HashMap::new();
        let mut roles = Vec::with_capacity(codes.len());
        for (i, code) in codes.iter().enumerate() {
            let code = code.trim();
            let role = if code.is_empty() {
                None
            } else if let Some(role) = ColumnRole::from_code(code) {
                if let Some(first) = seen.insert(role, i) {
                    errors.add(
                        &format!("role_{}", i + 1),
                        format!(
                            "« {} » est déjà donné par la colonne {} ({}) : choisissez une seule colonne.",
                            role.label(),
                            letter(first),
                            headers[first]
                        ),
                    );
                }
                Some(role)
            } else {
                errors.add(&format!("role_{}", i + 1), "Choisissez ce que contient la colonne.");
                None
            };
            roles.push(role);
        }
        if errors.is_empty() { Ok(Self { roles }) } else { Err(errors) }
    }

    /// The stored form: codes separated by commas, empty for an ignored column.
    pub fn text(&self) -> String {
        self.roles
            .iter()
            .map(|r| r.map(Code::code).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// From its stored form, for a file of `width` columns (None when it was for another
    /// layout).
    pub fn from_text(text: &str, width: usize) -> Option<Self> {
        let roles: Vec<Option<ColumnRole>> =
            text.split(',').map(|c| ColumnRole::from_code(c.trim())).collect();
        (roles.len() == width).then_some(Self { roles })
    }

    pub fn roles(&self) -> &[Option<ColumnRole>] {
        &self.roles
    }

    pub fn column_of(&self, role: ColumnRole) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    /// The required roles no column gives.
    pub fn missing(&self) -> Vec<ColumnRole> {
        use strum::VariantArray;
        ColumnRole::VARIANTS
            .iter()
            .copied()
            .filter(|r| r.required() && self.column_of(*r).is_none())
            .collect()
    }
}

/// What identifies a layout of file: its folded headers. Two files whose headers differ only
/// by case, accents or punctuation share a mapping.
pub fn signature(headers: &[String]) -> String {
    headers.iter().map(|h| fold(h)).collect::<Vec<_>>().join("\u{1f}")
}

/// The spreadsheet's name of a column: A, B… Z, AA…
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn a_french_header_maps_itself() {
        let h = headers(&["Fournisseur", "SIRET", "Montant HT", "Date", "Commentaire", "Montant"]);
        let mapping = Mapping::guess(&h);
        assert_eq!(mapping.text(), "supplier_name,supplier_id,amount,date,,");
        assert!(mapping.missing().is_empty());
        assert_eq!(Mapping::from_text(&mapping.text(), 6), Some(mapping.clone()));
        assert_eq!(Mapping::from_text(&mapping.text(), 5), None, "another layout");
        let partial = Mapping::guess(&headers(&["Fournisseur", "Date"]));
        assert_eq!(partial.missing(), vec![ColumnRole::Amount]);
    }

    #[test]
    fn a_role_is_given_by_one_column() {
        let h = headers(&["A", "B", "C"]);
        let codes = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let ok = Mapping::from_codes(&codes(&["supplier_name", "", "amount"]), &h).expect("ok");
        assert_eq!(ok.column_of(ColumnRole::Amount), Some(2));
        let twice = Mapping::from_codes(&codes(&["amount", "", "amount"]), &h).expect_err("twice");
        assert!(twice.get("role_3").expect("on the second").contains("colonne A"), "{twice:?}");
        let unknown = Mapping::from_codes(&codes(&["x", "", ""]), &h).expect_err("unknown");
        assert!(unknown.get("role_1").is_some());
        assert!(Mapping::from_codes(&codes(&["amount"]), &h).is_err(), "another width");
    }

    #[test]
    fn signatures_and_letters() {
        assert_eq!(signature(&headers(&["Montant HT"])), signature(&headers(&[" MONTANT  ht "])));
        assert_eq!(signature(&headers(&["Catégorie"])), signature(&headers(&["categorie"])));
        assert_ne!(signature(&headers(&["A", "B"])), signature(&headers(&["B", "A"])));
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(59), "BH");
    }
}
