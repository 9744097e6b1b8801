//! Pages of the directory: the public directory, structure and offer pages, the structure's
//! workspace and the pôle's moderation.

mod activities_panel;
mod certifications_panel;
mod check_opening;
pub(crate) mod choices;
mod directory_list;
mod lifecycle_panel;
mod moderation;
mod offer_editor;
mod offer_fields;
mod offer_page;
mod offers_panel;
mod profile_form;
mod structure_page;
mod uploads_panel;
mod workspace;
mod workspace_home;

pub use directory_list::DirectoryPage;
pub use moderation::ModerationPage;
pub use offer_editor::OfferEditorPage;
pub use offer_page::OfferPageView;
pub use structure_page::StructurePageView;
pub use workspace::StructureWorkspacePage;
pub use workspace_home::WorkspaceHomePage;
