//! Turning Meilisearch's hits into the page's, and checking them against the database.

use meilisearch_sdk::search::SearchResult;
use serde_json::Value;

use crate::{
    domain::{
        directory::Price,
        geo::haversine_km,
        search::{Hit, places, query::Point, results::segments},
    },
    search::hits::{OfferHit, OfferText, Retrieved, StructureHit, StructureText},
};

/// What a hit shows of its own kind of document.
pub struct Card {
    pub title: String,
    pub excerpt: String,
    pub url: String,
    pub subtitle: String,
    pub price: Option<String>,
}

/// A document type whose hits the catalogue shows.
pub trait Shown: Retrieved {
    /// The card, with `text` (highlighted when Meilisearch answered so).
    fn card(&self, text: Self::Text) -> Card;
}

impl Shown for OfferHit {
    fn card(&self, text: OfferText) -> Card {
        let subtitle = [Some(&self.structure_name), self.facets.commune.as_ref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" · ");
        let price = if self.on_quote {
            Some(Price::OnQuote.label())
        } else {
            self.price_cents.map(|c| Price::Cents(c).label())
        };
        Card {
            title: text.title,
            excerpt: text.description,
            url: format!("/offres/{}", self.slug),
            subtitle,
            price,
        }
    }
}

impl Shown for StructureHit {
    fn card(&self, text: StructureText) -> Card {
        Card {
            title: text.name,
            excerpt: text.description.unwrap_or_default(),
            url: format!("/structures/{}", self.slug),
            subtitle: self.facets.commune.clone().unwrap_or_default(),
            price: None,
        }
    }
}

/// The text to show: Meilisearch's highlighted one, else the document's.
fn text<T: Retrieved>(found: &SearchResult<T>) -> T::Text {
    let highlighted = found.formatted_result.as_ref().and_then(|formatted| {
        serde_json::from_value(Value::Object(formatted.clone()))
            .inspect_err(|error| tracing::warn!(%error, "unreadable highlighted hit"))
            .ok()
    });
    highlighted.unwrap_or_else(|| found.result.text().clone())
}

pub fn hit<T: Shown>(found: &SearchResult<T>, origin: Option<Point>) -> Hit {
    let document = &found.result;
    let facets = document.facets();
    let card = document.card(text(found));
    Hit {
        id: document.id().to_owned(),
        url: card.url,
        title: segments(&card.title),
        excerpt: segments(&card.excerpt),
        subtitle: card.subtitle,
        kinds: facets.kinds.clone(),
        labels: facets.labels.clone(),
        esus: facets.esus,
        hqs_label: facets.hqs_label.clone(),
        price: card.price,
        // No index has a geo index: the distance is measured here from the place.
        distance_m: origin.and_then(|origin| {
            let at = places::parse(facets.place.as_deref()?)?;
            Some((haversine_km((origin.lat, origin.lng), (at.lat, at.lng)) * 1000.0).round() as u64)
        }),
    }
}
