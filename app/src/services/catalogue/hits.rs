//! Turning Meilisearch's hits into the page's, and checking them against the database.

use serde_json::{Map, Value};

use crate::{
    db::Db,
    domain::{
        directory::Price,
        geo::haversine_km,
        search::{Hit, Target, places, query::Point, results::segments},
    },
};

pub fn text(map: &Map<String, Value>, key: &str) -> String {
    map.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn strings(map: &Map<String, Value>, key: &str) -> Vec<String> {
    map.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

pub fn hit(
    target: Target,
    result: &Map<String, Value>,
    formatted: Option<&Map<String, Value>>,
    origin: Option<Point>,
) -> Hit {
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
        hqs_label: result.get("hqs_label").and_then(Value::as_str).map(str::to_owned),
        price,
        // No index has a geo index: the distance is measured here from the place.
        distance_m: origin.and_then(|origin| {
            let at = places::parse(result.get("place")?.as_str()?)?;
            Some((haversine_km((origin.lat, origin.lng), (at.lat, at.lng)) * 1000.0).round() as u64)
        }),
    }
}

/// The ids among `ids` that are public now. The query looks the ids up by primary key and
/// the statuses are compared here: a status condition in SQL may lead SQLite to scan every
/// published offer instead.
pub async fn public_ids(
    db: &Db,
    target: Target,
    ids: &[String],
) -> Result<Vec<String>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = match target {
        Target::Offers => format!(
            "SELECT o.id, o.status, s.status FROM offers o JOIN structures s ON s.id = o.structure_id \
             WHERE o.id IN ({})",
            placeholders.join(", ")
        ),
        Target::Structures => format!(
            "SELECT id, status, status FROM structures WHERE id IN ({})",
            placeholders.join(", ")
        ),
    };
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    Ok(query
        .fetch_all(db)
        .await?
        .into_iter()
        .filter(|(_, own, structure)| own == "published" && structure == "published")
        .map(|(id, _, _)| id)
        .collect())
}
