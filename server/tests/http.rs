//! The router driven with `oneshot`: headers, statuses, compression, panics.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get as get_route;
use axum::Router;
use common::*;
use server::state::Settings;
use std::sync::Arc;

#[tokio::test]
async fn healthz_answers_ok() {
    let res = get(router(), "/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(text(res).await, "ok");
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    for uri in [
        "/",
        "/healthz",
        "/api/v1/model",
        "/no-such-page",
        "/compare",
        "/sources",
    ] {
        let res = get(router(), uri).await;
        let csp = header(&res, "content-security-policy");
        assert!(csp.contains("frame-ancestors 'self'"), "{uri}: {csp}");
        assert!(csp.contains("object-src 'none'"), "{uri}");
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{uri}: {script_src}");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{uri}");
        assert!(!header(&res, "referrer-policy").is_empty(), "{uri}");
        assert!(!header(&res, "permissions-policy").is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn page_scripts_carry_the_csp_nonce_of_their_response() {
    let res = get(router(), "/?duration=hours").await;
    let csp = header(&res, "content-security-policy").to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("script-src has a nonce")
        .to_owned();
    let html = text(res).await;
    let scripts = html.matches("<script").count();
    assert!(scripts >= 2, "theme script and model data at least");
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every script has the nonce"
    );
    // A second response gets a different nonce.
    let other = get(router(), "/").await;
    assert!(!header(&other, "content-security-policy").contains(&nonce));
}

#[tokio::test]
async fn unknown_path_is_a_real_404_page() {
    let res = get(router(), "/definitely/not/here").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(header(&res, "content-type").starts_with("text/html"));
    let html = text(res).await;
    assert!(html.contains("This page does not exist"));
    assert!(html.contains("href=\"/\""), "a way back");
}

#[tokio::test]
async fn html_is_compressed_with_brotli_or_gzip() {
    for (accept, expect) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let req = Request::get("/")
            .header("accept-encoding", accept)
            .body(Body::empty())
            .unwrap();
        let res = send(router(), req).await;
        assert_eq!(
            header(&res, "content-encoding"),
            expect,
            "accept-encoding: {accept}"
        );
    }
    let req = Request::get("/").body(Body::empty()).unwrap();
    assert_eq!(header(&send(router(), req).await, "content-encoding"), "");
}

#[tokio::test]
async fn stylesheet_is_content_hashed_and_cached_for_a_year() {
    let html = text(get(router(), "/").await).await;
    assert!(html.contains(server::assets::CSS_PATH));
    let res = get(router(), server::assets::CSS_PATH).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(header(&res, "cache-control").contains("immutable"));
    assert!(header(&res, "content-type").starts_with("text/css"));
    let css = text(res).await;
    for class in [
        ".bg-surface",
        ".text-muted",
        ".lg\\:grid-cols-2",
        ".peer:checked",
    ] {
        assert!(css.contains(class), "generated CSS has {class}");
    }
}

#[tokio::test]
async fn a_panic_becomes_a_plain_500_page() {
    let routes = Router::new().route(
        "/boom",
        get_route(|| async {
            if std::hint::black_box(true) {
                panic!("secret internal detail");
            }
            "unreachable"
        }),
    );
    let app = server::http::with_middleware(routes, Arc::new(Settings::default()));
    let res = get(app, "/boom").await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!header(&res, "content-security-policy").is_empty());
    let body = text(res).await;
    assert!(body.contains("Something went wrong"));
    assert!(!body.contains("secret internal detail"));
}

#[tokio::test]
async fn pages_render_the_answers_from_the_query() {
    let res = get(router(), "/?duration=hours&colour=blue").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = text(res).await;
    assert!(html.contains("colour"), "the notice names the ignored key");
    assert!(
        html.contains("data-excluded=\"true\""),
        "Express is excluded for runs of hours"
    );
    assert!(html.contains("property=\"og:image\""));
}

#[tokio::test]
async fn short_links_open_and_damaged_ones_are_404() {
    let model = app::model::load::builtin();
    let (answers, _) = app::model::Answers::from_query(&model, "duration=days&languages=java");
    let code = app::model::shortcode::encode(&model, &answers);
    let res = get(router(), &format!("/r/{code}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = text(res).await;
    assert!(html.contains("id=\"q-languages-java\""));
    let res = get(router(), "/r/not-a-code").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn plain_form_submissions_redirect_to_the_canonical_link() {
    let res = get(
        router(),
        "/?duration=hours&coordination=&rate=&languages=java",
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/?duration=hours&languages=java");
    let res = get(
        router(),
        "/compare?duration=days&options=durable-functions&options=step-functions-express",
    )
    .await;
    assert_eq!(
        header(&res, "location"),
        "/compare?duration=days&options=durable-functions,step-functions-express"
    );
    let res = get(router(), "/embed?waits=&theme=dark").await;
    assert_eq!(header(&res, "location"), "/embed?theme=dark");
    // Anything a notice must report is left for the page to show.
    let res = get(router(), "/?duration=hours&colour=&rate=").await;
    assert_eq!(res.status(), StatusCode::OK);
    // Canonical links are served as they are.
    let res = get(router(), "/?duration=hours").await;
    assert_eq!(res.status(), StatusCode::OK);
}
