//! The Meilisearch request a catalogue search makes: one multi-search holding the query for
//! the hits (with the counts of the facet groups nobody picked a value in) and, for each group
//! with a selected value, a query counting that group with the *other* groups applied
//! (disjunctive facets: picking a second sector keeps the sector counts as they were).

use meilisearch_sdk::{
    DefaultHttpClient,
    client::Client,
    indexes::Index,
    search::{
        MultiSearchQuery, MultiSearchResponse, SearchQuery as MeiliQuery, SearchResult, Selectors,
    },
};
use serde_json::{Map, Value};

use crate::domain::search::{
    SearchQuery, Sort, Target,
    query::PER_PAGE,
    results::{MARK_END, MARK_START},
};

/// A facet group: its address parameter, its attribute in the index, its title.
pub struct Group {
    pub param: &'static str,
    pub attribute: &'static str,
    pub title: &'static str,
    pub selected: Vec<String>,
}

pub fn groups(query: &SearchQuery) -> Vec<Group> {
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
        Group {
            param: "hqs",
            attribute: "hqs_label",
            title: "Label Haute Qualité Solidaire",
            selected: query.hqs.clone(),
        },
    ]
}

fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `"a", "b", …` for an `IN [...]` filter.
pub fn quoted_list<S: AsRef<str>>(values: impl Iterator<Item = S>) -> String {
    values.map(|v| quoted(v.as_ref())).collect::<Vec<_>>().join(", ")
}

/// The filter of every group but `except`, plus ESUS, the HQS profile and `geo` (the radius).
fn filter(
    query: &SearchQuery,
    groups: &[Group],
    except: Option<&str>,
    geo: Option<&str>,
) -> String {
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
    if let Some(profile) = &query.profile {
        parts.push(format!("hqs_profiles = {}", quoted(profile)));
    }
    if let Some(geo) = geo {
        parts.push(geo.to_owned());
    }
    parts.join(" AND ")
}

/// Everything the request needs, owned, so that the SDK's borrowing queries can be built from
/// it.
pub struct Plan {
    pub groups: Vec<Group>,
    pub text: String,
    page: usize,
    target: Target,
    pub main_filter: String,
    /// The main filter without the radius.
    pub unbounded_filter: String,
    sort: Vec<String>,
    /// For each group with a selection: its parameter, its attribute, the filter of the other
    /// groups.
    disjunctive: Vec<(&'static str, [&'static str; 1], String)>,
}

/// The radius filter of a structures search: Meilisearch's own (the structures index has a
/// geo index; the offers index goes through `nearby::radius_filter`).
pub fn structures_radius(query: &SearchQuery) -> Option<String> {
    let (origin, km) = query.origin.zip(query.radius_km)?;
    Some(format!("_geoRadius({}, {}, {})", origin.lat, origin.lng, u64::from(km) * 1000))
}

impl Plan {
    /// The request for `query`, whose radius (if any) `geo` filters.
    pub fn new(query: &SearchQuery, geo: Option<&str>) -> Self {
        let groups = groups(query);
        let main_filter = filter(query, &groups, None, geo);
        let unbounded_filter = filter(query, &groups, None, None);
        let sort = match (query.sort, query.origin) {
            (Sort::Name, _) => {
                let key = if query.target == Target::Offers { "title:asc" } else { "name:asc" };
                vec![key.to_owned()]
            }
            (Sort::Recent, _) => vec!["updated_at:desc".to_owned()],
            // Offers are ordered by `nearby::nearest`, structures by Meilisearch.
            (Sort::Distance, Some(p)) if query.target == Target::Structures => {
                vec![format!("_geoPoint({}, {}):asc", p.lat, p.lng)]
            }
            _ => Vec::new(),
        };
        let disjunctive = groups
            .iter()
            .filter(|g| !g.selected.is_empty())
            .map(|g| (g.param, [g.attribute], filter(query, &groups, Some(g.param), geo)))
            .collect();
        Self {
            groups,
            text: query.text.clone(),
            page: query.page as usize,
            target: query.target,
            main_filter,
            unbounded_filter,
            sort,
            disjunctive,
        }
    }

    /// The groups counted by the disjunctive queries, in the order of their answers (after
    /// the first answer, which holds the hits).
    pub fn disjunctive_groups(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.disjunctive.iter().map(|(param, [attribute], _)| (*param, *attribute))
    }

    /// Sends the multi-search to Meilisearch.
    pub async fn execute(
        &self,
        client: &Client,
        index: &Index,
    ) -> Result<MultiSearchResponse<Map<String, Value>>, meilisearch_sdk::errors::Error> {
        let keys: Vec<&str> = self.sort.iter().map(String::as_str).collect();
        self.request(client, index, &keys).execute().await
    }

    /// The body of the multi-search, as sent to Meilisearch's `POST /multi-search`: what the
    /// tests read to check the request.
    #[cfg(test)]
    fn body(&self, client: &Client, index: &Index) -> Value {
        let keys: Vec<&str> = self.sort.iter().map(String::as_str).collect();
        serde_json::to_value(self.request(client, index, &keys)).unwrap_or(Value::Null)
    }

    /// The hits first, then one count per selected group.
    fn request<'a>(
        &'a self,
        client: &'a Client,
        index: &'a Index,
        sort: &'a [&'a str],
    ) -> MultiSearchQuery<'a, 'a> {
        let mut multi = client.multi_search();
        multi.with_search_query(self.main(index, sort));
        for (_, attribute, others) in &self.disjunctive {
            let mut counts = MeiliQuery::new(index);
            counts.with_query(&self.text).with_facets(Selectors::Some(attribute)).with_limit(0);
            if !others.is_empty() {
                counts.with_filter(others);
            }
            multi.with_search_query(counts);
        }
        multi
    }

    /// The hits of `ids` (a page ordered elsewhere), highlighted like the main query's.
    pub async fn hits_of(
        &self,
        index: &Index,
        ids: &[String],
    ) -> Result<Vec<SearchResult<Map<String, Value>>>, meilisearch_sdk::errors::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let filter = format!("id IN [{}]", quoted_list(ids.iter()));
        let mut query = self.main(index, &[]);
        query.with_filter(&filter).with_page(1).with_facets(Selectors::Some(&[]));
        Ok(query.execute::<Map<String, Value>>().await?.hits)
    }

    fn main<'a>(
        &'a self,
        index: &'a Index,
        sort: &'a [&'a str],
    ) -> MeiliQuery<'a, DefaultHttpClient> {
        let (attributes, highlight): (&'static [&'static str], &'static [&'static str]) =
            match self.target {
                Target::Offers => (
                    &[
                        "kinds",
                        "families",
                        "sector",
                        "service_kind",
                        "commune_insee",
                        "labels",
                        "hqs_label",
                    ],
                    &["title", "description"],
                ),
                Target::Structures => (
                    &[
                        "kinds",
                        "families",
                        "sectors",
                        "service_kinds",
                        "commune_insee",
                        "labels",
                        "hqs_label",
                    ],
                    &["name", "description"],
                ),
            };
        let crop: &'static [(&'static str, Option<usize>)] = &[("description", None)];
        let mut main = MeiliQuery::new(index);
        main.with_query(&self.text)
            .with_facets(Selectors::Some(attributes))
            .with_hits_per_page(PER_PAGE as usize)
            .with_page(self.page)
            .with_attributes_to_highlight(Selectors::Some(highlight))
            .with_attributes_to_crop(Selectors::Some(crop))
            .with_crop_length(30)
            .with_highlight_pre_tag(MARK_START)
            .with_highlight_post_tag(MARK_END);
        if !self.main_filter.is_empty() {
            main.with_filter(&self.main_filter);
        }
        if !sort.is_empty() {
            main.with_sort(sort);
        }
        main
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_count_query_per_selected_group_without_its_own_filter() {
        let query = SearchQuery::from_pairs([
            ("secteur", "espaces-verts"),
            ("secteur", "nettoyage-locaux"),
            ("type", "ESAT"),
        ]);
        let plan = Plan::new(&query, None);
        let groups: Vec<_> = plan.disjunctive_groups().collect();
        assert_eq!(groups, [("type", "kinds"), ("secteur", "sector")]);
        let client = Client::new("http://127.0.0.1:1", None::<&str>).expect("client");
        let index = client.index("offers");
        let body = plan.body(&client, &index);
        let queries = body["queries"].as_array().expect("queries");
        assert_eq!(queries.len(), 3);
        assert_eq!(
            queries[0]["filter"],
            "kinds IN [\"ESAT\"] AND sector IN [\"espaces-verts\", \"nettoyage-locaux\"]"
        );
        assert_eq!(queries[1]["filter"], "sector IN [\"espaces-verts\", \"nettoyage-locaux\"]");
        assert_eq!(queries[2]["filter"], "kinds IN [\"ESAT\"]");
        assert_eq!(queries[2]["limit"], 0);
        assert!(queries.iter().all(|q| q["indexUid"] == "offers"));
    }
}
