use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use super::pages::{IndicatorsPage, IndicatorsReportPage, SpaserPageView};
use super::{
    components::{provide_flash, provide_session},
    layout::Layout,
    pages::{
        AccountPage, AdminMailsPage, BuyerDeskPage, CheckPage, CheckReportPage, ChecksPage,
        DecpImportsPage, DirectoryPage, ForgottenPasswordPage, HarmonisationPage, HomePage,
        InvitationPage, LabelDeskPage, LabelFilePage, LabelProfilePage, LabelRegistryPage,
        LabelVerifyPage, ModerationPage, MyNeedsPage, NeedLinkPage, NeedPageView, NeedsPage,
        NeedsQueuePage, NewNeedPageView, NewPasswordPage, NewProfilePage, NotFoundPage,
        OfferEditorPage, OfferPageView, OrganisationPage, OrganisationsPage, ProfilePage,
        ProfilesPage, PurchaseImportPage, PurchaseImportsPage, ReferentialPage, SearchPage,
        SignInPage, SignUpPage, StructurePageView, StructureWorkspacePage, UnmatchedSuppliersPage,
        VerifyEmailPage, WatchSubscriptionPage, WorkspaceHomePage,
    },
};

use super::pages::{
    AccessibilityPage, GuideIndexPage, GuidePageView, InsertionHoursPageView, OpenDataPage,
};

/// The HTML document around the application, rendered by the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="fr">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f6f50"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: routes inside the common layout.
///
/// Pages render with `SsrMode::Async`: the server waits for their data, so that the HTML
/// is complete and usable without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    provide_flash();
    view! {
        <Stylesheet id="leptos" href="/pkg/ecossol.css"/>
        <Title formatter=|page: String| {
            if page.is_empty() { "Ecossol".to_owned() } else { format!("{page} · Ecossol") }
        }/>
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("inscription") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("connexion") view=SignInPage ssr=SsrMode::Async/>
                    <Route
                        path=StaticSegment("organisations")
                        view=OrganisationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("organisations"), ParamSegment("id"))
                        view=OrganisationPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("invitation") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("compte") view=AccountPage ssr=SsrMode::Async/>
                    <Route
                        path=StaticSegment("mot-de-passe-oublie")
                        view=ForgottenPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("mot-de-passe"), StaticSegment("nouveau"))
                        view=NewPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("courriels"))
                        view=AdminMailsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("annuaire") view=DirectoryPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("recherche") view=SearchPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("structures"), ParamSegment("slug"))
                        view=StructurePageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("offres"), ParamSegment("slug"))
                        view=OfferPageView
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("espace") view=WorkspaceHomePage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("espace"), StaticSegment("structures"), ParamSegment("id"))
                        view=StructureWorkspacePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("espace"), StaticSegment("offres"), ParamSegment("id"))
                        view=OfferEditorPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("moderation") view=ModerationPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("pole"), StaticSegment("acheteurs"))
                        view=BuyerDeskPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("hqs") view=ReferentialPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("profils"))
                        view=ProfilesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("profils"), StaticSegment("nouveau"))
                        view=NewProfilePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("profils"), ParamSegment("id"))
                        view=ProfilePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("controles"))
                        view=ChecksPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("controles"), ParamSegment("id"))
                        view=CheckPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("hqs"),
                            StaticSegment("controles"),
                            ParamSegment("id"),
                            StaticSegment("rapport"),
                        )
                        view=CheckReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("hqs"), StaticSegment("harmonisation"))
                        view=HarmonisationPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("besoins") view=NeedsPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("besoins"), StaticSegment("nouveau"))
                        view=NewNeedPageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("besoins"), StaticSegment("mes-besoins"))
                        view=MyNeedsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("besoins"), StaticSegment("reponse"))
                        view=NeedLinkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("besoins"), StaticSegment("validation"))
                        view=NeedsQueuePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("besoins"), ParamSegment("id"))
                        view=NeedPageView
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("guide") view=GuideIndexPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("accessibilite") view=AccessibilityPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("guide"), ParamSegment("slug"))
                        view=GuidePageView
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("label-hqs") view=LabelRegistryPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("label-hqs"), StaticSegment("verifier"))
                        view=LabelVerifyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("label-hqs"), StaticSegment("profil"))
                        view=LabelProfilePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("label-hqs"), StaticSegment("dossiers"))
                        view=LabelDeskPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("label-hqs"), StaticSegment("dossiers"), ParamSegment("id"))
                        view=LabelFilePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("imports"))
                        view=PurchaseImportsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("imports"), ParamSegment("id"))
                        view=PurchaseImportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("fournisseurs-non-rapproches"))
                        view=UnmatchedSuppliersPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("veille") view=IndicatorsPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("rapport"))
                        view=IndicatorsReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("spaser"), ParamSegment("organisation"))
                        view=SpaserPageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("heures-insertion"))
                        view=InsertionHoursPageView
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("donnees") view=OpenDataPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("decp"))
                        view=DecpImportsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("veille"), StaticSegment("abonnement"))
                        view=WatchSubscriptionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("verification-email")
                        view=VerifyEmailPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}
