//! The words of the breakdown's rows, from their keys.

use crate::domain::{
    directory::{StructureKind, communes},
    watch::indicators::{Dimension, period::month_name},
};

/// A row's label. `name`: a buyer's name, for the breakdown by buyer.
pub fn row_label(dimension: Dimension, own: bool, key: &str, name: &str) -> String {
    let unknown = "Non renseigné".to_owned();
    match dimension {
        Dimension::Annee => key.to_owned(),
        Dimension::Trimestre if key.is_empty() => "Datés de leur seule année".to_owned(),
        Dimension::Trimestre => match key.split_once("-T") {
            Some((y, "1")) => format!("1er trimestre {y}"),
            Some((y, q)) => format!("{q}e trimestre {y}"),
            None => key.to_owned(),
        },
        Dimension::Mois if key.is_empty() => "Datés de leur seule année".to_owned(),
        Dimension::Mois => match key.split_once('-') {
            Some((y, m)) => format!("{} {y}", month_name(m.parse().unwrap_or(0))),
            None => key.to_owned(),
        },
        Dimension::TypeAcheteur => match key {
            "public" => "Acheteurs publics".to_owned(),
            "private" => "Acheteurs privés".to_owned(),
            _ => unknown,
        },
        Dimension::Acheteur if own => {
            if key.is_empty() {
                "Sans entité acheteuse".to_owned()
            } else {
                key.to_owned()
            }
        }
        Dimension::Acheteur if key == "prive" => "Acheteurs privés (ensemble)".to_owned(),
        Dimension::Acheteur => name.to_owned(),
        Dimension::Cpv if key.is_empty() => "Sans code CPV".to_owned(),
        Dimension::Cpv => format!("Division {key}"),
        Dimension::CommuneFournisseur if key.is_empty() => {
            "Inconnue (fournisseur hors annuaire ou sans commune)".to_owned()
        }
        Dimension::CommuneExecution if key.is_empty() => unknown,
        Dimension::CommuneFournisseur | Dimension::CommuneExecution => {
            communes::find(key).map_or_else(|| key.to_owned(), |c| c.name.to_owned())
        }
        Dimension::TypeStructure if key.is_empty() => "Fournisseurs hors annuaire".to_owned(),
        Dimension::TypeStructure => StructureKind::parse(key)
            .map_or_else(|_| key.to_owned(), |k| format!("{} ({key})", k.label())),
    }
}

/// Periods in time order; the others by label, the unknown row last.
pub fn sort_key(dimension: Dimension, key: &str, label: &str) -> (bool, String) {
    let by_time = matches!(dimension, Dimension::Annee | Dimension::Trimestre | Dimension::Mois);
    (key.is_empty(), if by_time { key.to_owned() } else { label.to_lowercase() })
}
