use leptos::prelude::*;

use crate::domain::{
    label::Level,
    search::{SearchQuery, SearchResults, Segment},
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

#[component]
pub fn ResultList(results: SearchResults, query: SearchQuery) -> impl IntoView {
    let total = results.total;
    let (page, pages) = (results.page, results.pages);
    view! {
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
            {results.hits.into_iter().map(|hit| view! {
                <li class="result">
                    <a href=hit.url.clone() class="result-title">{marked(hit.title)}</a>
                    <p class="muted">
                        {hit.subtitle.clone()}
                        {hit.distance_m.map(|m| view! { " · " <span class="distance">{format!("{:.1} km", m as f64 / 1000.0)}</span> })}
                        {hit.price.clone().map(|p| view! { " · " {p} })}
                    </p>
                    <p class="excerpt">{marked(hit.excerpt)}</p>
                    <p class="badges">
                        {hit.kinds.iter().map(|k| view! { <span class="badge">{k.clone()}</span> }).collect_view()}
                        {hit.esus.then(|| view! { <span class="badge badge-esus">"ESUS"</span> })}
                        {hit.hqs_label.as_deref().map(|v| view! { <span class="badge badge-hqs">{Level::facet_label(v)}</span> })}
                        {hit.labels.iter().map(|l| view! { <span class="badge">{l.clone()}</span> }).collect_view()}
                    </p>
                </li>
            }).collect_view()}
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
