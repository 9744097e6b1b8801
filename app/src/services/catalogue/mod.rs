//! The catalogue search: one multi-search to Meilisearch (see [`plan`]), facet counts put
//! together from its answers, and every hit checked against the database before it is shown:
//! a stale index never shows a private item.

mod hits;
mod nearby;
pub mod plan;

use crate::domain::Code;
use std::collections::HashMap;

use meilisearch_sdk::search::{SearchResult, SearchResults as Answer};

use crate::{
    domain::{
        directory::{Family, Sector, ServiceKind, StructureKind, communes},
        search::{
            Facet, FacetValue, Hit, SearchQuery, SearchResults, Sort, Target, query::PER_PAGE, tags,
        },
    },
    error::AppError,
    search::{
        SearchError,
        hits::{OfferHit, Retrieved, StructureHit},
    },
    state::AppState,
};
use hits::{Shown, hit};
pub use plan::Plan;

fn label_of(param: &str, value: &str) -> String {
    match param {
        tags::KIND => StructureKind::parse(value)
            .map(|k| format!("{} ({})", k.label(), k.code()))
            .unwrap_or_else(|_| value.to_owned()),
        tags::FAMILY => {
            Family::from_code(value).map_or_else(|| value.to_owned(), |f| f.label().to_owned())
        }
        tags::SECTOR => {
            Sector::find(value).map_or_else(|| value.to_owned(), |s| s.label.to_owned())
        }
        tags::SERVICE => ServiceKind::parse(value)
            .map(|k| k.label().to_owned())
            .unwrap_or_else(|_| value.to_owned()),
        tags::COMMUNE => {
            communes::find(value).map_or_else(|| value.to_owned(), |c| c.name.to_owned())
        }
        tags::HQS => crate::domain::label::Level::facet_label(value),
        _ => value.to_owned(),
    }
}

fn unavailable(error: meilisearch_sdk::errors::Error) -> AppError {
    tracing::warn!(error = %SearchError::from(error), "search failed");
    AppError::Unavailable
}

/// The search an address's query string describes.
pub fn parse_query(raw: &str) -> SearchQuery {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.as_bytes()).into_owned().collect();
    SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Searches the catalogue for `viewer` (a visitor: `None`), whose rights decide which HQS
/// profile may filter the results.
pub async fn search(
    state: &AppState,
    viewer: Option<&crate::domain::accounts::Acting>,
    query: &SearchQuery,
) -> Result<SearchResults, AppError> {
    if let Some(profile) = &query.profile
        && !crate::services::hqs::profiles::usable_in_search(state, viewer, profile).await?
    {
        return Ok(SearchResults {
            total: 0,
            hits: Vec::new(),
            facets: Vec::new(),
            page: query.page,
            pages: 0,
            suggestions: vec![
                "Ce profil HQS n'existe pas, a été archivé ou ne vous est pas accessible."
                    .to_owned(),
            ],
        });
    }
    match engine(state, query).await? {
        Found::Offers(answers) => results(state, query, answers).await,
        Found::Structures(answers) => results(state, query, answers).await,
    }
}

/// The page of results Meilisearch's answers give, each hit checked against the database.
async fn results<T: Shown>(
    state: &AppState,
    query: &SearchQuery,
    answers: Answers<T>,
) -> Result<SearchResults, AppError> {
    let Answers { plan, main: results, counts, hits: shown } = answers;
    // Disjunctive counts: each selected group, counted with the other groups only.
    let tags_of = |answer: &Answer<T>| {
        answer.facet_distribution.as_ref().and_then(|d| d.get(plan::TAGS)).cloned()
    };
    let own_counts: HashMap<&str, HashMap<String, usize>> = plan
        .disjunctive_groups()
        .zip(&counts)
        .map(|(param, answer)| (param, tags_of(answer).unwrap_or_default()))
        .collect();
    let distribution = tags_of(&results).unwrap_or_default();
    let facets: Vec<Facet> = plan
        .groups
        .iter()
        .map(|group| {
            let counts = own_counts.get(group.param).unwrap_or(&distribution);
            let mut values: Vec<FacetValue> = counts
                .iter()
                .filter_map(|(tag, count)| Some((tags::value_in(tag, group.param)?, *count)))
                .map(|(value, count)| FacetValue {
                    label: label_of(group.param, value),
                    selected: group.selected.iter().any(|s| s == value),
                    count: count as u64,
                    value: value.to_owned(),
                })
                .collect();
            for selected in &group.selected {
                if !values.iter().any(|v| &v.value == selected) {
                    values.push(FacetValue {
                        label: label_of(group.param, selected),
                        value: selected.clone(),
                        count: 0,
                        selected: true,
                    });
                }
            }
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            Facet { param: group.param.to_owned(), title: group.title.to_owned(), values }
        })
        .collect();

    let ids: Vec<String> = shown.iter().map(|h| h.result.id().to_owned()).collect();
    let public = crate::db::visibility::public_ids(&state.db, query.target, &ids).await?;
    let hits: Vec<Hit> = shown
        .iter()
        .filter(|h| public.iter().any(|id| id == h.result.id()))
        .map(|h| hit(h, query.origin))
        .collect();
    let total = results.total_hits.unwrap_or(hits.len()) as u64;
    let pages = u32::try_from(total.div_ceil(u64::from(PER_PAGE))).unwrap_or(u32::MAX);
    let suggestions = if total == 0 { suggestions(query) } else { Vec::new() };
    Ok(SearchResults { total, hits, facets, page: query.page, pages, suggestions })
}

/// What Meilisearch answers for a search whose hits are `T`s.
pub struct Answers<T> {
    plan: Plan,
    /// The main query: the hits in relevance order and the counts of the groups nobody
    /// picked a value in.
    main: Answer<T>,
    /// One answer per picked group, counted with the other groups only.
    counts: Vec<Answer<T>>,
    /// The hits to show, in order.
    hits: Vec<SearchResult<T>>,
}

/// What Meilisearch answers, by the index searched.
pub enum Found {
    Offers(Answers<OfferHit>),
    Structures(Answers<StructureHit>),
}

/// Every request a search makes to Meilisearch, and nothing more: no database, no page
/// (the benchmark compares the app with it).
pub async fn engine(state: &AppState, query: &SearchQuery) -> Result<Found, AppError> {
    let asked = async {
        Ok(match query.target {
            Target::Offers => Found::Offers(ask(state, query).await?),
            Target::Structures => Found::Structures(ask(state, query).await?),
        })
    };
    tokio::time::timeout(state.search.timeout(), asked).await.map_err(|_| AppError::Unavailable)?
}

async fn ask<T: Retrieved>(state: &AppState, query: &SearchQuery) -> Result<Answers<T>, AppError> {
    let client = state.search.client();
    let index_of = |name| client.index(state.search.index_name(name));
    let index = index_of(match query.target {
        Target::Offers => "offers",
        Target::Structures => "structures",
    });
    let structures = index_of("structures");
    let plan = Plan::new(query);
    // The counts need the radius's exact filter; a distance-ordered page does not (it
    // measures each place itself), so both are looked for at once.
    let counted = async {
        let geo = match query.origin.zip(query.radius_km) {
            Some((origin, km)) => Some(nearby::radius_filter(&structures, origin, km).await?),
            None => None,
        };
        plan.execute(client, &index, geo.as_deref()).await
    };
    let nearest = query.origin.filter(|_| query.sort == Sort::Distance);
    let (answers, page) = match nearest {
        Some(origin) => {
            let page = async {
                let slices = nearby::nearest(
                    &index,
                    &plan.text,
                    plan.every_word,
                    &plan.filter,
                    origin,
                    query.radius_km,
                    query.page,
                )
                .await?;
                let found = plan.slices::<T>(client, &index, &slices).await?;
                Ok(nearby::in_order(&slices, found))
            };
            let (answers, page) = tokio::try_join!(counted, page).map_err(unavailable)?;
            (answers, Some(page))
        }
        None => (counted.await.map_err(unavailable)?, None),
    };
    let mut answers = answers.results.into_iter();
    let mut main = answers.next().ok_or(AppError::Unavailable)?;
    let counts = answers.collect();
    let hits = page.unwrap_or_else(|| std::mem::take(&mut main.hits));
    Ok(Answers { plan, main, counts, hits })
}

/// What to relax when nothing matched.
fn suggestions(query: &SearchQuery) -> Vec<String> {
    let mut suggestions = Vec::new();
    if query.has_filters() {
        suggestions.push("Retirez un ou plusieurs filtres.".to_owned());
    }
    if query.radius_km.is_some() {
        suggestions.push("Élargissez le rayon de recherche.".to_owned());
    }
    if !query.text.is_empty() {
        suggestions.push(
            "Essayez un mot plus général (par exemple « nettoyage » ou « espaces verts »)."
                .to_owned(),
        );
    }
    if query.target == Target::Offers {
        suggestions.push("Cherchez parmi les structures plutôt que les offres.".to_owned());
    }
    suggestions
}
