//! The répertoire of ESS structures and the catalogue of their offers (DOMAIN.md §1, §2, §5,
//! §6).

pub mod certification;
pub mod codes;
pub mod commune_centres;
pub mod communes;
pub mod completeness;
pub mod kind;
pub mod offer;
pub mod profile;
pub mod reach;
pub mod sectors;
pub mod siret;
pub mod slug;
pub mod status;
pub mod text;
pub mod upload;
pub mod views;

pub use certification::{
    CertificationForm, HeldCertification, KNOWN_CERTIFICATIONS, KnownCertification,
};
pub use codes::{Cpv, InseeCode, Naf, Postcode, Rna};
pub use completeness::{Completeness, Extras, completeness};
pub use kind::{Family, StructureKind};
pub use offer::{Activity, ActivityForm, OfferDetails, OfferForm, Price};
pub use profile::{StructureForm, StructureProfile};
pub use reach::Reach;
pub use sectors::{SECTORS, Sector, ServiceKind};
pub use siret::{Siren, Siret};
pub use status::{OfferStatus, StructureStatus, StructureStep};
