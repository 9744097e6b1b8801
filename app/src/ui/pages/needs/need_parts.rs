//! Parts of a need's page: its details, its potential, the structures it reaches.

use leptos::prelude::*;

use crate::domain::{
    calendar::french_iso_date,
    geo::kilometres,
    needs::{
        potential::Potential,
        views::{MatchView, NeedView},
    },
};

#[component]
pub fn NeedDetails(need: NeedView) -> impl IntoView {
    let s = need.summary.clone();
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
    };
    view! {
        <section class="panel" id="need-details">
            <h2>"Le besoin"</h2>
            <dl class="facts">
                {row("Acheteur", Some(s.buyer.clone()))}
                {row("Type", s.kind.map(|k| k.label().to_owned()))}
                {row("Secteur", s.sector.clone())}
                {row("Prestation", need.service_kind.clone())}
                {row("Codes CPV", (!need.cpv.is_empty()).then(|| need.cpv.join(", ")))}
                {row("Commune d'exécution", s.place.clone())}
                {row("Rayon", need.radius_km.map(|k| format!("structures à moins de {k} km")))}
                {row("Date limite de réponse", s.deadline_on.as_deref().map(french_iso_date))}
                {row("Début d'exécution", need.start_on.as_deref().map(french_iso_date))}
                {row("Budget", need.budget.clone())}
                {row("Structures souhaitées", (!need.wanted.is_empty()).then(|| need.wanted.join(", ")))}
                {row("Profil HQS", need.profile.clone().map(|(_, name)| name))}
            </dl>
            {need.notice_url.clone().map(|url| view! {
                <p><a href=url.clone() rel="noopener noreferrer" target="_blank">"Avis officiel de l'appel d'offres"</a></p>
            })}
            {need.description.clone().map(|d| view! { <p class="description">{d}</p> })}
            <h3>"Lots"</h3>
            <table class="table" id="need-lots">
                <thead><tr><th scope="col">"N°"</th><th scope="col">"Désignation"</th><th scope="col">"Quantité"</th></tr></thead>
                <tbody>
                    {need.lots.iter().map(|l| view! {
                        <tr>
                            <td>{l.number}</td>
                            <td>{l.title.clone()}</td>
                            <td>{format!("{} {}", l.quantity, l.unit).replace('.', ",").trim().to_owned()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!need.questions.is_empty()).then(|| view! {
                <h3>"Questions aux structures"</h3>
                <ol id="need-questions">{need.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
            })}
        </section>
    }
}

/// How many structures could answer, and the lever recommended, with its rule.
#[component]
pub fn PotentialPanel(potential: Potential) -> impl IntoView {
    let p = potential;
    view! {
        <section class="panel" id="need-potential">
            <h2>"Potentiel avant publication"</h2>
            <p>
                <strong id="potential-total">{p.total}</strong>
                {if p.total == 1 { " structure publiée peut répondre" } else { " structures publiées peuvent répondre" }}
                {format!(" ({} à moins de 10 km, {} à moins de 30 km).", p.within_10_km, p.within_30_km)}
            </p>
            <ul class="plain-list" id="potential-families">
                {p.by_family.iter().map(|(family, n)| view! { <li>{format!("{family} : {n}")}</li> }).collect_view()}
                <li>{format!("Pouvant recevoir un marché réservé (SIAE, handicap) : {}", p.reservable)}</li>
            </ul>
            {(!p.by_kind.is_empty()).then(|| view! {
                <p class="muted">"Par type : " {p.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(" · ")}</p>
            })}
            <h3>"Levier recommandé"</h3>
            <p id="potential-lever"><strong>{p.lever_label.clone()}</strong></p>
            <p id="potential-rule">{p.rule.clone()}</p>
            <p class="muted">
                "Règle appliquée : plus de 30 structures pouvant recevoir un marché réservé et un montant sous 30 % de leur chiffre d'affaires moyen → marché réservé ; plus de 10 → un lot réservé ; plus d'une structure → clause sociale d'insertion ; sinon → sourcing d'abord. Les comptes portent sur les fiches publiées dont une activité couvre le secteur (ou la division CPV), le type de prestation et la commune."
            </p>
        </section>
    }
}

/// The structures the need reaches, and why each.
#[component]
pub fn MatchesPanel(matches: Vec<MatchView>) -> impl IntoView {
    view! {
        <section class="panel" id="need-matches">
            <h2>{format!("Structures informées ({})", matches.len())}</h2>
            {matches.is_empty().then(|| view! { <p class="muted">"Aucune structure publiée ne correspond pour l'instant."</p> })}
            <ul class="plain-list">
                {matches.into_iter().map(|m| view! {
                    <li class="need-match">
                        <a href=format!("/structures/{}", m.slug)>{m.name.clone()}</a>
                        {m.distance_km.map(|d| format!(" · {}", kilometres(d)))}
                        <ul class="reasons">{m.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
