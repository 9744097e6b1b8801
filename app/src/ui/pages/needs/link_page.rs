//! `/besoins/reponse?jeton=…`: a matched structure answers from its mail's link, without
//! signing in: interested, or not (with a reason).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::{Outcome, needs::views::LinkView},
    server_fns::needs::{AnswerNeedLink, get_need_link},
    ui::components::{ErrorView, field_error, refusal},
};

#[component]
pub fn NeedLinkPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("jeton").unwrap_or_default();
    let answered = move || query.read().get("repondu");
    let action = ServerAction::<AnswerNeedLink>::new();
    let link = Resource::new(token, get_need_link);
    view! {
        <Title text="Répondre à un besoin"/>
        <h1>"Répondre à un besoin"</h1>
        {move || match (answered(), action.value().get()) {
            (Some(said), _) => Some(thanks(said == "oui").into_any()),
            (_, Some(Ok(Outcome::Done(interested)))) => Some(thanks(interested).into_any()),
            _ => None,
        }}
        <Show when=move || answered().is_none() && !action.value().get().is_some_and(|v| v.is_ok_and(|o| o.is_done()))>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(view) => view! { <LinkForms view token=token() action/> }.into_any(),
                    }
                })}
            </Suspense>
        </Show>
    }
}

fn thanks(interested: bool) -> impl IntoView {
    let text = if interested {
        "Merci : l'acheteur sait que vous êtes intéressés. Connectez-vous pour envoyer votre devis depuis la page du besoin."
    } else {
        "Merci pour votre réponse : l'acheteur et le pôle en tiendront compte."
    };
    view! {
        <p class="panel success" role="status" id="link-answered">{text}</p>
        <p><a href="/besoins/mes-besoins">"Voir les besoins de mes structures"</a></p>
    }
}

#[component]
fn LinkForms(view: LinkView, token: String, action: ServerAction<AnswerNeedLink>) -> impl IntoView {
    let answer = Signal::derive(move || action.value().get());
    let reason_error = field_error(answer, "reason");
    if let Some(why) = view.refusal {
        return view! { <p class="panel error" id="link-refused">{why}</p> }.into_any();
    }
    let need_id = view.need_id.unwrap_or_default();
    let token_again = token.clone();
    view! {
        <section class="panel" id="link-answer">
            <p>
                "Besoin : " <a href=format!("/besoins/{need_id}")><strong>{view.title.unwrap_or_default()}</strong></a>
                " — pour " {view.structure_name.unwrap_or_default()}
            </p>
            <ActionForm action=action attr:id="link-interested">
                <input type="hidden" name="token" value=token_again/>
                <input type="hidden" name="interested" value="true"/>
                <button type="submit">"Nous sommes intéressés"</button>
            </ActionForm>
            <ActionForm action=action attr:id="link-declined">
                <input type="hidden" name="token" value=token/>
                <input type="hidden" name="interested" value="false"/>
                <div class="field" class:field-invalid=move || reason_error.get().is_some()>
                    <label for="champ-reason">"Pas intéressés ? Dites pourquoi"</label>
                    <input id="champ-reason" name="reason" type="text" aria-describedby="champ-reason-erreur"/>
                    <p class="field-error" id="champ-reason-erreur" role="alert">{move || reason_error.get()}</p>
                </div>
                <button type="submit" class="secondary">"Nous ne sommes pas intéressés"</button>
            </ActionForm>
            <p class="error" role="alert" id="link-refusal">{refusal(answer)}</p>
        </section>
    }
    .into_any()
}
