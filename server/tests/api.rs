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
        "/api/v1/adr",
        "/api/v1/openapi.json",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
}

#[tokio::test]
async fn recommendation_carries_cost_crossovers_numbers_and_links() {
    let q = "runs_per_month=1000000&steps=10&duration=1s&memory_mb=128&free_tier=exclude&rate=40";
    let res = get(router(), &format!("/api/v1/recommendation?{q}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = serde_json::from_str(&text(res).await).unwrap();
    assert_valid("Recommendation", &body);
    for r in body["ranking"].as_array().unwrap() {
        let cost = &r["cost"];
        let monthly = cost["monthly_usd"].as_f64().unwrap();
        let parts: f64 = cost["breakdown"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["usd"].as_f64().unwrap())
            .sum();
        assert!(
            (parts - monthly).abs() < 0.01,
            "{}: {parts} vs {monthly}",
            r["option"]
        );
        assert!(!cost["facts"].as_array().unwrap().is_empty());
        assert!(cost["per_million_runs_usd"].as_f64().unwrap() > 0.0);
    }
    let standard = body["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["option"] == "step-functions-standard")
        .unwrap();
    // 10 steps and the start and end transitions at $25 per million: about $250 a month for
    // a million runs (shared/guide/corrections.md's worked check), before Lambda's part.
    let transitions = standard["cost"]["breakdown"][0]["usd"].as_f64().unwrap();
    assert!((240.0..=300.0).contains(&transitions), "{transitions}");
    assert!(body["cost_crossovers"].is_array());
    assert_eq!(body["numbers"]["runs_per_month"], 1_000_000.0);
    assert_eq!(body["numbers"]["rate"], 40.0);
    for key in ["page", "short", "compare", "whatif", "adr"] {
        assert!(
            body["links"][key].as_str().unwrap().starts_with('/'),
            "{key}"
        );
    }
}

#[tokio::test]
async fn decision_record_downloads_as_markdown_with_a_file_name() {
    for path in [
        "/api/v1/adr?duration=days&waits=human",
        "/adr?duration=days&waits=human",
    ] {
        let res = get(router(), path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(
            header(&res, "content-type").starts_with("text/markdown"),
            "{path}"
        );
        let disposition = header(&res, "content-disposition").to_owned();
        assert!(
            disposition.starts_with("attachment; filename=\""),
            "{disposition}"
        );
        assert!(disposition.ends_with(".md\""), "{disposition}");
        let md = text(res).await;
        for heading in [
            "## Context and Problem Statement",
            "## Decision Drivers",
            "## Considered Options",
            "## Decision Outcome",
        ] {
            assert!(md.contains(heading), "{path} lacks {heading}");
        }
    }
    // The same record through a short link; a damaged code is a 404 that says why.
    let model = decision::load::builtin();
    let q = decision::PageQuery::parse(&model, "duration=days&waits=human");
    let code = decision::shortcode::encode(&model, &q.answers);
    let res = get(router(), &format!("/r/{code}/adr")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.contains("## Decision Outcome"));
    let res = get(router(), "/r/!!!/adr").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn browsers_on_other_origins_may_call_the_api() {
    let res = send(
        router(),
        axum::http::Request::options("/api/v1/recommendation")
            .header("origin", "https://wiki.example.com")
            .header("access-control-request-method", "GET")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert!(res.status().is_success());
    assert_eq!(header(&res, "access-control-allow-origin"), "*");
}
