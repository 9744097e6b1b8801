//! A matched structure's side of a need: where it stands, its interest, its quote, its
//! thread with the buyer; once retained, « l'achat a eu lieu ».

use leptos::prelude::*;

use super::attachments_panel::QuoteAttachments;
use super::purchase_declaration::PurchaseDeclaration;
use super::thread_panel::ThreadPanel;
use crate::{
    domain::needs::{lots::Lot, views::SupplierSide},
    server_fns::needs::{AnswerNeed, DeclarePurchase, PostNeedMessage, SubmitQuote},
    ui::components::{field_error, initial_value, refusal, succeeded},
};

#[component]
pub fn SupplierPanel(
    side: SupplierSide,
    need_id: String,
    lots: Vec<Lot>,
    questions: Vec<String>,
    interest: ServerAction<AnswerNeed>,
    quote: ServerAction<SubmitQuote>,
    declare: ServerAction<DeclarePurchase>,
    message: ServerAction<PostNeedMessage>,
) -> impl IntoView {
    let bought = side.retained.then(
        || view! { <PurchaseDeclaration side=side.clone() need_id=need_id.clone() declare/> },
    );
    let thread = view! {
        <h3>"Messages avec l'acheteur"</h3>
        <ThreadPanel need_id=need_id.clone() structure_id=side.structure_id.clone()
            messages=side.thread.clone() writes=side.writes_messages action=message/>
        {(!side.writes_messages).then(|| view! {
            <p class="muted">"Vous pourrez écrire à l'acheteur dès que ce besoin vous aura été envoyé."</p>
        })}
    };
    let interest_answer = Signal::derive(move || interest.value().get());
    let quote_answer = Signal::derive(move || quote.value().get());
    let sent = succeeded(quote_answer, "devis");
    let reason_error = field_error(interest_answer, "reason");
    let e = move |field: String| field_error(quote_answer, field);
    let lead_error = field_error(quote_answer, "lead_time");
    let message_error = field_error(quote_answer, "message");
    let id = need_id.clone();
    let structure = side.structure_id.clone();
    let files = side.takes_quotes.then(|| view! {
        <QuoteAttachments need_id=need_id.clone() structure_id=structure.clone() files=side.files.clone() open=side.open quoted=side.quoted/>
    });
    let (id_a, structure_a, id_b, structure_b) =
        (id.clone(), structure.clone(), id.clone(), structure.clone());
    let interest_forms = side.open.then(move || view! {
        <ActionForm action=interest attr:class="inline-form" attr:id="need-interested">
            <input type="hidden" name="need_id" value=id_a/>
            <input type="hidden" name="structure_id" value=structure_a/>
            <input type="hidden" name="interested" value="true"/>
            <button type="submit">"Nous sommes intéressés"</button>
        </ActionForm>
        <ActionForm action=interest attr:id="need-declined">
            <input type="hidden" name="need_id" value=id_b/>
            <input type="hidden" name="structure_id" value=structure_b/>
            <input type="hidden" name="interested" value="false"/>
            <div class="field" class:field-invalid=move || reason_error.get().is_some()>
                <label for="champ-decline-reason">"Pas intéressés ? Dites pourquoi"</label>
                <input id="champ-decline-reason" name="reason" type="text" aria-describedby="champ-reason-erreur"/>
                <p class="field-error" id="champ-reason-erreur" role="alert">{move || reason_error.get()}</p>
            </div>
            <button type="submit" class="secondary">"Nous ne sommes pas intéressés"</button>
        </ActionForm>
        <p class="error" role="alert">{refusal(interest_answer)}</p>
    });
    let quote_form = (side.open && side.takes_quotes).then(|| {
        let prices = side.quote.price.clone();
        let answers = side.quote.answer.clone();
        view! {
            <h3>{if side.quoted { "Modifier votre devis" } else { "Envoyer un devis" }}</h3>
            <ActionForm action=quote attr:id="quote-form" attr:novalidate=true>
                <input type="hidden" name="need_id" value=id/>
                <input type="hidden" name="structure_id" value=structure/>
                {lots.iter().enumerate().map(|(i, lot)| {
                    let key = format!("price_{}", lot.number);
                    let error = e(key.clone());
                    let value = initial_value(prices.get(i).map(String::as_str).unwrap_or_default(), &key);
                    let field_id = format!("champ-{key}");
                    view! {
                        <div class="field" class:field-invalid=move || error.get().is_some()>
                            <label for=field_id.clone()>{format!("Lot {} — {} : prix HT (€)", lot.number, lot.title)}</label>
                            <input id=field_id.clone() name="form[price][]" type="text" value=value aria-describedby=format!("{field_id}-erreur")/>
                            <p class="field-error" id=format!("{field_id}-erreur") role="alert">{move || error.get()}</p>
                        </div>
                    }
                }).collect_view()}
                {questions.iter().enumerate().map(|(i, q)| {
                    let key = format!("answer_{}", i + 1);
                    let error = e(key.clone());
                    let value = initial_value(answers.get(i).map(String::as_str).unwrap_or_default(), &key);
                    let field_id = format!("champ-{key}");
                    view! {
                        <div class="field" class:field-invalid=move || error.get().is_some()>
                            <label for=field_id.clone()>{q.clone()}</label>
                            <textarea id=field_id.clone() name="form[answer][]" rows="2" aria-describedby=format!("{field_id}-erreur")>{value}</textarea>
                            <p class="field-error" id=format!("{field_id}-erreur") role="alert">{move || error.get()}</p>
                        </div>
                    }
                }).collect_view()}
                <div class="field" class:field-invalid=move || lead_error.get().is_some()>
                    <label for="champ-lead_time">"Délai d'exécution *"</label>
                    <input id="champ-lead_time" name="form[lead_time]" type="text" value=initial_value(&side.quote.lead_time, "lead_time") aria-describedby="champ-lead_time-erreur"/>
                    <p class="field-error" id="champ-lead_time-erreur" role="alert">{move || lead_error.get()}</p>
                </div>
                <div class="field" class:field-invalid=move || message_error.get().is_some()>
                    <label for="champ-message">"Message à l'acheteur"</label>
                    <textarea id="champ-message" name="form[message]" rows="4" aria-describedby="champ-message-erreur">{initial_value(&side.quote.message, "message")}</textarea>
                    <p class="field-error" id="champ-message-erreur" role="alert">{move || message_error.get()}</p>
                </div>
                <p class="error" role="alert">{refusal(quote_answer)}</p>
                <Show when=move || sent.get()>
                    <p class="success" role="status" id="quote-sent">"Devis envoyé. Vous pouvez le modifier jusqu'à la date limite."</p>
                </Show>
                <button type="submit" id="send-quote">"Envoyer le devis"</button>
            </ActionForm>
        }
    });
    view! {
        <section class="panel" id="supplier-side">
            <h2>{format!("Votre réponse pour {}", side.structure_name)}</h2>
            <p id="supplier-rung">"État : " <strong>{side.rung.label()}</strong>
                {side.decline_reason.clone().map(|r| format!(" ({r})"))}
            </p>
            {(!side.open).then(|| view! { <p class="muted">"La date limite est passée : les réponses ne peuvent plus être changées."</p> })}
            {interest_forms}
            {quote_form}
            {files}
            {bought}
            {thread}
        </section>
    }
}
