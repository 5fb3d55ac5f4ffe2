//! Helpers shared by the server's integration tests: a router over the built-in model, and
//! ways to send it requests without a socket.
#![allow(dead_code)] // each test binary uses its own subset

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use server::state::{AppState, Settings};
use std::net::SocketAddr;
use tower::ServiceExt as _;

pub fn state_with(settings: Settings) -> AppState {
    let leptos = LeptosOptions::builder()
        .output_name("orchestration-advisor")
        .site_root("target/site")
        .build();
    AppState::new(leptos, decision::load::builtin(), settings)
}

pub fn router_with(settings: Settings) -> axum::Router {
    server::app(state_with(settings))
}

pub fn router() -> axum::Router {
    router_with(Settings::default())
}

/// A router whose requests seem to come from `peer` (for trusted-proxy tests), the way
/// `into_make_service_with_connect_info` marks them.
pub fn router_from(settings: Settings, peer: &str) -> axum::Router {
    let peer: SocketAddr = peer.parse().unwrap();
    router_with(settings).layer(axum::Extension(ConnectInfo(peer)))
}

pub async fn get(router: axum::Router, uri: &str) -> Response<Body> {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn get_with(router: axum::Router, uri: &str, headers: &[(&str, &str)]) -> Response<Body> {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(router, req.body(Body::empty()).unwrap()).await
}

pub async fn send(router: axum::Router, req: Request<Body>) -> Response<Body> {
    router.oneshot(req).await.expect("the router is infallible")
}

pub async fn text(res: Response<Body>) -> String {
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

pub async fn bytes(res: Response<Body>) -> Vec<u8> {
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

pub fn header<'a>(res: &'a Response<Body>, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

/// Every value of a header, joined.
pub fn headers_joined(res: &Response<Body>, name: &str) -> String {
    res.headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The pages every test of the whole site walks.
pub const PAGES: &[&str] = &[
    "/",
    "/?duration=36h&rate=450&steps=12&waits=human",
    "/compare",
    "/compare?duration=hours&options=durable-functions,step-functions-standard",
    "/sources",
    "/whatif?a=duration%3Dhours&b=duration%3Ddays",
    "/embed?duration=hours&theme=dark",
    "/embed/compare",
    "/embed/whatif",
];
