//! The JSON API (`/api/v1`): the model, recommendations, and the OpenAPI document.

use crate::error::ApiError;
use crate::state::AppState;
use app::model::answers::{parse_pairs, Answers, Notice};
use app::model::{evaluate, shortcode, Evaluation};
use axum::extract::{RawQuery, State};
use axum::http::{header, Method};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tower_http::cors::{Any, CorsLayer};

/// The OpenAPI 3.1 description of this API; a test checks real responses against it.
pub const OPENAPI: &str = include_str!("openapi.json");

/// `/api/v1/*`, with CORS so scripts and wiki pages on other origins can call it.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/model", get(model))
        .route("/api/v1/recommendation", get(recommendation))
        .route("/api/v1/openapi.json", get(openapi))
        .layer(CorsLayer::new().allow_origin(Any).allow_methods([
            Method::GET,
            Method::HEAD,
            Method::OPTIONS,
        ]))
}

async fn model(State(state): State<AppState>) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        state.model_json.to_string(),
    )
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Links that open the same answers in the product.
#[derive(Serialize)]
struct Links {
    page: String,
    short: String,
    compare: String,
}

#[derive(Serialize)]
struct Recommendation {
    #[serde(flatten)]
    evaluation: Evaluation,
    answers: Answers,
    notices: Vec<Notice>,
    links: Links,
}

async fn recommendation(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<impl Serialize>, ApiError> {
    let pairs = parse_pairs(query.as_deref().unwrap_or(""))?;
    let model = &state.model;
    let (answers, notices) =
        Answers::from_pairs(model, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let evaluation = evaluate(model, &answers);
    let links = Links {
        page: app::state::link("/", model, &answers, &[]),
        short: format!("/r/{}", shortcode::encode(model, &answers)),
        compare: app::state::link("/compare", model, &answers, &[]),
    };
    Ok(Json(Recommendation {
        evaluation,
        answers,
        notices,
        links,
    }))
}
