//! `/hqs/harmonisation?p=…&p=…`: shared profiles side by side (Chantier 3.7): the common
//! core, every difference, and a new profile from the core.

use crate::domain::Code;
use leptos::prelude::*;

use crate::ui::components::ErrorView;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use super::requirements_table::RequirementsTable;
use crate::{
    domain::hqs::{Strictness, harmonise::Cell, views::Harmonisation},
    error::AppError,
    server_fns::hqs::{CreateCoreProfile, get_harmonisation},
    ui::components::{field_error, refusal},
};

fn cell_text(cell: &Cell) -> (String, &'static str) {
    match cell {
        Cell::Missing => ("absent".to_owned(), "missing"),
        Cell::Present { requirement, threshold, against_core } => {
            let (note, class) = match against_core {
                None => ("", "different"),
                Some(Strictness::Same) => ("", "same"),
                Some(Strictness::Stricter) => (" — plus strict que le socle", "stricter"),
                Some(Strictness::Looser) => (" — moins strict que le socle", "looser"),
                Some(Strictness::Different) => (" — différent", "different"),
            };
            (format!("{} · {}{note}", requirement.label(), threshold.describe()), class)
        }
    }
}

#[component]
pub fn HarmonisationPage() -> impl IntoView {
    let query = use_query_map();
    let chosen = move || query.read().get_all("p").unwrap_or_default().join(",");
    let page = Resource::new(chosen, get_harmonisation);
    view! {
            <Title text="Harmonisation des exigences"/>
            <h1>"Harmonisation des exigences qualité"</h1>
            <p>"Mettez côte à côte les profils de plusieurs donneurs d'ordre publics et privés : voyez leur socle commun et chacune de leurs différences."</p>
            <Suspense fallback=|| view! { <p class="muted">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(AppError::Unauthenticated) => view! {
    <ErrorView error=AppError::Unauthenticated>
                            <p class="panel">"Connectez-vous pour comparer des profils. " <a href="/connexion">"Se connecter"</a></p>
                        </ErrorView>
    }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(page) => {
                            let selected = chosen();
                            let ids: Vec<String> = selected.split(',').map(str::to_owned).collect();
                            let buyers = page.available.buyers.clone();
                            view! {
                                <Form method="GET" action="/hqs/harmonisation" attr:id="harmonisation-form" attr:class="panel">
                                    <fieldset>
                                        <legend>"Profils à comparer (deux ou plus)"</legend>
                                        {page.available.profiles.iter().map(|p| {
                                            let on = ids.contains(&p.id);
                                            view! {
                                                <label class="checkbox">
                                                    <input type="checkbox" name="p" value=p.id.clone() checked=on/>
                                                    " " {p.name.clone()} " · " <span class="muted">{p.organisation_name.clone()}</span>
                                                </label>
                                            }
                                        }).collect_view()}
                                    </fieldset>
                                    <button type="submit" id="compare">"Comparer"</button>
                                </Form>
                                {page.comparison.map(|c| view! { <Comparison harmonisation=c buyers=buyers ids=selected.clone()/> })}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        }
}

#[component]
fn Comparison(
    harmonisation: Harmonisation,
    buyers: Vec<crate::domain::hqs::views::BuyerChoice>,
    ids: String,
) -> impl IntoView {
    let action = ServerAction::<CreateCoreProfile>::new();
    let answer = Signal::derive(move || action.value().get());
    let name_error = field_error(answer, "name");
    let refused = refusal(answer);
    let core = harmonisation.comparison.core.clone();
    let differences = harmonisation.comparison.rows.iter().filter(|r| !r.identical).count();
    view! {
        <section class="panel">
            <h2>"Côte à côte"</h2>
            <p id="differences">{format!("{differences} critère(s) diffèrent sur {}.", harmonisation.comparison.rows.len())}</p>
            <table class="data-table" id="comparison">
                <thead>
                    <tr>
                        <th scope="col">"Critère"</th>
                        {harmonisation.profiles.iter().map(|p| view! { <th scope="col">{p.name.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {harmonisation.comparison.rows.into_iter().map(|row| view! {
                        <tr data-critere=row.criterion.code() class:identical=row.identical>
                            <th scope="row">{row.criterion.definition().title_fr}</th>
                            {row.cells.iter().map(|cell| {
                                let (text, class) = cell_text(cell);
                                view! { <td class=class>{text}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section class="panel" id="core">
            <h2>"Socle commun"</h2>
            {if core.items.is_empty() {
                view! { <p class="muted">"Ces profils n'ont aucun critère en commun."</p> }.into_any()
            } else {
                view! {
                    <p>"Ce que tous ces profils exigent au moins : les critères présents partout, au seuil le moins strict."</p>
                    <RequirementsTable requirements=core/>
                    {(!buyers.is_empty()).then(|| view! {
                        <ActionForm action=action attr:id="core-form" attr:novalidate=true>
                            <input type="hidden" name="ids" value=ids.clone()/>
                            <div class="field">
                                <label for="champ-core-organisation">"Créer un profil avec ce socle, au nom de"</label>
                                <select id="champ-core-organisation" name="organisation_id">
                                    {buyers.iter().map(|b| view! { <option value=b.id.clone()>{b.name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="champ-name">"Nom du nouveau profil"</label>
                                <input id="champ-name" name="name" value="Socle commun"/>
                                <p class="field-error" id="champ-name-erreur" role="alert">{move || name_error.get()}</p>
                            </div>
                            <p class="error" role="alert">{move || refused.get()}</p>
                            <button type="submit">"Créer le profil"</button>
                        </ActionForm>
                    })}
                }.into_any()
            }}
        </section>
    }
}
