//! Helpers shared by the server's integration tests.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, Response};
use http_body_util::BodyExt as _;
use leptos::config::LeptosOptions;
use server::state::{AppState, Settings};
use tower::ServiceExt as _;

pub fn state_with(settings: Settings) -> AppState {
    let leptos = LeptosOptions::builder()
        .output_name("orchestration-advisor")
        .site_root("target/site")
        .build();
    AppState::new(leptos, app::model::load::builtin(), settings)
}

pub fn router() -> axum::Router {
    server::app(state_with(Settings::default()))
}

pub async fn get(router: axum::Router, uri: &str) -> Response<Body> {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
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
