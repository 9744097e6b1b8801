use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::ui::components::refusal;
use crate::{server_fns::organisations::AcceptInvitation, ui::components::SessionContext};

/// `/invitation?jeton=…`: the link of an invitation e-mail.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let answer = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    let session = expect_context::<SessionContext>();
    view! {
        <Title text="Invitation"/>
        <section class="panel narrow">
            <h1>"Rejoindre une organisation"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.user.await {
                        Ok(Some(_)) => view! {
                            <ActionForm action=action attr:id="accept-invitation-form">
                                <input type="hidden" name="token" value=token/>
                                <p class="error" role="alert">{refusal(answer)}</p>
                                <button type="submit">"Accepter l'invitation"</button>
                            </ActionForm>
                        }
                            .into_any(),
                        _ => view! {
                            <p>
                                "Connectez-vous avec l'adresse qui a reçu l'invitation (ou créez "
                                "d'abord votre compte), puis rouvrez le lien de l'e-mail."
                            </p>
                            <p><a href="/connexion">"Se connecter"</a> " · " <a href="/inscription">"Créer un compte"</a></p>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
