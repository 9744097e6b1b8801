//! The catalogue search: one query to Meilisearch for the hits and the facets of unselected
//! groups, and one per selected group for its own counts with the other groups applied
//! (disjunctive facets: picking a second sector keeps the sector counts as they were). Every
//! hit is checked against the database before it is shown: a stale index never shows a
//! private item.

use std::collections::HashMap;

use meilisearch_sdk::search::{SearchResults as MeiliResults, Selectors};
use serde_json::{Map, Value};

use crate::{
    db::Db,
    domain::{
        directory::{Family, Price, Sector, ServiceKind, StructureKind, communes},
        search::{
            Facet, FacetValue, Hit, SearchQuery, SearchResults, Sort, Target,
            query::PER_PAGE,
            results::{MARK_END, MARK_START, segments},
        },
    },
    error::AppError,
    search::SearchError,
    state::AppState,
};

/// A facet group: its address parameter, its attribute in the index, its title.
struct Group {
    param: &'static str,
    attribute: &'static str,
    title: &'static str,
    selected: Vec<String>,
}

fn groups(query: &SearchQuery) -> Vec<Group> {
    let offers = query.target == Target::Offers;
    vec![
        Group {
            param: "type",
            attribute: "kinds",
            title: "Type de structure",
            selected: query.kinds.iter().map(|k| k.code().to_owned()).collect(),
        },
        Group {
            param: "famille",
            attribute: "families",
            title: "Famille",
            selected: query.families.iter().map(|f| f.code().to_owned()).collect(),
        },
        Group {
            param: "secteur",
            attribute: if offers { "sector" } else { "sectors" },
            title: "Secteur",
            selected: query.sectors.clone(),
        },
        Group {
            param: "prestation",
            attribute: if offers { "service_kind" } else { "service_kinds" },
            title: "Type de prestation",
            selected: query.services.iter().map(|s| s.code().to_owned()).collect(),
        },
        Group {
            param: "commune",
            attribute: "commune_insee",
            title: "Commune",
            selected: query.communes.clone(),
        },
        Group {
            param: "label",
            attribute: "labels",
            title: "Labels",
            selected: query.labels.clone(),
        },
    ]
}

fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The filter of every group but `except`, plus ESUS and distance.
fn filter(query: &SearchQuery, groups: &[Group], except: Option<&str>) -> String {
    let mut parts: Vec<String> = groups
        .iter()
        .filter(|g| Some(g.param) != except && !g.selected.is_empty())
        .map(|g| {
            let values: Vec<String> = g.selected.iter().map(|v| quoted(v)).collect();
            format!("{} IN [{}]", g.attribute, values.join(", "))
        })
        .collect();
    if query.esus {
        parts.push("esus = true".to_owned());
    }
    if let (Some(origin), Some(km)) = (query.origin, query.radius_km) {
        parts.push(format!("_geoRadius({}, {}, {})", origin.lat, origin.lng, u64::from(km) * 1000));
    }
    parts.join(" AND ")
}

fn label_of(param: &str, value: &str) -> String {
    match param {
        "type" => StructureKind::parse(value)
            .map(|k| format!("{} ({})", k.label(), k.code()))
            .unwrap_or_else(|_| value.to_owned()),
        "famille" => {
            Family::from_code(value).map_or_else(|| value.to_owned(), |f| f.label().to_owned())
        }
        "secteur" => Sector::find(value).map_or_else(|| value.to_owned(), |s| s.label.to_owned()),
        "prestation" => ServiceKind::parse(value)
            .map(|k| k.label().to_owned())
            .unwrap_or_else(|_| value.to_owned()),
        "commune" => communes::find(value).map_or_else(|| value.to_owned(), |c| c.name.to_owned()),
        _ => value.to_owned(),
    }
}

fn text(map: &Map<String, Value>, key: &str) -> String {
    map.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn strings(map: &Map<String, Value>, key: &str) -> Vec<String> {
    map.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn hit(target: Target, result: &Map<String, Value>, formatted: Option<&Map<String, Value>>) -> Hit {
    let shown = formatted.unwrap_or(result);
    let commune = text(result, "commune");
    let (title, excerpt, url, subtitle) = match target {
        Target::Offers => (
            text(shown, "title"),
            text(shown, "description"),
            format!("/offres/{}", text(result, "slug")),
            [text(result, "structure_name"), commune]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        Target::Structures => (
            text(shown, "name"),
            text(shown, "description"),
            format!("/structures/{}", text(result, "slug")),
            commune,
        ),
    };
    let price = if result.get("on_quote").and_then(Value::as_bool) == Some(true) {
        Some(Price::OnQuote.label())
    } else {
        result.get("price_cents").and_then(Value::as_i64).map(|c| Price::Cents(c).label())
    };
    Hit {
        id: text(result, "id"),
        url,
        title: segments(&title),
        excerpt: segments(&excerpt),
        subtitle,
        kinds: strings(result, "kinds"),
        labels: strings(result, "labels"),
        esus: result.get("esus").and_then(Value::as_bool).unwrap_or(false),
        price,
        distance_m: result.get("_geoDistance").and_then(Value::as_u64),
    }
}

/// The ids among `ids` that are public now.
async fn public_ids(db: &Db, target: Target, ids: &[String]) -> Result<Vec<String>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = match target {
        Target::Offers => format!(
            "SELECT o.id FROM offers o JOIN structures s ON s.id = o.structure_id \
             WHERE o.status = 'published' AND s.status = 'published' AND o.id IN ({})",
            placeholders.join(", ")
        ),
        Target::Structures => format!(
            "SELECT id FROM structures WHERE status = 'published' AND id IN ({})",
            placeholders.join(", ")
        ),
    };
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(db).await
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

pub async fn search(state: &AppState, query: &SearchQuery) -> Result<SearchResults, AppError> {
    let index_name = state.search.index_name(match query.target {
        Target::Offers => "offers",
        Target::Structures => "structures",
    });
    let index = state.search.client().index(&index_name);
    let groups = groups(query);
    let attributes: Vec<&str> = groups.iter().map(|g| g.attribute).collect();
    let main_filter = filter(query, &groups, None);
    let sort: Vec<String> = match (query.sort, query.origin) {
        (Sort::Name, _) => {
            vec![if query.target == Target::Offers { "title:asc" } else { "name:asc" }.to_owned()]
        }
        (Sort::Recent, _) => vec!["updated_at:desc".to_owned()],
        (Sort::Distance, Some(p)) => vec![format!("_geoPoint({}, {}):asc", p.lat, p.lng)],
        _ => Vec::new(),
    };
    let sort_refs: Vec<&str> = sort.iter().map(String::as_str).collect();
    let highlight: &[&str] = match query.target {
        Target::Offers => &["title", "description"],
        Target::Structures => &["name", "description"],
    };
    let crop: &[(&str, Option<usize>)] = &[("description", None)];

    let mut main = index.search();
    main.with_query(&query.text)
        .with_facets(Selectors::Some(&attributes))
        .with_hits_per_page(PER_PAGE as usize)
        .with_page(query.page as usize)
        .with_attributes_to_highlight(Selectors::Some(highlight))
        .with_attributes_to_crop(Selectors::Some(crop))
        .with_crop_length(30)
        .with_highlight_pre_tag(MARK_START)
        .with_highlight_post_tag(MARK_END);
    if !main_filter.is_empty() {
        main.with_filter(&main_filter);
    }
    if !sort_refs.is_empty() {
        main.with_sort(&sort_refs);
    }
    let results: MeiliResults<Map<String, Value>> = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        main.execute::<Map<String, Value>>(),
    )
    .await
    .map_err(|_| AppError::Unavailable)?
    .map_err(unavailable)?;

    // Disjunctive counts: each selected group, counted with the other groups only.
    let mut own_counts: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    for group in groups.iter().filter(|g| !g.selected.is_empty()) {
        let others = filter(query, &groups, Some(group.param));
        let facet = [group.attribute];
        let mut counts = index.search();
        counts.with_query(&query.text).with_facets(Selectors::Some(&facet)).with_limit(0);
        if !others.is_empty() {
            counts.with_filter(&others);
        }
        let answer = counts.execute::<Map<String, Value>>().await.map_err(unavailable)?;
        let distribution = answer.facet_distribution.unwrap_or_default();
        own_counts
            .insert(group.param, distribution.get(group.attribute).cloned().unwrap_or_default());
    }
    let distribution = results.facet_distribution.clone().unwrap_or_default();
    let facets: Vec<Facet> = groups
        .iter()
        .map(|group| {
            let counts = own_counts
                .get(group.param)
                .cloned()
                .unwrap_or_else(|| distribution.get(group.attribute).cloned().unwrap_or_default());
            let mut values: Vec<FacetValue> = counts
                .into_iter()
                .map(|(value, count)| FacetValue {
                    label: label_of(group.param, &value),
                    selected: group.selected.contains(&value),
                    count: count as u64,
                    value,
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

    let ids: Vec<String> = results.hits.iter().map(|h| text(&h.result, "id")).collect();
    let public = public_ids(&state.db, query.target, &ids).await?;
    let hits: Vec<Hit> = results
        .hits
        .iter()
        .filter(|h| public.contains(&text(&h.result, "id")))
        .map(|h| hit(query.target, &h.result, h.formatted_result.as_ref()))
        .collect();
    let total = results.total_hits.unwrap_or(hits.len()) as u64;
    let pages = results.total_pages.unwrap_or(1) as u32;
    let mut suggestions = Vec::new();
    if total == 0 {
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
    }
    Ok(SearchResults { total, hits, facets, page: query.page, pages, suggestions })
}
