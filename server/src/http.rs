//! Cross-cutting HTTP behaviour: security headers with a per-response CSP nonce, request logs,
//! compression, timeouts, and a panic turned into a plain 500 page.

use crate::state::Settings;
use app::app::CspNonce;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::middleware::{self, Next};
use axum::Router;
use base64::Engine as _;
use rand::RngCore as _;
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnRequest, TraceLayer};
use tracing::Level;

/// Wraps routes in the middleware every response goes through.
pub fn with_middleware(router: Router, settings: Arc<Settings>) -> Router {
    router.layer(
        ServiceBuilder::new()
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &Request<Body>| {
                        tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                    })
                    .on_request(DefaultOnRequest::new().level(Level::DEBUG))
                    .on_response(|res: &Response<Body>, latency: Duration, _span: &tracing::Span| {
                        tracing::info!(
                            status = res.status().as_u16(),
                            latency_ms = latency.as_secs_f64() * 1000.0,
                            "response"
                        );
                    }),
            )
            .layer(middleware::from_fn_with_state(settings.clone(), security_headers))
            .layer(CatchPanicLayer::custom(panic_page))
            .layer(CompressionLayer::new().br(true).gzip(true))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                settings.request_timeout,
            )),
    )
}

/// Whether a path is one of the framed views that other sites may embed.
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed" || path.starts_with("/embed/")
}

/// The `frame-ancestors` source list for a path.
pub fn frame_ancestors(settings: &Settings, path: &str) -> String {
    if !is_embed_path(path) {
        return "'self'".to_owned();
    }
    if settings.embed_origins.iter().any(|o| o.trim() == "*") {
        return "*".to_owned();
    }
    let mut list = vec!["'self'".to_owned()];
    list.extend(
        settings
            .embed_origins
            .iter()
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty() && !o.contains([';', ',', ' ', '\''])),
    );
    list.join(" ")
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Content-Security-Policy for one response.
pub fn content_security_policy(nonce: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

async fn security_headers(
    State(settings): State<Arc<Settings>>,
    mut req: Request,
    next: Next,
) -> Response<Body> {
    let nonce = new_nonce();
    let path = req.uri().path().to_owned();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let csp = content_security_policy(&nonce, &frame_ancestors(&settings, &path));
    let headers = res.headers_mut();
    let mut set = |name: header::HeaderName, value: &str| {
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert(name, v);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &csp);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if !is_embed_path(&path) {
        // For browsers that predate frame-ancestors.
        set(header::X_FRAME_OPTIONS, "SAMEORIGIN");
    }
    res
}

const PANIC_PAGE: &str = concat!(
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    "<title>Something went wrong — Orchestration Advisor</title>",
    "<link rel=\"stylesheet\" href=\"",
    crate::assets_path!(),
    "\"></head><body class=\"bg-bg text-fg\"><main class=\"mx-auto max-w-xl px-4 py-16 text-center\">",
    "<h1 class=\"text-2xl font-bold\">Something went wrong</h1>",
    "<p class=\"mt-4 text-muted\">The server hit an internal error while answering. It has been logged; ",
    "try again, or go back to the <a class=\"text-link underline\" href=\"/\">advisor</a>.</p>",
    "</main></body></html>"
);

/// Logs the panic with its message and answers with a page that reveals nothing internal.
fn panic_page(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("(non-string panic payload)");
    tracing::error!(panic = detail, "handler panicked");
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(PANIC_PAGE))
        .expect("static response parts are valid")
}
