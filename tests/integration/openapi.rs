//! The API's OpenAPI description, generated from the code: every route under `/api/v1` is in
//! it and served, every parameter the search reads is documented, and the results' schema has
//! every field the JSON holds.

use std::collections::BTreeSet;

use app::domain::{
    Code,
    search::{Hit, SearchResults, Segment, params::Param},
};
use serde_json::Value;
use server::http::api_v1;
use strum::VariantArray;
use tests::{TestApp, spawn_app};

async fn served_description(app: &TestApp) -> Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON")
}

/// The generated description, without a server.
fn description() -> Value {
    serde_json::to_value(api_v1::document()).expect("serialisable")
}

/// The schema a `$ref` points to, or the schema itself.
fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.strip_prefix("#/components/schemas/").expect("local reference");
            &document["components"]["schemas"][name]
        }
        None => schema,
    }
}

fn property_names(schema: &Value) -> BTreeSet<String> {
    schema["properties"].as_object().expect("properties").keys().cloned().collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().expect("object").keys().cloned().collect()
}

#[tokio::test]
async fn every_documented_route_is_served_under_the_prefix() {
    let app = spawn_app().await;
    let served = served_description(&app).await;
    assert_eq!(served, description(), "the server serves the generated description");
    assert_eq!(served["openapi"], "3.1.0");
    assert_eq!(served["info"]["version"], "1");
    assert!(served["info"]["title"].as_str().expect("title").starts_with("Ecossol"));
    let paths = served["paths"].as_object().expect("paths");
    assert!(!paths.is_empty());
    for (path, operations) in paths {
        assert!(path.starts_with(api_v1::PREFIX), "{path} is under {}", api_v1::PREFIX);
        let operations = operations.as_object().expect("operations");
        assert!(!operations.is_empty(), "{path}: an operation");
        for method in operations.keys() {
            // Served by a route, not by the 404 page (the search may be unavailable so early;
            // a writing route refuses a request without a token).
            let request = match method.as_str() {
                "get" => app.client.get(app.url(path)),
                "post" => app.client.post(app.url(path)),
                other => panic!("{path}: an unexpected {other} operation"),
            };
            let status = request.send().await.expect("request").status();
            assert_ne!(status, 404, "{method} {path} is served");
            assert_ne!(status, 405, "{method} {path} is served");
        }
    }
    assert_eq!(app.get(&format!("{}/inconnu", api_v1::PREFIX)).await.status(), 404);
}

#[test]
fn every_parameter_the_search_reads_is_documented() {
    let document = description();
    let parameters = document["paths"]["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .expect("the search's parameters");
    let documented: BTreeSet<&str> = parameters
        .iter()
        .inspect(|p| {
            assert_eq!((&p["in"], &p["required"]), (&"query".into(), &false.into()), "{p}")
        })
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    let read: BTreeSet<&str> = Param::VARIANTS.iter().map(|p| p.code()).collect();
    assert_eq!(documented, read, "documented parameters = parameters the parser reads");
    for parameter in parameters {
        let description = parameter["description"].as_str().unwrap_or_default();
        assert!(!description.is_empty(), "{} has a description", parameter["name"]);
    }
}

#[test]
fn the_results_schema_has_every_field_of_the_json() {
    let document = description();
    let response = &document["paths"]["/api/v1/search"]["get"]["responses"]["200"];
    let results = resolve(&document, &response["content"]["application/json"]["schema"]);
    let segment = Segment { text: "Entretien".into(), matched: true };
    let hit = Hit {
        id: "1".into(),
        url: "/offres/1".into(),
        title: vec![segment.clone()],
        excerpt: vec![segment],
        subtitle: "ESAT du Vercors · Grenoble".into(),
        kinds: vec!["ESAT".into()],
        labels: vec![],
        esus: false,
        hqs_label: Some("or".into()),
        price: Some("28 €".into()),
        distance_m: Some(1200),
    };
    let example = SearchResults {
        total: 1,
        hits: vec![hit],
        facets: vec![],
        page: 1,
        pages: 1,
        suggestions: vec![],
    };
    let json = serde_json::to_value(&example).expect("serialisable");
    assert_eq!(property_names(results), keys(&json));
    let hit_schema = resolve(&document, &results["properties"]["hits"]["items"]);
    let hit_fields = property_names(hit_schema);
    assert_eq!(hit_fields, keys(&json["hits"][0]));
    assert!(hit_fields.contains("hqs_label"));
    let segment_schema = resolve(&document, &hit_schema["properties"]["title"]["items"]);
    assert_eq!(property_names(segment_schema), keys(&json["hits"][0]["title"][0]));
    assert!(document["components"]["schemas"]["Facet"]["properties"]["values"].is_object());
}

#[test]
fn posting_a_need_takes_the_form_s_fields_and_a_bearer_token() {
    let document = description();
    let operation = &document["paths"]["/api/v1/needs"]["post"];
    let body =
        resolve(&document, &operation["requestBody"]["content"]["application/json"]["schema"]);
    let mut form =
        keys(&serde_json::to_value(app::domain::needs::NeedForm::default()).expect("json"));
    form.insert("submit".to_owned());
    assert_eq!(property_names(body), form, "the API takes the need form's fields, and submit");
    let created =
        resolve(&document, &operation["responses"]["201"]["content"]["application/json"]["schema"]);
    assert_eq!(property_names(created), ["id", "state", "url"].map(String::from).into());
    assert_eq!(operation["security"][0]["jeton"], serde_json::json!([]));
    let scheme = &document["components"]["securitySchemes"]["jeton"];
    assert_eq!((&scheme["type"], &scheme["scheme"]), (&"http".into(), &"bearer".into()));
    for status in ["401", "403", "409", "413", "422", "429"] {
        assert!(operation["responses"][status].is_object(), "{status} is documented");
    }
}
