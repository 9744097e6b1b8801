//! What a column of a buyer's purchases file holds, and a guess from its header.

use serde::{Deserialize, Serialize};

use super::text::fold;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    SupplierName,
    /// SIRET (14 digits) or SIREN (9 digits).
    SupplierId,
    /// Excluding tax.
    Amount,
    /// A day or a year.
    Date,
    /// A CPV code, or the buyer's own category.
    Category,
    /// A service or direction of the buyer, or its SIRET.
    BuyingEntity,
    Social,
    /// INSEE commune code, postcode, or a commune of the Métropole by name.
    Place,
    InsertionHours,
}

impl ColumnRole {
    pub fn label(self) -> &'static str {
        match self {
            Self::SupplierName => "Nom du fournisseur",
            Self::SupplierId => "SIRET ou SIREN du fournisseur",
            Self::Amount => "Montant HT",
            Self::Date => "Date ou année",
            Self::Category => "Code CPV ou catégorie",
            Self::BuyingEntity => "Entité acheteuse",
            Self::Social => "Considération sociale",
            Self::Place => "Lieu d'exécution",
            Self::InsertionHours => "Heures d'insertion réalisées",
        }
    }

    /// A line cannot be read without its supplier, amount and date.
    pub fn required(self) -> bool {
        matches!(self, Self::SupplierName | Self::Amount | Self::Date)
    }

    /// The role a header most likely names (« Fournisseur », « SIRET », « Montant HT »,
    /// « Date »…), if any. Amounts with tax are not amounts excluding tax.
    pub fn guess(header: &str) -> Option<Self> {
        let h = fold(header);
        let words: Vec<&str> = h.split(' ').collect();
        let has = |w: &str| words.contains(&w);
        let any = |ws: &[&str]| ws.iter().any(|w| has(w));
        if h.is_empty() || has("ttc") || has("tva") {
            return None;
        }
        let about_buyer = any(&[
            "acheteur",
            "acheteuse",
            "entite",
            "direction",
            "service",
            "etablissement",
            "pouvoir",
        ]);
        if any(&["siret", "siren"]) || h == "id titulaire" || (has("identifiant") && !about_buyer) {
            return Some(if about_buyer { Self::BuyingEntity } else { Self::SupplierId });
        }
        if about_buyer {
            return Some(Self::BuyingEntity);
        }
        if any(&["heures", "heure"]) {
            return Some(Self::InsertionHours);
        }
        if any(&["montant", "prix", "amount", "total", "depense", "depenses", "ht"]) {
            return Some(Self::Amount);
        }
        if any(&["date", "annee", "exercice", "year", "notification"]) {
            return Some(Self::Date);
        }
        if any(&["cpv", "categorie", "category", "famille", "rubrique", "segment", "nature"]) {
            return Some(Self::Category);
        }
        if any(&[
            "fournisseur",
            "titulaire",
            "prestataire",
            "supplier",
            "raison",
            "tiers",
            "nom",
            "entreprise",
            "structure",
        ]) {
            return Some(Self::SupplierName);
        }
        if any(&[
            "clause",
            "clauses",
            "consideration",
            "considerations",
            "social",
            "sociale",
            "sociales",
            "reserve",
        ]) {
            return Some(Self::Social);
        }
        if any(&["lieu", "commune", "insee", "postal", "cp"]) {
            return Some(Self::Place);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_headers_are_guessed() {
        let cases = [
            ("Fournisseur", Some(ColumnRole::SupplierName)),
            ("Raison sociale du titulaire", Some(ColumnRole::SupplierName)),
            ("SIRET", Some(ColumnRole::SupplierId)),
            ("N° SIREN fournisseur", Some(ColumnRole::SupplierId)),
            ("Montant HT", Some(ColumnRole::Amount)),
            ("Montant H.T. (€)", Some(ColumnRole::Amount)),
            ("Montant TTC", None),
            ("Date", Some(ColumnRole::Date)),
            ("Date de notification", Some(ColumnRole::Date)),
            ("Année", Some(ColumnRole::Date)),
            ("Code CPV", Some(ColumnRole::Category)),
            ("Catégorie d'achat", Some(ColumnRole::Category)),
            ("Service acheteur", Some(ColumnRole::BuyingEntity)),
            ("SIRET acheteur", Some(ColumnRole::BuyingEntity)),
            ("Clause sociale", Some(ColumnRole::Social)),
            ("Considérations sociales", Some(ColumnRole::Social)),
            ("Lieu d'exécution", Some(ColumnRole::Place)),
            ("Code postal", Some(ColumnRole::Place)),
            ("Heures d'insertion réalisées", Some(ColumnRole::InsertionHours)),
            ("Commentaire", None),
        ];
        for (header, role) in cases {
            assert_eq!(ColumnRole::guess(header), role, "{header}");
        }
    }
}
