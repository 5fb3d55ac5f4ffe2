//! The generated stylesheet, embedded at build time and served under a content hash.

use axum::http::header;
use axum::response::IntoResponse;

/// The stylesheet `build.rs` generated.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/app.css"));

/// The stylesheet's URL as a literal, for `concat!`; the hash changes whenever the content
/// does, so the file may be cached forever.
#[macro_export]
macro_rules! assets_path {
    () => {
        concat!("/assets/app-", env!("APP_CSS_HASH"), ".css")
    };
}

/// The stylesheet's URL.
pub const CSS_PATH: &str = assets_path!();

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
}
