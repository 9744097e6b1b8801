//! The choices the directory's forms offer, in French.

use strum::VariantArray;

use crate::domain::Code;
use crate::domain::directory::{
    ServiceKind, StructureKind, communes::communes, profile::TURNOVER_BANDS, sectors::SECTORS,
};

fn none(label: &str) -> (String, String) {
    (String::new(), label.to_owned())
}

pub fn sectors() -> Vec<(String, String)> {
    std::iter::once(none("— choisir un secteur —"))
        .chain(SECTORS.iter().map(|s| (s.code.to_owned(), format!("{} — {}", s.group, s.label))))
        .collect()
}

pub fn service_kinds() -> Vec<(String, String)> {
    std::iter::once(none("— choisir —"))
        .chain(ServiceKind::VARIANTS.iter().map(|k| (k.code().to_owned(), k.label().to_owned())))
        .collect()
}

/// Reaches; `inherit` adds the offer's "same as the structure" choice.
pub fn reaches(inherit: bool) -> Vec<(String, String)> {
    let first = if inherit { none("Celui de la structure") } else { none("— choisir —") };
    [
        first,
        ("metropole".into(), "Toute la Métropole".into()),
        ("communes".into(), "Certaines communes".into()),
        ("radius".into(), "Un rayon autour de la structure".into()),
        ("departement".into(), "Le département (Isère)".into()),
        ("france".into(), "Toute la France".into()),
    ]
    .into()
}

pub fn communes_choice() -> Vec<(String, String)> {
    std::iter::once(none("— choisir la commune —"))
        .chain(communes().iter().map(|c| (c.insee.to_owned(), c.name.to_owned())))
        .chain(std::iter::once(("other".to_owned(), "Autre commune (hors Métropole)".to_owned())))
        .collect()
}

pub fn turnover_bands() -> Vec<(String, String)> {
    std::iter::once(none("— non renseigné —"))
        .chain(TURNOVER_BANDS.iter().map(|(c, l)| ((*c).to_owned(), (*l).to_owned())))
        .collect()
}

pub fn kinds() -> &'static [StructureKind] {
    StructureKind::VARIANTS
}
