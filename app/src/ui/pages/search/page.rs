use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::{components::Form, hooks::use_query_map};

use super::{
    facets::FacetPanel,
    form_events::{forget_position, submit_on_change, use_position},
    results::ResultList,
};
use crate::{
    domain::{
        directory::communes::communes,
        search::{SearchQuery, Sort, Target},
    },
    server_fns::search::{get_search_profiles, search_catalogue},
};

/// The HQS profile filter: a choice among the person's profiles, or, for a profile given in
/// the address that is not one of theirs (a shared link), the profile kept with a way out.
fn profile_filter(q: &SearchQuery, mine: Vec<(String, String)>) -> AnyView {
    let chosen = q.profile.clone();
    let known = chosen.as_ref().is_some_and(|id| mine.iter().any(|(m, _)| m == id));
    if !mine.is_empty() && (chosen.is_none() || known) {
        return view! {
            <div class="field" id="profile-filter">
                <label for="champ-profil">"Satisfait mon profil HQS"</label>
                <select id="champ-profil" name="profil" on:change=submit_on_change>
                    <option value="" selected=chosen.is_none()>"— tous —"</option>
                    {mine.into_iter().map(|(id, name)| {
                        let selected = chosen.as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any();
    }
    let Some(id) = chosen else { return ().into_any() };
    let mut without = q.clone();
    without.profile = None;
    view! {
        <div class="field" id="profile-filter">
            <input type="hidden" name="profil" value=id.clone()/>
            <p>
                "Seulement ce qui satisfait le "
                <a href=format!("/hqs/profils/{id}")>"profil HQS choisi"</a>
                " · " <a href=format!("/recherche?{}", without.query_string())>"retirer ce filtre"</a>
            </p>
        </div>
    }
    .into_any()
}

/// `/recherche`: one GET form whose address holds the whole search (shareable, the back
/// button works). Without JavaScript it is a plain form with results rendered by the server;
/// hydrated, results follow the typing (debounced) without reloading the page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| {
            let pairs: Vec<(String, String)> =
                p.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let results = Resource::new(move || query.get().query_string(), search_catalogue);
    let profiles = Resource::new(|| (), |_| get_search_profiles());
    let status = RwSignal::new(String::new());
    // Results as you type: the form is submitted a moment after the last keystroke.
    let typed = RwSignal::new(0_u32);
    let on_input = move |event: leptos::ev::Event| {
        typed.update(|n| *n += 1);
        let mine = typed.get_untracked();
        let form = event_target::<web_sys::HtmlInputElement>(&event).form();
        set_timeout(
            move || {
                if typed.get_untracked() == mine
                    && let Some(form) = form
                {
                    form.request_submit().ok();
                }
            },
            std::time::Duration::from_millis(250),
        );
    };
    view! {
        <Title text="Rechercher un fournisseur solidaire"/>
        <Meta name="description" content="Cherchez parmi les offres et les structures de l'économie sociale et solidaire de Grenoble-Alpes Métropole."/>
        <h1>"Rechercher"</h1>
        <div class="search-layout">
            {move || {
                let q = query.get();
                // A position typed in the address or given by the browser (not a commune's).
                let position = q.origin.filter(|_| q.near_commune.is_none());
                let profile_query = q.clone();
                view! {
                    <Form method="GET" action="/recherche" attr:id="search-form" attr:class="panel search-form">
                        <div class="field">
                            <label for="champ-q">"Que cherchez-vous ?"</label>
                            <input id="champ-q" name="q" type="search" value=q.text.clone() placeholder="espaces verts, traiteur, nettoyage…" on:input=on_input autocomplete="off"/>
                        </div>
                        <fieldset class="inline-choices">
                            <legend>"Parmi"</legend>
                            <label class="checkbox"><input type="radio" name="cible" value="offres" checked=q.target == Target::Offers/>" les offres"</label>
                            <label class="checkbox"><input type="radio" name="cible" value="structures" checked=q.target == Target::Structures/>" les structures"</label>
                        </fieldset>
                        <div class="field">
                            <label class="checkbox" for="champ-esus">
                                <input id="champ-esus" type="checkbox" name="esus" value="1" checked=q.esus on:change=submit_on_change/>
                                " Agrément ESUS uniquement"
                            </label>
                        </div>
                        <Suspense fallback=|| ()>
                            {move || {
                                let q = profile_query.clone();
                                Suspend::new(async move {
                                    profile_filter(&q, profiles.await.unwrap_or_default())
                                })
                            }}
                        </Suspense>
                        <div class="field">
                            <label for="champ-pres_de">"Près de"</label>
                            <select id="champ-pres_de" name="pres_de" on:change=forget_position>
                                <option value="" selected=q.origin.is_none()>"— n'importe où —"</option>
                                {position.map(|_| view! { <option value="" selected=true>"ma position"</option> })}
                                {communes().iter().map(|c| {
                                    let selected = q.near_commune.as_deref() == Some(c.insee);
                                    view! { <option value=c.insee selected=selected>{c.name}</option> }
                                }).collect_view()}
                            </select>
                            <input type="hidden" name="lat" value=position.map(|p| format!("{:.5}", p.lat)).unwrap_or_default()/>
                            <input type="hidden" name="lng" value=position.map(|p| format!("{:.5}", p.lng)).unwrap_or_default()/>
                            <button type="button" id="my-position" class="secondary js-only" on:click=move |e| use_position(e.into(), status)>"Autour de ma position"</button>
                            <p id="position-status" class="muted" role="status">{move || status.get()}</p>
                        </div>
                        <div class="field">
                            <label for="champ-rayon">"Dans un rayon de (km)"</label>
                            <input id="champ-rayon" name="rayon" type="number" min="1" max="200" value=q.radius_km.map(|k| k.to_string()).unwrap_or_default()/>
                        </div>
                        <div class="field">
                            <label for="champ-tri">"Trier par"</label>
                            <select id="champ-tri" name="tri">
                                <option value="" selected=q.sort == Sort::Relevance>"pertinence"</option>
                                <option value="nom" selected=q.sort == Sort::Name>"nom"</option>
                                <option value="recent" selected=q.sort == Sort::Recent>"mise à jour récente"</option>
                                <option value="distance" selected=q.sort == Sort::Distance>"distance"</option>
                            </select>
                        </div>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                results.await.ok().map(|r| view! { <FacetPanel facets=r.facets/> })
                            })}
                        </Transition>
                        <button type="submit" id="search-submit">"Rechercher"</button>
                    </Form>
                }
            }}
            <section class="search-results" aria-live="polite">
                <Transition fallback=|| view! { <p class="muted">"Recherche…"</p> }>
                    {move || Suspend::new(async move {
                        match results.await {
                            Ok(found) => view! { <ResultList results=found query=query.get_untracked()/> }.into_any(),
                            Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}
