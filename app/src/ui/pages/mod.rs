mod accounts;
mod directory;
mod guide;
mod home;
mod hqs;
mod label;
mod needs;
mod not_found;
mod organisations;
mod search;
mod watch;

pub use accounts::{
    AccountPage, AdminMailsPage, ForgottenPasswordPage, NewPasswordPage, SignInPage, SignUpPage,
    VerifyEmailPage,
};
pub use directory::{
    DirectoryPage, ModerationPage, OfferEditorPage, OfferPageView, StructurePageView,
    StructureWorkspacePage, WorkspaceHomePage,
};
pub use guide::{AccessibilityPage, GuideIndexPage, GuidePageView};
pub use home::HomePage;
pub use hqs::{
    CheckPage, CheckReportPage, ChecksPage, HarmonisationPage, NewProfilePage, ProfilePage,
    ProfilesPage, ReferentialPage,
};
pub use label::{
    LabelBadge, LabelDeskPage, LabelFilePage, LabelPanel, LabelProfilePage, LabelRegistryPage,
    LabelVerifyPage,
};
pub use needs::{
    MyNeedsPage, NeedLinkPage, NeedPageView, NeedsPage, NeedsQueuePage, NewNeedPageView,
};
pub use not_found::NotFoundPage;
pub use organisations::{BuyerDeskPage, InvitationPage, OrganisationPage, OrganisationsPage};
pub use search::SearchPage;
pub use watch::{
    DecpImportsPage, IndicatorsPage, IndicatorsReportPage, InsertionHoursPageView, OpenDataPage,
    PurchaseImportPage, PurchaseImportsPage, SpaserPageView, UnmatchedSuppliersPage,
    WatchSubscriptionPage,
};
