//! What a company's purchases from EA, ESAT and independent disabled workers save on its
//! OETH contribution. A plain `GET` form, like the insertion hours calculator.

use leptos::prelude::*;

use crate::{
    domain::{
        guide::{
            OETH_CALCULATOR,
            oeth::{FIELDS, Oeth, THRESHOLD, compute, headcount_text, parse, rounded_euros},
        },
        needs::budget::plain_euros,
    },
    ui::pages::guide::calculator_field::{CalculatorField, computed, error_of, initial},
};

#[component]
pub fn OethCalculator() -> impl IntoView {
    let smic = plain_euros(crate::domain::guide::oeth::SMIC_2026_CENTS);
    let defaults = ["100", "2", "55 000", "11 000", smic.as_str()];
    let values = [0, 1, 2, 3, 4].map(|i| initial(FIELDS[i], defaults[i]));
    let [headcount, beneficiaries, purchases, costs, smic] = values;
    let result = computed(FIELDS, values, |pairs| parse(pairs).map(|input| compute(&input)));
    let error = move |field| error_of(result, field);
    view! {
        <section class="panel calculator" id="oeth-calculator" aria-labelledby="oeth-calculator-title">
            <h2 id="oeth-calculator-title">"Calculer la déduction de vos achats"</h2>
            <form method="get" action=format!("/guide/{OETH_CALCULATOR}") novalidate=true>
                <CalculatorField name="effectif" label="Effectif d'assujettissement" hint="L'effectif annuel moyen que l'Urssaf vous notifie (par exemple 100 ou 112,5)." value=headcount error=error("effectif")/>
                <CalculatorField name="beneficiaires" label="Bénéficiaires de l'obligation employés" hint="Le nombre notifié par l'Urssaf, décimales comprises (par exemple 2,5)." value=beneficiaries error=error("beneficiaires")/>
                <CalculatorField name="achats" label="Achats de l'année aux EA, ESAT et TIH (€ HT)" hint="Le prix hors taxes réglé dans l'année, tel que l'attestent vos fournisseurs." value=purchases error=error("achats")/>
                <CalculatorField name="couts" label="Coûts à retirer (€ HT)" hint="Matières premières, produits, matériaux, sous-traitance, consommations intermédiaires, frais de vente." value=costs error=error("couts")/>
                <CalculatorField name="smic" label="SMIC horaire brut (€)" hint="Celui en vigueur au 31 décembre de l'année déclarée (12,02 € depuis le 1er janvier 2026)." value=smic error=error("smic")/>
                <button type="submit">"Calculer"</button>
            </form>
            <div class="calculator-result" id="oeth-result" role="status">
                {move || match result.get() {
                    Ok(oeth) => view! { <Figures oeth/> }.into_any(),
                    Err(_) => view! { <p>"Corrigez les valeurs signalées pour obtenir la déduction."</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn Figures(oeth: Oeth) -> impl IntoView {
    if !oeth.subject {
        return view! {
            <p id="oeth-saving">{format!("L'obligation d'emploi s'applique à partir de {THRESHOLD} salariés : pas de contribution, donc rien à déduire.")}</p>
        }
        .into_any();
    }
    if oeth.contribution == 0 {
        return view! {
            <p id="oeth-saving">"Vous employez les bénéficiaires demandés : pas de contribution, donc rien à déduire. Vos achats restent utiles au secteur protégé et adapté."</p>
        }
        .into_any();
    }
    view! {
        <p id="oeth-saving"><strong>{format!("Vos achats réduisent votre contribution de {}.", rounded_euros(oeth.kept))}</strong></p>
        <dl class="calculator-figures">
            <dt>"Bénéficiaires demandés (6 %, arrondi à l'unité inférieure)"</dt>
            <dd>{oeth.required}</dd>
            <dt>"Bénéficiaires manquants"</dt>
            <dd>{headcount_text(oeth.missing)}</dd>
            <dt>{format!("Contribution avant déduction ({} SMIC horaires par bénéficiaire manquant)", oeth.multiple)}</dt>
            <dd id="oeth-contribution">{rounded_euros(oeth.contribution)}</dd>
            <dt>"Déduction de vos achats (30 % du coût de main-d'œuvre)"</dt>
            <dd>{rounded_euros(oeth.deduction)}</dd>
            <dt>{format!("Plafond ({} % de la contribution)", oeth.cap_percent)}</dt>
            <dd>{rounded_euros(oeth.contribution * oeth.cap_percent / 100)}</dd>
            <dt>"Contribution due"</dt>
            <dd id="oeth-due">{rounded_euros(oeth.due)}</dd>
        </dl>
        {(oeth.unused() > 0).then(|| view! {
            <p class="muted" id="oeth-unused">{format!("{} de déduction dépassent le plafond et ne sont pas utilisés : au-delà, embaucher des bénéficiaires réduit encore la contribution, acheter davantage non.", rounded_euros(oeth.unused()))}</p>
        })}
    }
    .into_any()
}
