//! A retained structure's « l'achat a eu lieu »: the amount and the day, which the buyer
//! confirms; once it did, the purchase recorded.

use leptos::prelude::*;

use crate::{
    domain::{calendar::french_iso_date, needs::budget::euros, needs::views::SupplierSide},
    server_fns::needs::DeclarePurchase,
    ui::components::{field_error, initial_value, refusal, succeeded},
};

#[component]
pub fn PurchaseDeclaration(
    side: SupplierSide,
    need_id: String,
    declare: ServerAction<DeclarePurchase>,
) -> impl IntoView {
    if let Some((cents, day)) = side.purchase.clone() {
        return view! {
            <section id="purchase-recorded">
                <h3>"Achat enregistré"</h3>
                <p class="success">
                    {format!("L'acheteur a confirmé l'achat : {} HT, le {}.", euros(cents), french_iso_date(&day))}
                </p>
            </section>
        }
        .into_any();
    }
    let answer = Signal::derive(move || declare.value().get());
    let sent = succeeded(answer, "achat");
    let amount_error = field_error(answer, "amount");
    let day_error = field_error(answer, "purchased_on");
    view! {
        <section id="purchase-declaration">
            <h3>"L'achat a-t-il eu lieu ?"</h3>
            {side.declared.then(|| view! {
                <p class="muted" id="purchase-declared">"Votre déclaration attend la confirmation de l'acheteur ; vous pouvez la corriger."</p>
            })}
            <ActionForm action=declare attr:id="purchase-declare-form" attr:novalidate=true>
                <input type="hidden" name="need_id" value=need_id/>
                <input type="hidden" name="structure_id" value=side.structure_id.clone()/>
                <div class="field" class:field-invalid=move || amount_error.get().is_some()>
                    <label for="champ-declared-amount">"Montant facturé (€ HT)"</label>
                    <input id="champ-declared-amount" name="form[amount]" type="text"
                        value=initial_value(&side.declaration.amount, "amount") aria-describedby="champ-declared-amount-erreur"/>
                    <p class="field-error" id="champ-declared-amount-erreur" role="alert">{move || amount_error.get()}</p>
                </div>
                <div class="field" class:field-invalid=move || day_error.get().is_some()>
                    <label for="champ-declared-day">"Date de l'achat (JJ/MM/AAAA)"</label>
                    <input id="champ-declared-day" name="form[purchased_on]" type="text"
                        value=initial_value(&side.declaration.purchased_on, "purchased_on") aria-describedby="champ-declared-day-erreur"/>
                    <p class="field-error" id="champ-declared-day-erreur" role="alert">{move || day_error.get()}</p>
                </div>
                <p class="error" role="alert">{refusal(answer)}</p>
                <Show when=move || sent.get()>
                    <p class="success" role="status">"Déclaration envoyée : l'acheteur la confirmera."</p>
                </Show>
                <button type="submit" id="declare-purchase">"L'achat a eu lieu"</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
