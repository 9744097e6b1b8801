//! The Haute Qualité Solidaire label's pages: registry and verification (public), the label
//! profile, the animators' desk, a file, and the badge shown on structures and offers.

mod badge;
mod desk;
mod file_page;
mod file_steps;
mod label_profile;
mod registry;
mod verify;
mod workspace_panel;

pub use badge::LabelBadge;
pub use desk::LabelDeskPage;
pub use file_page::LabelFilePage;
pub use label_profile::LabelProfilePage;
pub use registry::LabelRegistryPage;
pub use verify::LabelVerifyPage;
pub use workspace_panel::LabelPanel;
