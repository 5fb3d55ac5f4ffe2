//! API errors as RFC 9457 problem details, each with its real HTTP status. Internal details
//! are logged, never sent.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The query string could not be read at all (undecodable or too long).
    #[error("the query string cannot be read: {0}")]
    BadQuery(#[from] decision::query::QueryError),
    /// A parameter is missing or malformed.
    #[error("{0}")]
    BadParameter(String),
    /// The thing asked for is not here.
    #[error("{0}")]
    NotFound(String),
    /// A format the endpoint does not offer (oEmbed says 501).
    #[error("{0}")]
    NotImplemented(String),
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    status: u16,
    detail: String,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadQuery(_) | ApiError::BadParameter(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::NotImplemented(_) => StatusCode::NOT_IMPLEMENTED,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let title = match self {
            ApiError::BadQuery(_) => "Unreadable query string",
            ApiError::BadParameter(_) => "Invalid parameter",
            ApiError::NotFound(_) => "Not found",
            ApiError::NotImplemented(_) => "Not implemented",
        };
        let body = Problem {
            kind: "about:blank",
            title,
            status: status.as_u16(),
            detail: self.to_string(),
        };
        let json = serde_json::to_string(&body).unwrap_or_default();
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            json,
        )
            .into_response()
    }
}
