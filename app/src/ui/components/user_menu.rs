use leptos::prelude::*;

use crate::{server_fns::accounts::Logout, ui::components::SessionContext};

/// Sign-in links for visitors; the person's name and a sign-out button once signed in.
#[component]
pub fn UserMenu() -> impl IntoView {
    let session = expect_context::<SessionContext>();
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if logout.value().get().is_some_and(|r| r.is_ok()) {
            session.refresh();
        }
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(user)) => {
                        view! {
                            <li>
                                <a href="/espace">"Ma structure"</a>
                            </li>
                            <li>
                                <a href="/besoins/mes-besoins">"Mes besoins"</a>
                            </li>
                            <li>
                                <a href="/veille/imports">"Mes achats"</a>
                            </li>
                            <li>
                                <a href="/veille">"Veille des achats"</a>
                            </li>
                            <li>
                                <a href="/organisations">"Mes organisations"</a>
                            </li>
                            {user.is_admin.then(|| view! {
                                <li><a href="/moderation">"Modération"</a></li>
                                <li><a href="/admin/courriels">"Courriels"</a></li>
                            })}
                            <li>
                                <a href="/compte">"Mon compte"</a>
                            </li>
                            <li class="user-name" data-user=user.email.clone()>
                                {user.display_name}
                            </li>
                            <li>
                                <ActionForm action=logout attr:class="inline-form">
                                    <button type="submit" class="link-button" id="sign-out">
                                        "Se déconnecter"
                                    </button>
                                </ActionForm>
                            </li>
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <li>
                                <a href="/connexion">"Se connecter"</a>
                            </li>
                            <li>
                                <a href="/inscription">"Créer un compte"</a>
                            </li>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
