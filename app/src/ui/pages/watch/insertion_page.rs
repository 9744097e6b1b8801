//! `/veille/heures-insertion`: the contracts with a social clause that the person declares
//! insertion hours for — the supplier's people for its contracts, the pôle's animators (the
//! clause's facilitator) for all — one small form per contract, working without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    domain::watch::insertion::{InsertionContract, InsertionHoursPage, field, grouped},
    error::AppError,
    server_fns::watch::{DeclareInsertionHours, get_insertion_hours},
    ui::components::{ErrorView, field_error, page_flash, refusal, succeeded, successes},
};

#[component]
pub fn InsertionHoursPageView() -> impl IntoView {
    let declare = ServerAction::<DeclareInsertionHours>::new();
    let declared = successes(declare);
    let page = Resource::new(move || declared.get(), |_| get_insertion_hours());
    view! {
        <Title text="Heures d'insertion réalisées"/>
        <p class="breadcrumb"><a href="/veille/imports">"Imports d'achats"</a></p>
        <h1>"Heures d'insertion réalisées"</h1>
        <p class="lead">
            "Pour chaque marché comportant une clause sociale d'insertion, déclarez le nombre "
            "d'heures de travail réalisées par des personnes en insertion depuis le début du "
            "marché, à la date du décompte. Le chiffre se met à jour à chaque déclaration ; les "
            "déclarations précédentes restent dans l'historique du marché."
        </p>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(AppError::Unauthenticated) => view! {
                        <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(page) => view! { <Contracts page declare/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Contracts(
    page: InsertionHoursPage,
    declare: ServerAction<DeclareInsertionHours>,
) -> impl IntoView {
    let answer = Signal::derive(move || declare.value().get());
    let done = succeeded(answer, "declare");
    let InsertionHoursPage { contracts, facilitator, truncated, today } = page;
    let scope = if facilitator {
        "Vous déclarez en tant que facilitateur de la clause, pour tous les marchés à clause."
    } else {
        "Les marchés à clause dont votre structure est titulaire."
    };
    view! {
        <p>{scope}</p>
        {move || done.get().then(|| view! {
            <p class="success" role="status" id="hours-declared">"Heures d'insertion enregistrées."</p>
        })}
        <p class="error" role="alert" id="declare-error">{move || refusal(answer).get()}</p>
        {if contracts.is_empty() {
            view! { <p class="panel muted" id="no-clause-contract">"Aucun marché à clause sociale d'insertion pour vous."</p> }.into_any()
        } else {
            view! {
                <table class="data-table" id="clause-contracts">
                    <thead>
                        <tr>
                            <th scope="col">"Marché"</th>
                            <th scope="col">"Acheteur"</th>
                            <th scope="col">"Titulaire"</th>
                            <th scope="col">"Montant HT"</th>
                            <th scope="col">"Heures demandées"</th>
                            <th scope="col">"Heures réalisées"</th>
                            <th scope="col">"Déclarer"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {contracts.into_iter().map(|c| view! { <ContractRow contract=c declare today=today.clone()/> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {truncated.then(|| view! { <p class="muted" id="contracts-truncated">"Seuls les 300 marchés les plus récents sont listés."</p> })}
    }
}

/// The value typed before a plain post came back with errors, else the stored one.
fn typed_or(stored: String, key: &str) -> String {
    page_flash().and_then(|f| f.value(key).map(str::to_owned)).unwrap_or(stored)
}

#[component]
fn ContractRow(
    contract: InsertionContract,
    declare: ServerAction<DeclareInsertionHours>,
    today: String,
) -> impl IntoView {
    let answer = Signal::derive(move || declare.value().get());
    let id = contract.purchase_id.clone();
    let (hours_key, day_key) = (field("hours", &id), field("counted_on", &id));
    let hours_error = field_error(answer, hours_key.clone());
    let day_error = field_error(answer, day_key.clone());
    let hours_value =
        typed_or(contract.hours_done.map(|h| h.to_string()).unwrap_or_default(), &hours_key);
    let day_value = typed_or(String::new(), &day_key);
    let done_text = match (contract.hours_done, contract.counted_on_text.clone()) {
        (Some(h), Some(on)) => format!("{} h au {on}", grouped(h)),
        (Some(h), None) => format!("{} h", grouped(h)),
        _ => "—".to_owned(),
    };
    let history =
        (contract.declarations > 1).then(|| format!("{} déclarations", contract.declarations));
    let (hours_id, day_id) = (format!("hours-{id}"), format!("counted-on-{id}"));
    let (row_id, hours_error_id, day_error_id) =
        (format!("contract-{id}"), format!("hours-error-{id}"), format!("counted-on-error-{id}"));
    let (hours_described, day_described) = (hours_error_id.clone(), day_error_id.clone());
    view! {
        <tr id=row_id>
            <td>{contract.subject}<br/><span class="muted">{contract.date}</span></td>
            <td>{contract.buyer}</td>
            <td>{contract.supplier}</td>
            <td class="number">{contract.amount}</td>
            <td class="number">{contract.hours_asked.map_or_else(|| "—".to_owned(), grouped)}</td>
            <td class="number hours-done">{done_text}{history.map(|h| view! { <br/><span class="muted">{h}</span> })}</td>
            <td>
                <ActionForm action=declare attr:class="inline-form">
                    <input type="hidden" name="form[purchase_id]" value=id/>
                    <label for=hours_id.clone()>"Heures réalisées"</label>
                    <input id=hours_id type="text" inputmode="numeric" name="form[hours]" value=hours_value size="8" aria-describedby=hours_described/>
                    <span class="field-error" id=hours_error_id>{move || hours_error.get()}</span>
                    <label for=day_id.clone()>"au"</label>
                    <input id=day_id type="date" name="form[counted_on]" value=day_value max=today aria-describedby=day_described/>
                    <span class="field-error" id=day_error_id>{move || day_error.get()}</span>
                    <button type="submit" class="small">"Déclarer"</button>
                </ActionForm>
            </td>
        </tr>
    }
}
