//! The JSON API against its OpenAPI document.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

fn validator(schema: &str) -> jsonschema::Validator {
    let doc: Value = serde_json::from_str(server::api::OPENAPI).unwrap();
    let root = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{schema}"),
        "components": doc["components"],
    });
    jsonschema::validator_for(&root).expect("the OpenAPI schemas are valid JSON Schema")
}

fn assert_valid(schema: &str, value: &Value) {
    let v = validator(schema);
    let errors: Vec<String> = v
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema} does not match the document: {errors:#?}"
    );
}

#[tokio::test]
async fn model_matches_its_schema() {
    let res = get(router(), "/api/v1/model").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "access-control-allow-origin"), "*");
    let body: Value = serde_json::from_str(&text(res).await).unwrap();
    assert_valid("Model", &body);
    assert_eq!(body["id"], "aws-orchestration");
    assert_eq!(body["options"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn recommendations_match_their_schema_for_many_answer_sets() {
    for q in [
        "",
        "duration=hours",
        "duration=over-year",
        "duration=seconds&waits=human",
        "coordination=independent&bogus=1&rate=lots",
        "languages=go&languages=rust&languages=dotnet&definition=visual&services=many&duration=hours",
    ] {
        let res = get(router(), &format!("/api/v1/recommendation?{q}")).await;
        assert_eq!(res.status(), StatusCode::OK, "{q}");
        assert_eq!(header(&res, "access-control-allow-origin"), "*");
        let body: Value = serde_json::from_str(&text(res).await).unwrap();
        assert_valid("Recommendation", &body);
        assert_eq!(body["ranking"].as_array().unwrap().len(), 4);
    }
}

#[tokio::test]
async fn unknown_keys_are_notices_not_errors() {
    let res = get(
        router(),
        "/api/v1/recommendation?duration=hours&colour=blue&rate=lots",
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = serde_json::from_str(&text(res).await).unwrap();
    let notices = body["notices"].as_array().unwrap();
    assert!(notices
        .iter()
        .any(|n| n["key"] == "colour" && n["kind"] == "unknown-question"));
    assert!(notices
        .iter()
        .any(|n| n["key"] == "rate" && n["kind"] == "invalid-value"));
    assert_eq!(body["answers"]["duration"][0], "hours");
}

#[tokio::test]
async fn unreadable_query_is_a_400_problem() {
    let res = get(router(), "/api/v1/recommendation?duration=%ZZ").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(header(&res, "content-type"), "application/problem+json");
    let body: Value = serde_json::from_str(&text(res).await).unwrap();
    assert_valid("Problem", &body);
    assert_eq!(body["status"], 400);
}

#[tokio::test]
async fn openapi_document_is_served_and_names_every_route() {
    let res = get(router(), "/api/v1/openapi.json").await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = serde_json::from_str(&text(res).await).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/model",
        "/api/v1/recommendation",
        "/api/v1/openapi.json",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
}
