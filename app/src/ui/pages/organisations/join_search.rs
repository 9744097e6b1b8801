use crate::domain::Outcome;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::server_fns::organisations::{RequestToJoin, search_organisations};
use crate::ui::components::refusal;

/// Find an organisation by name and ask to join it. A GET form: works without JavaScript.
#[component]
pub fn JoinSearch() -> impl IntoView {
    let query = use_query_map();
    let text = move || query.read().get("nom").unwrap_or_default();
    let results = Resource::new(text, search_organisations);
    let action = ServerAction::<RequestToJoin>::new();
    let answer = Signal::derive(move || action.value().get());
    let sent = move || {
        matches!(answer.get(), Some(Ok(Outcome::Done(_)))) || query.read().get("demande").is_some()
    };
    view! {
        <section class="panel">
            <h2>"Rejoindre une organisation existante"</h2>
            <form method="get" action="/organisations" id="join-search-form">
                <div class="field">
                    <label for="champ-nom">"Nom de l'organisation"</label>
                    <input id="champ-nom" name="nom" type="search" value=text/>
                </div>
                <button type="submit">"Rechercher"</button>
            </form>
            <Show when=sent>
                <p class="success" role="status" id="join-sent">
                    "Votre demande a été envoyée aux responsables de l'organisation."
                </p>
            </Show>
            <p class="error" role="alert">{refusal(answer)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let found = results.await.unwrap_or_default();
                    view! {
                        <ul class="plain-list" id="join-results">
                            {found
                                .into_iter()
                                .map(|org| {
                                    let member = org.my_role.is_some();
                                    view! {
                                        <li>
                                            <span>{org.name.clone()}</span>
                                            " · "
                                            <span class="muted">{org.kind.label()}</span>
                                            {if member {
                                                view! { <span class="muted">" (vous en êtes membre)"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ActionForm action=action attr:class="inline-form">
                                                        <input type="hidden" name="organisation_id" value=org.id.clone()/>
                                                        <button type="submit" class="small">"Demander à rejoindre"</button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}
