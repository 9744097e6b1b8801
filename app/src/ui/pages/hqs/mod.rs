//! The HQS pages: référentiel, profiles, harmonisation.

mod criterion_fields;
mod harmonisation;
mod profile_fields;
mod profile_new;
mod profile_page;
mod profiles;
mod referential;
mod requirements_table;

pub use harmonisation::HarmonisationPage;
pub use profile_new::NewProfilePage;
pub use profile_page::ProfilePage;
pub use profiles::ProfilesPage;
pub use referential::ReferentialPage;
