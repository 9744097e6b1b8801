//! A need's thread with one structure: its messages (Paris time, author, text with its line
//! breaks, never read as HTML) and the form to write one. The buyer's view has one thread per
//! structure told of the need, each in a `<details>`; they share one action, so a thread
//! shows an answer only when it was its own form that was sent (or, without JavaScript,
//! when the flash or the address names its structure).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::{
        Outcome,
        calendar::french_moment,
        needs::{
            MessageSide,
            views::{MessageView, ThreadView},
        },
    },
    server_fns::needs::PostNeedMessage,
    ui::components::{Answer, field_error, initial_value, page_flash, refusal},
};

/// Whether the flash a plain form post left is for this structure's thread.
fn flashed_for(structure_id: &str) -> bool {
    page_flash().is_some_and(|f| f.value("structure_id") == Some(structure_id))
}

/// Whether the address says this structure's thread was just written to (`?fil=…`).
fn marked_for(structure_id: &str) -> bool {
    use_query_map().read_untracked().get("fil").as_deref() == Some(structure_id)
}

#[component]
pub fn ThreadPanel(
    need_id: String,
    structure_id: String,
    messages: Vec<MessageView>,
    /// The reader may write to the other side (else the thread is only read).
    writes: bool,
    action: ServerAction<PostNeedMessage>,
) -> impl IntoView {
    // Whether the action's last dispatch was this thread's form.
    let mine = RwSignal::new(false);
    let sid = structure_id.clone();
    Effect::new(move |_| {
        if let Some(input) = action.input().get() {
            mine.set(input.structure_id == sid);
        }
    });
    let flashed = flashed_for(&structure_id);
    let answer: Answer<String> =
        Signal::derive(move || action.value().get().filter(|_| mine.get()));
    let error = field_error(answer, "body");
    let body_error = Signal::derive(move || error.get().filter(|_| mine.get() || flashed));
    let refused = refusal(answer);
    let refused = Signal::derive(move || refused.get().filter(|_| mine.get() || flashed));
    let marked = marked_for(&structure_id);
    let sid = structure_id.clone();
    // The reloaded page's thread is a new one: the success is told by the structure's id.
    let sent = Signal::derive(move || match action.value().get() {
        Some(Ok(Outcome::Done(id))) => id == sid,
        Some(_) => false,
        None => marked,
    });
    let list = if messages.is_empty() {
        view! { <p class="muted thread-empty">"Aucun message pour l'instant."</p> }.into_any()
    } else {
        view! {
            <ol class="thread-messages">
                {messages.into_iter().map(|m| view! {
                    <li class="thread-message" class:from-buyer=m.side == MessageSide::Buyer>
                        <p class="thread-meta"><strong>{m.author_label}</strong> " · " {french_moment(m.at)}</p>
                        <p class="thread-body">{m.body}</p>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let field = format!("champ-message-{structure_id}");
    let typed = if flashed { initial_value("", "body") } else { String::new() };
    let hidden = structure_id.clone();
    let form = writes.then(|| view! {
        <ActionForm action=action attr:class="thread-form" attr:novalidate=true>
            <input type="hidden" name="need_id" value=need_id/>
            <input type="hidden" name="structure_id" value=hidden/>
            <div class="field" class:field-invalid=move || body_error.get().is_some()>
                <label for=field.clone()>"Votre message"</label>
                <textarea id=field.clone() name="form[body]" rows="4"
                    aria-describedby=format!("{field}-aide {field}-erreur")>{typed}</textarea>
                <p class="field-hint" id=format!("{field}-aide")>"4 000 caractères au plus. L'autre partie le reçoit aussi par courriel."</p>
                <p class="field-error" id=format!("{field}-erreur") role="alert">{move || body_error.get()}</p>
            </div>
            <p class="error" role="alert">{move || refused.get()}</p>
            <Show when=move || sent.get()>
                <p class="success" role="status">"Message envoyé."</p>
            </Show>
            <button type="submit">"Envoyer le message"</button>
        </ActionForm>
    });
    view! {
        <div class="thread" data-structure=structure_id>
            {list}
            {form}
        </div>
    }
}

/// « 3 messages ».
fn count_label(n: usize) -> String {
    match n {
        0 => "aucun message".to_owned(),
        1 => "1 message".to_owned(),
        n => format!("{n} messages"),
    }
}

/// The buyer's threads, one per structure told of the need; those with messages, or just
/// written to, open.
#[component]
pub fn BuyerThreads(
    need_id: String,
    threads: Vec<ThreadView>,
    /// The reader writes the need's decisions (its other readers only read the threads).
    writes: bool,
    action: ServerAction<PostNeedMessage>,
) -> impl IntoView {
    view! {
        <section class="panel" id="need-threads">
            <h2>"Messages avec les structures"</h2>
            {threads.is_empty().then(|| view! {
                <p class="muted">"Aucune structure n'a encore été informée de ce besoin."</p>
            })}
            {threads.into_iter().map(|t| {
                let open = !t.messages.is_empty() || flashed_for(&t.structure_id) || marked_for(&t.structure_id);
                let anchor = format!("fil-{}", t.structure_id);
                view! {
                    <details class="thread-details" open=open id=anchor>
                        <summary>{t.structure_name} " — " {count_label(t.messages.len())}</summary>
                        <ThreadPanel need_id=need_id.clone() structure_id=t.structure_id messages=t.messages writes action/>
                    </details>
                }
            }).collect_view()}
        </section>
    }
}
