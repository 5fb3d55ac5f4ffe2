//! Tidy links from plain form submissions: without JavaScript the advisor's form sends every
//! question, "not sure" ones as empty values (`coordination=&rate=`). Such a request is
//! redirected once to the canonical link, so the address bar holds the same short, shareable
//! URL as with JavaScript. Requests with anything the notices must report are left alone.

use crate::state::AppState;
use app::model::answers::{parse_pairs, Answers};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Pages whose query string holds answers.
const PAGES: &[&str] = &["/", "/compare", "/embed", "/embed/compare"];

/// The canonical form of a page query, or `None` when it is canonical already or must be
/// left as it is (unreadable, or with notices to show).
pub fn canonical_target(state: &AppState, path: &str, query: &str) -> Option<String> {
    if !PAGES.contains(&path) || query.is_empty() {
        return None;
    }
    let pairs = parse_pairs(query).ok()?;
    let model = &state.model;
    let (answers, notices) = Answers::from_query(model, query);
    if !notices.is_empty() {
        return None;
    }
    let mut options: Vec<String> = Vec::new();
    let mut theme = String::new();
    for (k, v) in &pairs {
        match k.as_str() {
            "options" => options.extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_owned)),
            "theme" if !v.is_empty() => theme = v.clone(),
            _ => {}
        }
    }
    let extra = [("options", options.join(",")), ("theme", theme)];
    let target = app::state::link(path, model, &answers, &extra);
    let current = format!("{path}?{query}");
    (target != current).then_some(target)
}

/// Middleware: 303 to the canonical link for GET page requests that need it.
pub async fn redirect(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::GET {
        let path = req.uri().path();
        if let Some(query) = req.uri().query() {
            // Only blank answers and repeated `options` are tidied; order alone is left as is.
            let untidy =
                query.split('&').any(|p| p.ends_with('=')) || query.matches("options=").count() > 1;
            if untidy {
                if let Some(target) = canonical_target(&state, path, query) {
                    return (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response();
                }
            }
        }
    }
    next.run(req).await
}
