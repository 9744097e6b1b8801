//! The Meilisearch request a catalogue search makes: one multi-search holding the query for
//! the hits (with the counts of the facet groups nobody picked a value in) and, for each group
//! with a selected value, a query counting that group with the *other* groups applied
//! (disjunctive facets: picking a second sector keeps the sector counts as they were). Every
//! group is counted from the one `tags` attribute (`domain::search::tags`).

use crate::domain::Code;
use meilisearch_sdk::{
    DefaultHttpClient,
    client::Client,
    indexes::Index,
    search::{
        MatchingStrategies, MultiSearchQuery, MultiSearchResponse, SearchQuery as MeiliQuery,
        SearchResult, Selectors,
    },
};

use super::nearby::Slice;
use crate::{
    domain::search::{
        SearchQuery, Sort, Target,
        query::PER_PAGE,
        results::{MARK_END, MARK_START},
        tags,
    },
    search::hits::Retrieved,
};

/// How many of the query's words a document must match: every one (`all`), or the first ones
/// at least (`last`, Meilisearch's default: the documents matching all of them rank first, then
/// those matching all but the last word, and so on).
pub fn strategy(every_word: bool) -> MatchingStrategies {
    if every_word { MatchingStrategies::ALL } else { MatchingStrategies::LAST }
}

/// The attribute holding the facet panel's values.
pub const TAGS: &str = "tags";

/// A facet group: its address parameter (which is also its tags' prefix), its title.
pub struct Group {
    pub param: &'static str,
    pub title: &'static str,
    pub selected: Vec<String>,
}

pub fn groups(query: &SearchQuery) -> Vec<Group> {
    let codes = |values: Vec<&str>| values.into_iter().map(str::to_owned).collect();
    vec![
        Group {
            param: tags::KIND,
            title: "Type de structure",
            selected: codes(query.kinds.iter().map(|k| k.code()).collect()),
        },
        Group {
            param: tags::FAMILY,
            title: "Famille",
            selected: codes(query.families.iter().map(|f| f.code()).collect()),
        },
        Group { param: tags::SECTOR, title: "Secteur", selected: query.sectors.clone() },
        Group {
            param: tags::SERVICE,
            title: "Type de prestation",
            selected: codes(query.services.iter().map(|s| s.code()).collect()),
        },
        Group { param: tags::COMMUNE, title: "Commune", selected: query.communes.clone() },
        Group { param: tags::LABEL, title: "Labels", selected: query.labels.clone() },
        Group {
            param: tags::HQS,
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

/// `filter AND more`, either of them possibly empty.
pub fn and(filter: &str, more: &str) -> String {
    match (filter.is_empty(), more.is_empty()) {
        (true, _) => more.to_owned(),
        (_, true) => filter.to_owned(),
        _ => format!("{filter} AND {more}"),
    }
}

/// The filter of every group but `except`, plus ESUS and the HQS profile.
fn filter(query: &SearchQuery, groups: &[Group], except: Option<&str>) -> String {
    let mut parts: Vec<String> = groups
        .iter()
        .filter(|g| Some(g.param) != except && !g.selected.is_empty())
        .map(|g| {
            let values = g.selected.iter().map(|v| tags::tag(g.param, v));
            format!("{TAGS} IN [{}]", quoted_list(values))
        })
        .collect();
    if query.esus {
        parts.push("esus = true".to_owned());
    }
    if let Some(profile) = &query.profile {
        parts.push(format!("hqs_profiles = {}", quoted(profile)));
    }
    parts.join(" AND ")
}

/// Everything the request needs, owned, so that the SDK's borrowing queries can be built from
/// it. The radius is not in it: its filter (`nearby::radius_filter`) is given to
/// [`Plan::execute`], so that a distance-ordered page can be looked for meanwhile.
pub struct Plan {
    pub groups: Vec<Group>,
    pub text: String,
    page: usize,
    /// The filter of the search but its radius.
    pub filter: String,
    sort: Vec<String>,
    /// For each group with a selection: its parameter and the filter of the other groups.
    disjunctive: Vec<(&'static str, String)>,
    /// The page is ordered by distance elsewhere (`nearby`): the main query only counts.
    counts_only: bool,
    /// Only documents holding every word of the query (each word, a synonym of it, or the word
    /// within the typos allowed): when the results are ordered nearest first. Meilisearch
    /// ranks the documents that match every word above those that match fewer (its `words`
    /// rule comes before all others), so a relevance order shows partial matches after the
    /// full ones; a distance order would mix them in (« espaces verts » nearest first listed
    /// every offer saying « espaces » somewhere). Every query of a search (hits, counts, the
    /// distance order's disks and slices) keeps the same documents.
    pub every_word: bool,
}

impl Plan {
    pub fn new(query: &SearchQuery) -> Self {
        let groups = groups(query);
        let main = filter(query, &groups, None);
        let sort = match query.sort {
            Sort::Name => {
                let key = if query.target == Target::Offers { "title:asc" } else { "name:asc" };
                vec![key.to_owned()]
            }
            Sort::Recent => vec!["updated_at:desc".to_owned()],
            Sort::Relevance | Sort::Distance => Vec::new(),
        };
        let disjunctive = groups
            .iter()
            .filter(|g| !g.selected.is_empty())
            .map(|g| (g.param, filter(query, &groups, Some(g.param))))
            .collect();
        Self {
            groups,
            text: query.text.clone(),
            page: query.page as usize,
            filter: main,
            sort,
            disjunctive,
            counts_only: query.sort == Sort::Distance && query.origin.is_some(),
            every_word: query.sort == Sort::Distance && query.origin.is_some(),
        }
    }

    /// The groups counted by the disjunctive queries, in the order of their answers (after
    /// the first answer, which holds the hits).
    pub fn disjunctive_groups(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.disjunctive.iter().map(|(param, _)| *param)
    }

    /// Sends the multi-search to Meilisearch, within the radius `geo` filters (if any), the
    /// hits read as `T` (the documents of `index`).
    pub async fn execute<T: Retrieved>(
        &self,
        client: &Client,
        index: &Index,
        geo: Option<&str>,
    ) -> Result<MultiSearchResponse<T>, meilisearch_sdk::errors::Error> {
        let (main, counts) = self.filters(geo);
        let keys: Vec<&str> = self.sort.iter().map(String::as_str).collect();
        self.request::<T>(client, index, &main, &counts, &keys).execute().await
    }

    /// The main query's filter and each count's, with the radius.
    fn filters(&self, geo: Option<&str>) -> (String, Vec<String>) {
        let geo = geo.unwrap_or_default();
        let counts = self.disjunctive.iter().map(|(_, filter)| and(filter, geo)).collect();
        (and(&self.filter, geo), counts)
    }

    /// The body of the multi-search, as sent to Meilisearch's `POST /multi-search`: what the
    /// tests read to check the request.
    #[cfg(test)]
    fn body<T: Retrieved>(
        &self,
        client: &Client,
        index: &Index,
        geo: Option<&str>,
    ) -> serde_json::Value {
        let (main, counts) = self.filters(geo);
        let keys: Vec<&str> = self.sort.iter().map(String::as_str).collect();
        serde_json::to_value(self.request::<T>(client, index, &main, &counts, &keys))
            .unwrap_or_default()
    }

    /// The hits first, then one count per selected group (`counts` in the groups' order).
    fn request<'a, T: Retrieved>(
        &'a self,
        client: &'a Client,
        index: &'a Index,
        main: &'a str,
        counts: &'a [String],
        sort: &'a [&'a str],
    ) -> MultiSearchQuery<'a, 'a> {
        let mut multi = client.multi_search();
        multi.with_search_query(self.main::<T>(index, main, sort));
        for others in counts {
            let mut counts = MeiliQuery::new(index);
            counts
                .with_query(&self.text)
                .with_matching_strategy(strategy(self.every_word))
                .with_facets(Selectors::Some(&[TAGS]))
                .with_limit(0);
            if !others.is_empty() {
                counts.with_filter(others);
            }
            multi.with_search_query(counts);
        }
        multi
    }

    /// The hits of a page ordered elsewhere, one answer per slice of places, highlighted like
    /// the main query's.
    pub async fn slices<T: Retrieved>(
        &self,
        client: &Client,
        index: &Index,
        slices: &[Slice],
    ) -> Result<Vec<Vec<SearchResult<T>>>, meilisearch_sdk::errors::Error> {
        if slices.is_empty() {
            return Ok(Vec::new());
        }
        let filters: Vec<String> = slices.iter().map(|s| and(&self.filter, &s.filter())).collect();
        let mut multi = client.multi_search();
        for (slice, filter) in slices.iter().zip(&filters) {
            let mut query = self.shown::<T>(index);
            query.with_filter(filter).with_offset(slice.offset).with_limit(slice.limit);
            multi.with_search_query(query);
        }
        let answers = multi.execute::<T>().await?;
        Ok(answers.results.into_iter().map(|answer| answer.hits).collect())
    }

    /// The query for the hits and the counts of the groups nobody picked a value in.
    fn main<'a, T: Retrieved>(
        &'a self,
        index: &'a Index,
        filter: &'a str,
        sort: &'a [&'a str],
    ) -> MeiliQuery<'a, DefaultHttpClient> {
        let mut main = self.shown::<T>(index);
        main.with_facets(Selectors::Some(&[TAGS]))
            .with_hits_per_page(if self.counts_only { 0 } else { PER_PAGE as usize })
            .with_page(self.page);
        if !filter.is_empty() {
            main.with_filter(filter);
        }
        if !sort.is_empty() {
            main.with_sort(sort);
        }
        main
    }

    /// A query whose hits are shown: the text, with matches highlighted, and only the fields
    /// a hit shows (`search::hits`).
    fn shown<'a, T: Retrieved>(&'a self, index: &'a Index) -> MeiliQuery<'a, DefaultHttpClient> {
        let crop: &'static [(&'static str, Option<usize>)] = &[("description", None)];
        let mut query = MeiliQuery::new(index);
        query
            .with_query(&self.text)
            .with_matching_strategy(strategy(self.every_word))
            .with_attributes_to_retrieve(Selectors::Some(T::RETRIEVE))
            .with_attributes_to_highlight(Selectors::Some(T::HIGHLIGHT))
            .with_attributes_to_crop(Selectors::Some(crop))
            .with_crop_length(30)
            .with_highlight_pre_tag(MARK_START)
            .with_highlight_post_tag(MARK_END);
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::hits::OfferHit;

    #[test]
    fn one_count_query_per_selected_group_without_its_own_filter() {
        let query = SearchQuery::from_pairs([
            ("secteur", "espaces-verts"),
            ("secteur", "nettoyage-locaux"),
            ("type", "ESAT"),
        ]);
        let plan = Plan::new(&query);
        let groups: Vec<_> = plan.disjunctive_groups().collect();
        assert_eq!(groups, ["type", "secteur"]);
        let client = Client::new("http://127.0.0.1:1", None::<&str>).expect("client");
        let index = client.index("offers");
        let body = plan.body::<OfferHit>(&client, &index, None);
        let queries = body["queries"].as_array().expect("queries");
        assert_eq!(queries.len(), 3);
        assert_eq!(
            queries[0]["filter"],
            "tags IN [\"type:ESAT\"] AND tags IN [\"secteur:espaces-verts\", \"secteur:nettoyage-locaux\"]"
        );
        assert_eq!(
            queries[1]["filter"],
            "tags IN [\"secteur:espaces-verts\", \"secteur:nettoyage-locaux\"]"
        );
        assert_eq!(queries[2]["filter"], "tags IN [\"type:ESAT\"]");
        assert_eq!(queries[2]["limit"], 0);
        assert!(queries.iter().all(|q| q["indexUid"] == "offers" && q["facets"][0] == "tags"));
    }

    #[test]
    fn a_distance_ordered_search_only_counts_in_its_main_query() {
        let client = Client::new("http://127.0.0.1:1", None::<&str>).expect("client");
        let index = client.index("offers");
        let near = SearchQuery::from_pairs([("pres_de", "38185"), ("tri", "distance")]);
        let body = Plan::new(&near).body::<OfferHit>(&client, &index, Some("cells IN [\"5:1:2\"]"));
        assert_eq!(body["queries"][0]["hitsPerPage"], 0);
        assert_eq!(body["queries"][0]["filter"], "cells IN [\"5:1:2\"]");
        assert_eq!(body["queries"][0]["matchingStrategy"], "all", "nearest first: full matches");
        let by_name = SearchQuery::from_pairs([("tri", "nom"), ("type", "ESAT")]);
        let body =
            Plan::new(&by_name).body::<OfferHit>(&client, &index, Some("cells IN [\"5:1:2\"]"));
        assert_eq!(body["queries"][0]["hitsPerPage"], PER_PAGE);
        assert_eq!(body["queries"][1]["filter"], "cells IN [\"5:1:2\"]", "counts keep the radius");
        assert_eq!(body["queries"][0]["sort"][0], "title:asc");
        assert_eq!(body["queries"][0]["matchingStrategy"], "last");
        assert_eq!(body["queries"][1]["matchingStrategy"], "last");
    }

    #[test]
    fn filters_join_with_and_whichever_is_empty() {
        assert_eq!(and("", "b"), "b");
        assert_eq!(and("a", ""), "a");
        assert_eq!(and("a", "b"), "a AND b");
    }
}
