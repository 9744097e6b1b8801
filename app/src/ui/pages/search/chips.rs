//! The filters a search holds, shown above its results as chips: each names one filter and
//! links to the same search without it. Links, not buttons, so that they work without
//! JavaScript and, hydrated, navigate without a reload like any link of the router.

use leptos::prelude::*;

use crate::domain::{
    directory::communes,
    search::{Facet, SearchQuery},
};

/// One chip: what it says, and the address of the search without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub text: String,
    pub without: String,
}

/// Parameters that are not filters: the text (it has its own box), what is searched, the
/// order and the page.
const NOT_FILTERS: [&str; 5] = ["q", "cible", "tri", "page", "lng"];

/// The chips of `query`, in address order; labels come from `facets` when a facet names the
/// value, else from the parameter itself.
pub fn chips(query: &SearchQuery, facets: &[Facet]) -> Vec<Chip> {
    let pairs = query.to_pairs();
    pairs
        .iter()
        .enumerate()
        .filter(|(_, (key, _))| !NOT_FILTERS.contains(key))
        .map(|(index, (key, value))| {
            // A position is one filter of two parameters: both go together.
            let dropped = |i: usize, k: &str| i == index || (*key == "lat" && k == "lng");
            let kept = pairs
                .iter()
                .enumerate()
                .filter(|(i, (k, _))| !dropped(*i, k) && *k != "page")
                .map(|(_, (k, v))| (*k, v.as_str()));
            Chip { text: text_of(key, value, facets), without: address(kept) }
        })
        .collect()
}

/// The search page's address for these parameters, read back as a search would read them.
fn address<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    match SearchQuery::from_pairs(pairs).query_string() {
        none if none.is_empty() => "/recherche".to_owned(),
        some => format!("/recherche?{some}"),
    }
}

fn text_of(key: &str, value: &str, facets: &[Facet]) -> String {
    let named = facets
        .iter()
        .find(|f| f.param == key)
        .and_then(|f| f.values.iter().find(|v| v.value == value).map(|v| (&f.title, &v.label)));
    if let Some((title, label)) = named {
        return format!("{title} : {label}");
    }
    match key {
        "esus" => "Agrément ESUS".to_owned(),
        "profil" => "Satisfait le profil HQS choisi".to_owned(),
        "pres_de" => {
            let name = communes::find(value).map_or(value, |c| c.name);
            format!("Près de {name}")
        }
        "lat" => "Autour de ma position".to_owned(),
        "rayon" => format!("Dans un rayon de {value} km"),
        _ => value.to_owned(),
    }
}

/// The chips above the results, and a link that keeps only the text searched.
#[component]
pub fn FilterChips(query: SearchQuery, facets: Vec<Facet>) -> impl IntoView {
    let chips = chips(&query, &facets);
    if chips.is_empty() {
        return ().into_any();
    }
    let pairs = query.to_pairs();
    let clear = address(
        pairs.iter().filter(|(k, _)| ["q", "cible"].contains(k)).map(|(k, v)| (*k, v.as_str())),
    );
    view! {
        <div class="chips" id="filter-chips">
            <span class="sr-only">"Filtres choisis :"</span>
            <ul class="chip-list">
                {chips.into_iter().map(|chip| view! {
                    <li>
                        <a class="chip" href=chip.without title="Retirer ce filtre">
                            {chip.text}
                            <span aria-hidden="true">" ✕"</span>
                            <span class="sr-only">" (retirer)"</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
            <a class="chips-clear" id="clear-filters" href=clear>"Tout effacer"</a>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search::FacetValue;

    fn facets() -> Vec<Facet> {
        vec![Facet {
            param: "type".into(),
            title: "Type".into(),
            values: vec![FacetValue {
                value: "ESAT".into(),
                label: "Établissement et service d'aide par le travail (ESAT)".into(),
                count: 3,
                selected: true,
            }],
        }]
    }

    fn query(address: &str) -> SearchQuery {
        SearchQuery::from_pairs(address.split('&').filter_map(|p| p.split_once('=')))
    }

    #[test]
    fn each_filter_is_a_chip_whose_link_drops_it_and_the_page() {
        let q =
            query("q=tonte&type=ESAT&type=EA&esus=1&pres_de=38185&rayon=10&tri=distance&page=3");
        let chips = chips(&q, &facets());
        let texts: Vec<&str> = chips.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "EA",
                "Type : Établissement et service d'aide par le travail (ESAT)",
                "Agrément ESUS",
                "Près de Grenoble",
                "Dans un rayon de 10 km",
            ]
        );
        assert_eq!(
            chips[1].without,
            "/recherche?q=tonte&type=EA&esus=1&pres_de=38185&rayon=10&tri=distance"
        );
        assert_eq!(
            chips[2].without,
            "/recherche?q=tonte&type=EA&type=ESAT&pres_de=38185&rayon=10&tri=distance"
        );
    }

    #[test]
    fn a_position_is_one_chip_that_drops_both_coordinates() {
        let q = query("lat=45.1436&lng=5.7183&rayon=10");
        let chips = chips(&q, &[]);
        assert_eq!(chips.len(), 2);
        assert_eq!(chips[0].text, "Autour de ma position");
        assert_eq!(chips[0].without, "/recherche");
        assert!(!chips[1].without.contains("rayon"), "{}", chips[1].without);
    }

    #[test]
    fn text_order_and_page_are_not_chips() {
        assert!(chips(&query("q=jardin&cible=structures&tri=nom&page=2"), &[]).is_empty());
    }
}
