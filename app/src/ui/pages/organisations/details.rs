use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api_tokens::ApiTokens,
    members::{InviteForm, JoinRequests, LeaveForm, MembersTable},
    verification::VerificationPanel,
};
use crate::{
    domain::{Outcome, organisations::OrganisationKind},
    error::AppError,
    server_fns::organisations::{RequestBuyerVerification, organisation_details_of},
};

/// `/organisations/{id}`: members and their roles; for owners, invitations and requests.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let verify = ServerAction::<RequestBuyerVerification>::new();
    // Reloaded once a request is stored (not after errors: the form keeps what was typed).
    let stored = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if matches!(verify.value().get(), Some(Ok(Outcome::Done(_)))) {
            stored.update(|n| *n += 1);
        }
    });
    let details =
        Resource::new(move || (id(), stored.get()), |(id, _)| organisation_details_of(id));
    let invited = move || query.read().get("invitation").is_some();
    view! {
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match details.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour voir cette organisation. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }
                            .into_any(),
                        Err(AppError::Forbidden) => view! {
    <ErrorView error=AppError::Forbidden>
                            <p class="panel error" id="organisation-forbidden">"Cette organisation n'est visible que par ses membres."</p>
                        </ErrorView>
    }
                            .into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(details) => {
                            let owner = details.summary.my_role.is_some_and(|r| r.manages_members());
                            let organisation_id = details.summary.id.clone();
                            view! {
                                <Title text=details.summary.name.clone()/>
                                <h1 id="organisation-name">{details.summary.name.clone()}</h1>
                                <p class="muted">{details.summary.kind.label()}</p>
                                <Show when=invited>
                                    <p class="success" role="status" id="invitation-sent">"L'invitation a été envoyée par e-mail."</p>
                                </Show>
                                {match (details.summary.kind, details.verification.clone()) {
                                    (OrganisationKind::Buyer(kind), Some(verification)) => Some(view! {
                                        <VerificationPanel organisation_id=organisation_id.clone() kind verification owner action=verify/>
                                    }),
                                    _ => None,
                                }}
                                <MembersTable details=details.clone() owner/>
                                {owner.then(|| view! {
                                    <InviteForm organisation_id=organisation_id.clone() choices=details.role_choices.clone()/>
                                    <JoinRequests organisation_id=organisation_id.clone() requests=details.join_requests.clone()/>
                                })}
                                {(owner && matches!(details.summary.kind, OrganisationKind::Buyer(_))).then(|| view! { <ApiTokens organisation_id=organisation_id.clone()/> })}
                                {details.summary.my_role.is_some().then(|| view! { <LeaveForm organisation_id=organisation_id.clone()/> })}
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        }
}
