//! The JSON API (`/api/v1`): the model, recommendations with limits, architecture and cost,
//! the decision record, and the OpenAPI document. Also the decision record's download routes
//! (`/adr`, `/r/{code}/adr`).

use crate::error::ApiError;
use crate::middleware::RequestOrigin;
use crate::state::AppState;
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use decision::engine::cost::{crossovers, Crossover};
use decision::query::{link, parse_pairs, whatif_link, Page, PAGE_KEYS};
use decision::{evaluate, shortcode, Answers, Evaluation, Model, Notice};
use serde::Serialize;
use std::collections::BTreeMap;
use tower_http::cors::{Any, CorsLayer};

/// The OpenAPI 3.1 description of this API; a test checks real responses against it.
pub const OPENAPI: &str = include_str!("openapi.json");

/// `/api/v1/*`, with CORS so scripts and wiki pages on other origins can call it.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/model", get(model))
        .route("/api/v1/recommendation", get(recommendation))
        .route("/api/v1/adr", get(adr))
        .route("/api/v1/openapi.json", get(openapi))
        .layer(CorsLayer::new().allow_origin(Any).allow_methods([
            Method::GET,
            Method::HEAD,
            Method::OPTIONS,
        ]))
        .route("/adr", get(adr))
        .route("/r/{code}/adr", get(adr_for_code))
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

/// Links that open the same answers in the product (relative to the site).
#[derive(Serialize)]
struct Links {
    page: String,
    short: String,
    compare: String,
    whatif: String,
    adr: String,
}

#[derive(Serialize)]
struct Recommendation<'m> {
    #[serde(flatten)]
    evaluation: Evaluation<'m>,
    /// Volumes at which one option becomes cheaper than another.
    cost_crossovers: Vec<Crossover<'m>>,
    answers: BTreeMap<String, Vec<String>>,
    /// Figures given, by question, in each question's unit.
    numbers: BTreeMap<String, f64>,
    notices: Vec<Notice>,
    links: Links,
}

/// Reads answers from a raw query; an unreadable query string is a 400.
fn read(model: &Model, query: Option<&str>) -> Result<(Answers, Vec<Notice>), ApiError> {
    let pairs = parse_pairs(query.unwrap_or(""))?;
    Ok(Answers::from_pairs(
        model,
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        PAGE_KEYS,
    ))
}

async fn recommendation(
    State(model): State<&'static Model>,
    RawQuery(query): RawQuery,
) -> Result<Json<Recommendation<'static>>, ApiError> {
    let (answers, notices) = read(model, query.as_deref())?;
    let evaluation = evaluate(model, &answers);
    let (choices, numbers) = answers.to_maps(model);
    let q = answers.to_query(model);
    let links = Links {
        page: link(Page::Advisor.path(false), model, &answers, &[]),
        short: format!("/r/{}", shortcode::encode(model, &answers)),
        compare: link(Page::Compare.path(false), model, &answers, &[]),
        whatif: whatif_link(false, model, &answers, &answers, &[]),
        adr: if q.is_empty() {
            "/adr".to_owned()
        } else {
            format!("/adr?{q}")
        },
    };
    Ok(Json(Recommendation {
        evaluation,
        cost_crossovers: crossovers(model, &answers),
        answers: choices,
        numbers,
        notices,
        links,
    }))
}

/// `GET /adr?<answers>` and `GET /api/v1/adr?<answers>`: the decision record as Markdown.
async fn adr(
    State(model): State<&'static Model>,
    Extension(origin): Extension<RequestOrigin>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (answers, _) = read(model, query.as_deref())?;
    Ok(markdown(model, &answers, &origin.0))
}

/// `GET /r/{code}/adr`
async fn adr_for_code(
    State(model): State<&'static Model>,
    Extension(origin): Extension<RequestOrigin>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let (answers, _) = shortcode::decode(model, &code)
        .map_err(|e| ApiError::NotFound(format!("that short link cannot be opened: {e}")))?;
    Ok(markdown(model, &answers, &origin.0))
}

fn markdown(model: &Model, answers: &Answers, origin: &str) -> Response {
    let body = decision::adr::render(model, answers, origin);
    let mut res = (
        [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
        body,
    )
        .into_response();
    let disposition = format!(
        "attachment; filename=\"{}\"",
        decision::adr::file_name(model, answers)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
