//! A stored structure read back into the domain's profile and into its form's values.

use crate::domain::Code;
use crate::{
    db::structures::StructureRow,
    domain::directory::{
        InseeCode, Naf, Postcode, Rna, Siret, StructureForm, StructureProfile,
        profile::{Place, SocialFacts},
    },
};

/// The stored profile, as the domain sees it (fields that fail to parse are left out).
pub fn profile_of_row(row: &StructureRow) -> StructureProfile {
    let place = match (&row.commune_insee, &row.commune_name, &row.postcode) {
        (Some(insee), Some(name), Some(postcode)) => {
            match (InseeCode::parse(insee), Postcode::parse(postcode)) {
                (Ok(insee), Ok(postcode)) => Some(Place {
                    address: row.address.clone(),
                    insee,
                    commune_name: name.clone(),
                    postcode,
                    coordinates: row.latitude.zip(row.longitude),
                }),
                _ => None,
            }
        }
        _ => None,
    };
    StructureProfile {
        name: row.name.clone(),
        brand: row.brand.clone(),
        siret: row.siret.as_deref().and_then(|s| Siret::parse(s).ok()),
        rna: row.rna.as_deref().and_then(|s| Rna::parse(s).ok()),
        naf: row.naf.as_deref().and_then(|s| Naf::parse(s).ok()),
        legal_form: row.legal_form.clone(),
        kinds: row.kinds(),
        esus_agreed_on: row.esus_agreed_on.clone(),
        networks: row.networks.clone(),
        year_founded: row.year_founded,
        description: row.description.clone(),
        contact_name: row.contact_name.clone(),
        contact_email: row.contact_email.clone(),
        contact_phone: row.contact_phone.clone(),
        website: row.website.clone(),
        place,
        facts: SocialFacts {
            permanent_staff: row.permanent_staff,
            insertion_staff: row.insertion_staff,
            disabled_share: row.disabled_share,
            detainee_share: row.detainee_share,
            insertion_hours_capacity: row.insertion_hours_capacity,
            turnover_band: row.turnover_band.clone(),
            client_references: row.client_references.clone(),
        },
    }
}

/// The form prefilled with the stored profile.
pub fn form_of_row(row: &StructureRow) -> StructureForm {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let decimal = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    let in_metropole = row
        .commune_insee
        .as_deref()
        .is_some_and(|c| crate::domain::directory::communes::find(c).is_some());
    let commune = match &row.commune_insee {
        Some(code) if in_metropole => code.clone(),
        Some(_) => "other".into(),
        None => String::new(),
    };
    StructureForm {
        name: row.name.clone(),
        brand: text(&row.brand),
        siret: text(&row.siret),
        rna: text(&row.rna),
        naf: text(&row.naf),
        legal_form: text(&row.legal_form),
        kinds: row.kinds().iter().map(|k| k.code()).collect::<Vec<_>>().join(", "),
        kind: Vec::new(),
        esus_agreed_on: text(&row.esus_agreed_on),
        networks: text(&row.networks),
        year_founded: number(row.year_founded),
        description: text(&row.description),
        contact_name: text(&row.contact_name),
        contact_email: text(&row.contact_email),
        contact_phone: text(&row.contact_phone),
        website: text(&row.website),
        address: text(&row.address),
        other_insee: if in_metropole { String::new() } else { text(&row.commune_insee) },
        commune_name: if in_metropole { String::new() } else { text(&row.commune_name) },
        commune,
        postcode: text(&row.postcode),
        latitude: decimal(row.latitude),
        longitude: decimal(row.longitude),
        permanent_staff: number(row.permanent_staff),
        insertion_staff: number(row.insertion_staff),
        disabled_share: decimal(row.disabled_share),
        detainee_share: decimal(row.detainee_share),
        insertion_hours_capacity: number(row.insertion_hours_capacity),
        turnover_band: text(&row.turnover_band),
        client_references: text(&row.client_references),
    }
}
