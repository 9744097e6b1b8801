use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;

use crate::{error::AppError, server_fns::accounts::admin_mails};

/// `/admin/courriels`: the outbox, for administrators (what `.eml` files hold without SMTP).
#[component]
pub fn AdminMailsPage() -> impl IntoView {
    let mails = Resource::new(|| (), |()| admin_mails());
    view! {
        <Title text="Courriels envoyés"/>
        <h1>"Courriels envoyés (administration)"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match mails.await {
                    Ok(list) => view! {
                        <ul class="plain-list" id="admin-mails">
                            {list
                                .into_iter()
                                .map(|mail| view! {
                                    <li>
                                        <p><strong>{mail.subject}</strong> " → " {mail.to}
                                            {if mail.sent { " (envoyé)" } else { " (en attente)" }}
                                        </p>
                                        <pre class="mail-body">{mail.body}</pre>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any(),
                    Err(AppError::Unauthenticated | AppError::Forbidden) => view! {
                        <p class="panel error">"Page réservée aux administrateurs."</p>
                    }
                        .into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
