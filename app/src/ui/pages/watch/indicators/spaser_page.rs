//! `/veille/spaser/{organisation}?annees=2022-2025`: what article L2111-3 asks a public buyer
//! to publish, per year: the shares, by number and by value, of its contracts with a social
//! consideration and with an environmental one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    domain::{
        Outcome,
        needs::budget::euros,
        watch::indicators::{
            percent,
            spaser::{SpaserPage, SpaserYear},
        },
    },
    server_fns::watch::get_spaser,
    ui::components::ErrorView,
};

#[component]
pub fn SpaserPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let id = params.read().get("organisation").unwrap_or_default();
        (id, query.read().get("annees").unwrap_or_default())
    };
    let page = Resource::new(key, |(id, years)| get_spaser(id, years));
    view! {
        <Title text="Indicateurs du SPASER"/>
        <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
            {move || Suspend::new(async move {
                let typed = query.get_untracked().get("annees").unwrap_or_default();
                let id = params.get_untracked().get("organisation").unwrap_or_default();
                match page.await {
                    Ok(Outcome::Done(page)) => view! { <Spaser page/> }.into_any(),
                    Ok(Outcome::Invalid(errors)) => view! {
                        <h1>"Indicateurs du SPASER"</h1>
                        <YearsForm id typed error=errors.first().map(str::to_owned)/>
                    }.into_any(),
                    Ok(Outcome::Refused(reason)) => view! { <p class="error" role="alert">{reason}</p> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn YearsForm(id: String, typed: String, error: Option<String>) -> impl IntoView {
    let described = error.as_ref().map(|_| "spaser-annees-erreur");
    view! {
        <form method="get" action=format!("/veille/spaser/{id}") class="panel no-print" id="spaser-form">
            <label for="spaser-annees">"Années (par exemple 2022-2025)"</label>
            <input id="spaser-annees" name="annees" value=typed aria-describedby=described/>
            {error.map(|e| view! { <p class="error" id="spaser-annees-erreur" role="alert">{e}</p> })}
            <button type="submit">"Afficher"</button>
        </form>
    }
}

fn share(part: i64, whole: i64) -> String {
    percent(SpaserYear::share(part, whole), false)
}

#[component]
fn Spaser(page: SpaserPage) -> impl IntoView {
    view! {
        <h1>{format!("Indicateurs du SPASER — {}", page.organisation_name)}</h1>
        <p class="lead">
            "Article L2111-3 du Code de la commande publique : l'acheteur publie les taux réels "
            "d'achats socialement et écologiquement responsables, en nombre et en valeur des "
            "contrats. Années : " {page.years_label.clone()} "."
        </p>
        <YearsForm id=page.organisation_id.clone() typed=page.years_param.clone() error=None/>
        <table class="data-table" id="spaser-table">
            <caption>{format!("{} — {}", page.organisation_name, page.years_label)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Année"</th>
                    <th scope="col">"Contrats"</th>
                    <th scope="col">"Montant HT"</th>
                    <th scope="col">"Considération sociale (nombre)"</th>
                    <th scope="col">"Considération sociale (valeur)"</th>
                    <th scope="col">"Considération environnementale (nombre)"</th>
                    <th scope="col">"Considération environnementale (valeur)"</th>
                </tr>
            </thead>
            <tbody>
                {page.years.into_iter().map(|y| view! {
                    <tr data-year=y.year>
                        <th scope="row">{y.year}</th>
                        <td class="number">{y.contracts}</td>
                        <td class="number">{euros(y.amount_cents)}</td>
                        <td class="number">{share(y.social_contracts, y.contracts)}</td>
                        <td class="number">{share(y.social_amount_cents, y.amount_cents)}</td>
                        <td class="number">{share(y.environmental_contracts, y.contracts)}</td>
                        <td class="number">{share(y.environmental_amount_cents, y.amount_cents)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="hint">
            "Une considération sociale : clause sociale, critère social ou marché réservé ; "
            "environnementale : clause ou critère environnemental (DECP v2)."
        </p>
    }
}
