//! Orchestration Advisor's server: the Leptos pages rendered on the server, the JSON API, the
//! preview images and oEmbed, the static assets, and the middleware every response goes
//! through.
//!
//! - [`config`]: the command line (clap, with environment fallbacks).
//! - [`state`]: what handlers share; each takes only its part through `FromRef`.
//! - [`middleware`]: origin, framing, security headers, tidy links; [`page_cache`]: rendered
//!   pages compressed once; [`metrics`]: Prometheus metrics.
//! - [`api`], [`oembed`], [`og`], [`assets`]: the routes besides the pages.
// The page shell nests the whole advisor view type (Leptos views are typed trees).
#![recursion_limit = "512"]

pub mod api;
pub mod assets;
pub mod config;
pub mod error;
pub mod metrics;
pub mod middleware;
pub mod oembed;
pub mod og;
pub mod page_cache;
pub mod state;

use app::context::{SharedModel, Site};
use app::shell::{shell, ShellConfig};
use app::App;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, map_response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use middleware::RequestOrigin;
use state::AppState;
use std::path::Path;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnRequest, TraceLayer};
use tracing::Level;

/// The whole application as one router, so tests can drive it without a socket.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let model: SharedModel = state.model;
        move || {
            provide_context(model);
            let origin = use_context::<http::request::Parts>()
                .and_then(|p| p.extensions.get::<RequestOrigin>().cloned())
                .map(|o| o.0)
                .unwrap_or_default();
            provide_context(Site { origin });
        }
    };
    let shell_config = ShellConfig {
        stylesheet: assets::CSS.path,
        script: assets::SCRIPT.path,
        island_loader: app::shell::island_loader(&state.leptos, &state.browser_model.path).into(),
    };
    let page_shell = {
        let config = shell_config.clone();
        move || shell(config.clone())
    };
    let fallback_shell = move |_| shell(shell_config.clone());

    // With hashed names (cargo-leptos `hash-files`) the wasm and JS never change under a name.
    let pkg_cache = if state.leptos.hash_files {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let pkg_dir = Path::new(&*state.leptos.site_root).join(&*state.leptos.site_pkg_dir);
    let pkg = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static(pkg_cache),
        ))
        .service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        );

    let mut router = Router::<AppState>::new()
        .route("/healthz", get(healthz))
        .route(
            assets::CSS.path,
            get(|h: HeaderMap| async move { assets::CSS.respond(&h) }),
        )
        .route(
            assets::SCRIPT.path,
            get(|h: HeaderMap| async move { assets::SCRIPT.respond(&h) }),
        )
        .route(
            &state.browser_model.path,
            get(|State(s): State<AppState>, h: HeaderMap| s.browser_model.clone().respond(h)),
        )
        .route("/og/{file}", get(og::advisor))
        .route("/og/compare/{file}", get(og::compare))
        .route("/oembed", get(oembed::oembed))
        .nest_service(&format!("/{}", state.leptos.site_pkg_dir), pkg)
        .merge(api::router());
    if state.settings.metrics_route {
        router = router.route("/metrics", get(metrics::handler));
    }
    let router = router
        .leptos_routes_with_context(&state, routes, context, page_shell)
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context,
            fallback_shell,
        ))
        .with_state(state.clone())
        .layer(from_fn_with_state(
            state.clone(),
            middleware::canonical_redirect,
        ));
    with_middleware(router, &state)
}

/// Wraps routes in the middleware every response goes through (outermost first).
fn with_middleware(router: Router, state: &AppState) -> Router {
    let settings = state.settings.clone();
    router.layer(
        ServiceBuilder::new()
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &axum::extract::Request| {
                        tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                    })
                    .on_request(DefaultOnRequest::new().level(Level::DEBUG))
                    .on_response(
                        |res: &axum::response::Response, latency: Duration, _span: &tracing::Span| {
                            tracing::info!(
                                status = res.status().as_u16(),
                                latency_ms = latency.as_secs_f64() * 1000.0,
                                "response"
                            );
                        },
                    ),
            )
            .layer(from_fn_with_state(state.metrics.clone(), metrics::track))
            .layer(from_fn_with_state(settings.clone(), middleware::security_headers))
            .layer(CatchPanicLayer::custom(middleware::panic_page))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                settings.request_timeout,
            ))
            .layer(CompressionLayer::new().br(true).gzip(true))
            .layer(from_fn_with_state(settings.clone(), middleware::origin_and_frame))
            .layer(from_fn_with_state(
                (state.pages.clone(), state.metrics.clone()),
                page_cache::layer,
            ))
            .layer(from_fn_with_state(settings, middleware::page_csp))
            .layer(map_response(no_store_errors)),
    )
}

/// Error pages and API errors are not for shared caches.
async fn no_store_errors(mut res: axum::response::Response) -> axum::response::Response {
    if res.status().is_server_error() && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

async fn healthz() -> &'static str {
    "ok"
}
