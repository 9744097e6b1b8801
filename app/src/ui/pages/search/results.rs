use leptos::prelude::*;

use super::chips::FilterChips;
use crate::domain::{
    Code,
    directory::{Family, StructureKind},
    geo::kilometres,
    label::Level,
    search::{Hit, SearchQuery, SearchResults, Segment},
};

/// Highlighted text: matched segments in `<mark>`, everything as text (never HTML from the
/// index).
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(
            |s| {
                if s.matched {
                    view! { <mark>{s.text}</mark> }.into_any()
                } else {
                    s.text.into_any()
                }
            },
        )
        .collect_view()
}

fn page_link(query: &SearchQuery, page: u32) -> String {
    let mut q = query.clone();
    q.page = page;
    format!("/recherche?{}", q.query_string())
}

/// The first 500 results of the same search, as CSV.
fn csv_link(query: &SearchQuery) -> String {
    let mut q = query.clone();
    q.page = 1;
    format!("/recherche.csv?{}", q.query_string())
}

/// The families of a hit's kinds, each once, in the kinds' order.
fn families(kinds: &[String]) -> Vec<Family> {
    let mut families = Vec::new();
    for family in
        kinds.iter().filter_map(|k| StructureKind::from_code(k)).flat_map(|k| k.families())
    {
        if !families.contains(family) {
            families.push(*family);
        }
    }
    families
}

/// One result at a glance: title and price, structure, commune and distance, then what the
/// structure is (family, kinds) and what it holds (ESUS, HQS label, labels).
fn card(hit: Hit) -> impl IntoView {
    let families = families(&hit.kinds);
    view! {
        <li class="result">
            <div class="result-head">
                <a href=hit.url.clone() class="result-title">{marked(hit.title)}</a>
                {hit.price.clone().map(|p| view! { <span class="result-price">{p}</span> })}
            </div>
            <p class="result-meta">
                {hit.subtitle.clone()}
                {hit.distance_m.map(|m| view! { " · " <span class="distance">{kilometres(m as f64 / 1000.0)}</span> })}
            </p>
            <p class="excerpt">{marked(hit.excerpt)}</p>
            <p class="badges">
                {families.into_iter().map(|f| view! {
                    <span class=format!("badge badge-family family-{}", f.code())>{f.label()}</span>
                }).collect_view()}
                {hit.kinds.iter().map(|k| {
                    let title = StructureKind::from_code(k).map(|kind| kind.label()).unwrap_or_default();
                    view! { <abbr class="badge" title=title>{k.clone()}</abbr> }
                }).collect_view()}
                {hit.esus.then(|| view! { <span class="badge badge-esus">"ESUS"</span> })}
                {hit.hqs_label.as_deref().map(|v| view! { <span class="badge badge-hqs">{Level::facet_label(v)}</span> })}
                {hit.labels.iter().map(|l| view! { <span class="badge badge-label">{l.clone()}</span> }).collect_view()}
            </p>
        </li>
    }
}

#[component]
pub fn ResultList(results: SearchResults, query: SearchQuery) -> impl IntoView {
    let total = results.total;
    let (page, pages) = (results.page, results.pages);
    view! {
        <FilterChips query=query.clone() facets=results.facets.clone()/>
        <p class="muted"><a href=csv_link(&query) id="export-results" download="recherche-ecossol.csv">"Télécharger ces résultats (CSV)"</a></p>
        <p id="result-count">
            {match total {
                0 => "Aucun résultat".to_owned(),
                1 => "1 résultat".to_owned(),
                n => format!("{n} résultats"),
            }}
        </p>
        {(total == 0).then(|| view! {
            <ul class="suggestions" id="suggestions">
                {results.suggestions.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        })}
        <ol class="plain-list results" id="results">
            {results.hits.into_iter().map(card).collect_view()}
        </ol>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label="Pages de résultats">
                {(page > 1).then(|| view! { <a href=page_link(&query, page - 1) id="previous-page">"← Précédente"</a> })}
                <span>{format!("Page {page} sur {pages}")}</span>
                {(page < pages).then(|| view! { <a href=page_link(&query, page + 1) id="next-page">"Suivante →"</a> })}
            </nav>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_shows_each_family_of_its_kinds_once() {
        let kinds = ["ACI".to_owned(), "RQ".to_owned(), "ASSO".to_owned()];
        assert_eq!(families(&kinds), [Family::Insertion, Family::Ess]);
        assert!(families(&["INCONNU".to_owned()]).is_empty());
    }
}
