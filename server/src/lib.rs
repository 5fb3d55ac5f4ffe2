//! Orchestration Advisor's server: the Leptos pages rendered on the server, the JSON API, the
//! generated stylesheet and the built site's static files, behind one middleware stack.
#![recursion_limit = "256"]

pub mod api;
pub mod assets;
pub mod canonical;
pub mod config;
pub mod error;
pub mod http;
pub mod oembed;
pub mod og;
pub mod state;

use app::{shell, App, ShellConfig};
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use state::AppState;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application as one router, so tests can drive it without a socket.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let model = state.model.clone();
        let site = app::state::SiteConfig {
            public_url: state.settings.public_url.clone(),
        };
        move || {
            provide_context(model.clone());
            provide_context(site.clone());
        }
    };
    let shell_config = ShellConfig {
        options: state.leptos.clone(),
        stylesheet: assets::CSS_PATH.to_owned(),
        model_json: state.model_json.clone(),
    };
    let page_shell = {
        let config = shell_config.clone();
        move || shell(config.clone())
    };
    let fallback_shell = move |_| shell(shell_config.clone());

    // The wasm and JS keep fixed names across builds, so browsers revalidate them.
    let pkg_dir = Path::new(&*state.leptos.site_root).join(&*state.leptos.site_pkg_dir);
    let pkg = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(ServeDir::new(pkg_dir));

    let router = Router::new()
        .route("/healthz", get(healthz))
        .route(assets::CSS_PATH, get(assets::stylesheet))
        .route("/og/{file}", get(og::image))
        .route("/oembed", get(oembed::oembed))
        .nest_service(&format!("/{}", state.leptos.site_pkg_dir), pkg)
        .merge(api::router())
        .leptos_routes_with_context(&state, routes, context.clone(), page_shell)
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context,
            fallback_shell,
        ))
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            canonical::redirect,
        ));
    http::with_middleware(router, state.settings.clone())
}

async fn healthz() -> &'static str {
    "ok"
}
