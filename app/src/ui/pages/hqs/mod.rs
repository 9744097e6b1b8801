//! The HQS pages: référentiel, profiles, harmonisation.

mod check_page;
pub(crate) mod check_parts;
mod check_report;
mod checks;
mod criterion_fields;
mod harmonisation;
pub(crate) mod profile_fields;
mod profile_new;
mod profile_page;
mod profiles;
mod referential;
pub(crate) mod requirements_table;

pub use check_page::CheckPage;
pub use check_report::CheckReportPage;
pub use checks::ChecksPage;
pub use harmonisation::HarmonisationPage;
pub use profile_new::NewProfilePage;
pub use profile_page::ProfilePage;
pub use profiles::ProfilesPage;
pub use referential::ReferentialPage;
