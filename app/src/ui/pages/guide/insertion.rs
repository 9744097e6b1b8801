//! The insertion hours of a clause: amount × labour share × insertion rate ÷ hourly cost.
//! A plain `GET` form: without JavaScript the server computes the address's values; once
//! hydrated the result follows each keystroke.

use leptos::prelude::*;

use crate::{
    domain::{
        guide::{
            INSERTION_CALCULATOR,
            insertion_form::{DEFAULTS, FIELDS, parse},
            trades::TRADES,
        },
        watch::insertion::grouped,
    },
    ui::pages::guide::calculator_field::{CalculatorField, computed, error_of, initial},
};

#[component]
pub fn InsertionCalculator() -> impl IntoView {
    let [amount, share, rate, cost] = [0, 1, 2, 3].map(|i| initial(FIELDS[i], DEFAULTS[i]));
    let result = computed(FIELDS, [amount, share, rate, cost], parse);
    let error = move |field| error_of(result, field);
    view! {
        <section class="panel calculator" id="insertion-calculator" aria-labelledby="insertion-calculator-title">
            <h2 id="insertion-calculator-title">"Calculer les heures d'une clause"</h2>
            <form method="get" action=format!("/guide/{INSERTION_CALCULATOR}") novalidate=true>
                <CalculatorField name="montant" label="Montant du marché (€ HT)" hint="Le montant estimé du marché ou du lot, hors taxes." value=amount error=error("montant")/>
                <CalculatorField name="part" label="Part de main-d'œuvre (%)" hint="Choisissez un métier dans la liste ou saisissez la part de votre estimation." value=share error=error("part") list="parts-metiers"/>
                <datalist id="parts-metiers">
                    {TRADES.iter().map(|t| view! { <option value=t.labour_share.to_string() label=t.name></option> }).collect_view()}
                </datalist>
                <CalculatorField name="taux" label="Taux d'insertion (%)" hint="Le plus souvent de 5 à 20 %." value=rate error=error("taux")/>
                <CalculatorField name="cout" label="Coût horaire chargé (€)" hint="Ce que coûte une heure de travail, charges comprises." value=cost error=error("cout")/>
                <button type="submit">"Calculer"</button>
            </form>
            <p class="calculator-result" id="insertion-result" role="status">
                {move || match result.get() {
                    Ok(clause) => format!("{} heures d'insertion", grouped(i64::from(clause.hours()))),
                    Err(_) => "Corrigez les valeurs signalées pour obtenir le nombre d'heures.".to_owned(),
                }}
            </p>
        </section>
    }
}
