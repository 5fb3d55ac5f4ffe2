//! The router driven with `oneshot`: security headers and the per-page CSP, statuses, the page
//! cache (same bytes, ETag, 304), compression, framing, assets, metrics, panics.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use server::middleware::inline_script_hashes;
use server::state::Settings;

#[tokio::test]
async fn healthz_answers_ok() {
    let res = get(router(), "/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(text(res).await, "ok");
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let mut uris: Vec<&str> = PAGES.to_vec();
    uris.extend([
        "/healthz",
        "/api/v1/model",
        "/no-such-page",
        "/oembed?url=x",
        "/metrics",
    ]);
    for uri in uris {
        let res = get(router(), uri).await;
        let csp = header(&res, "content-security-policy");
        assert!(csp.contains("object-src 'none'"), "{uri}: {csp}");
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{uri}: {script_src}");
        assert!(!script_src.contains("nonce"), "{uri}: hashes, not nonces");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{uri}");
        assert!(!header(&res, "referrer-policy").is_empty(), "{uri}");
        assert!(!header(&res, "permissions-policy").is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn each_page_allows_exactly_its_own_inline_scripts() {
    for uri in PAGES.iter().chain(&["/no-such-page", "/r/damaged"]) {
        let res = get(router(), uri).await;
        let csp = header(&res, "content-security-policy").to_owned();
        let html = text(res).await;
        let hashes = inline_script_hashes(&html);
        assert!(!hashes.is_empty(), "{uri}: the theme script at least");
        for h in &hashes {
            assert!(csp.contains(h.as_str()), "{uri}: {h} not in {csp}");
        }
        let allowed = csp.matches("'sha256-").count();
        assert_eq!(
            allowed,
            hashes.len(),
            "{uri}: no hash for a script the page lacks"
        );
        assert!(!html.contains("nonce="), "{uri}");
    }
}

#[tokio::test]
async fn a_page_is_the_same_bytes_for_the_same_url() {
    for uri in PAGES {
        let a = text(get(router(), uri).await).await;
        let b = text(get(router(), uri).await).await;
        assert_eq!(a, b, "{uri}");
    }
}

#[tokio::test]
async fn pages_are_cached_with_etags_and_revalidate_to_304() {
    let router = router();
    let first = get_with(
        router.clone(),
        "/?duration=hours",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(header(&first, "content-encoding"), "br");
    assert!(header(&first, "cache-control").starts_with("public, max-age="));
    let etag = header(&first, "etag").to_owned();
    assert!(etag.starts_with('"') && etag.ends_with("-br\""), "{etag}");
    let vary = headers_joined(&first, "vary");
    assert!(
        vary.contains("Accept-Encoding") && vary.contains("Sec-Fetch-Dest"),
        "{vary}"
    );
    let again = get_with(
        router.clone(),
        "/?duration=hours",
        &[("accept-encoding", "br"), ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(bytes(again).await.is_empty());
    // The identity form of the same page matches the same tag.
    let plain = get_with(router, "/?duration=hours", &[("if-none-match", &etag)]).await;
    assert_eq!(plain.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn unknown_path_is_a_real_404_page() {
    let res = get(router(), "/definitely/not/here").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(header(&res, "content-type").starts_with("text/html"));
    let html = text(res).await;
    assert!(html.contains("This page does not exist"));
    assert!(html.contains("href=\"/\""), "a way back");
    assert!(!html.contains("/pkg/"), "no wasm on the 404 page");
}

#[tokio::test]
async fn a_damaged_short_link_is_a_404_that_says_so() {
    let res = get(router(), "/r/AAAA").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = text(res).await;
    // Its title and heading say what went wrong, not only that a page is missing.
    assert!(html.contains("<title>This short link is damaged — Orchestration Advisor</title>"));
    assert!(html.contains(">This short link is damaged</h1>"), "{html}");
    assert!(!html.contains("This page does not exist"));
}

#[tokio::test]
async fn only_island_pages_load_the_wasm() {
    for (uri, wasm) in [
        ("/", true),
        ("/embed", true),
        ("/whatif", true),
        ("/compare", false),
        ("/sources", false),
        ("/embed/compare", false),
    ] {
        let html = text(get(router(), uri).await).await;
        assert_eq!(html.contains(".wasm\""), wasm, "{uri}");
        assert_eq!(
            html.contains("/assets/model-"),
            wasm,
            "{uri}: the model only where an island uses it"
        );
        assert!(
            !html.contains("id=\"model-data\""),
            "{uri}: the model is an asset, not part of the page"
        );
    }
}

#[tokio::test]
async fn pages_and_api_are_compressed() {
    for (accept, expect) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        for uri in ["/", "/api/v1/model", "/sources"] {
            let res = get_with(router(), uri, &[("accept-encoding", accept)]).await;
            assert_eq!(header(&res, "content-encoding"), expect, "{uri} {accept}");
        }
    }
}

#[tokio::test]
async fn assets_are_precompressed_hashed_and_immutable() {
    for asset in [&server::assets::CSS, &server::assets::SCRIPT] {
        let res = get_with(router(), asset.path, &[("accept-encoding", "br")]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, "content-encoding"), "br");
        assert!(header(&res, "cache-control").contains("immutable"));
        assert_eq!(bytes(res).await, asset.br);
    }
    let html = text(get(router(), "/sources").await).await;
    assert!(html.contains(server::assets::CSS.path));
    assert!(html.contains(server::assets::SCRIPT.path));
}

#[tokio::test]
async fn the_browsers_model_is_one_hashed_immutable_asset_named_by_the_island_pages() {
    let state = state_with(Settings::default());
    let path = state.browser_model.path.clone();
    assert!(
        path.starts_with("/assets/model-") && path.ends_with(".txt"),
        "{path}"
    );
    for uri in ["/", "/embed", "/whatif"] {
        let html = text(get(server::app(state.clone()), uri).await).await;
        assert!(html.contains(&format!("\"{path}\"")), "{uri} names {path}");
    }
    let plain = get(server::app(state.clone()), &path).await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert!(header(&plain, "cache-control").contains("immutable"));
    assert!(header(&plain, "content-type").starts_with("text/plain"));
    let plain = text(plain).await;
    let model = app::context::read_browser_model_data(&plain).expect("the asset reads back");
    assert_eq!(model.id, decision::load::builtin().id);
    for (accept, encoding) in [("br", "br"), ("gzip", "gzip")] {
        let res = get_with(
            server::app(state.clone()),
            &path,
            &[("accept-encoding", accept)],
        )
        .await;
        assert_eq!(header(&res, "content-encoding"), encoding);
        assert!(
            bytes(res).await.len() < plain.len() / 3,
            "{encoding} compresses it"
        );
    }
}

#[tokio::test]
async fn top_level_pages_refuse_frames_and_framed_requests_get_the_embed_view() {
    let settings = Settings {
        embed_origins: vec![
            "https://*.atlassian.net".into(),
            "https://wiki.example.com".into(),
        ],
        ..Settings::default()
    };
    let top = get(router_with(settings.clone()), "/?duration=hours").await;
    assert!(header(&top, "content-security-policy").contains("frame-ancestors 'self'"));
    assert_eq!(header(&top, "x-frame-options"), "SAMEORIGIN");
    let framed = get_with(
        router_with(settings.clone()),
        "/?duration=hours",
        &[("sec-fetch-dest", "iframe")],
    )
    .await;
    let csp = header(&framed, "content-security-policy").to_owned();
    assert!(
        csp.contains("frame-ancestors 'self' https://*.atlassian.net https://wiki.example.com"),
        "{csp}"
    );
    assert_eq!(header(&framed, "x-frame-options"), "");
    assert!(headers_joined(&framed, "vary").contains("Sec-Fetch-Dest"));
    let html = text(framed).await;
    assert!(html.contains("data-embed=\"true\""), "the framed layout");
    assert!(html.contains("Open the full view"));
    // The same for short links and the comparison.
    let code = decision::shortcode::encode(
        &decision::load::builtin(),
        &decision::PageQuery::parse(&decision::load::builtin(), "duration=hours").answers,
    );
    for uri in [format!("/r/{code}"), "/compare".to_owned()] {
        let res = get_with(
            router_with(settings.clone()),
            &uri,
            &[("sec-fetch-dest", "iframe")],
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        assert!(
            header(&res, "content-security-policy").contains("atlassian"),
            "{uri}"
        );
        assert!(text(res).await.contains("data-embed=\"true\""), "{uri}");
    }
}

#[tokio::test]
async fn embed_paths_with_a_trailing_slash_redirect() {
    for (from, to) in [
        ("/embed/", "/embed"),
        ("/embed/compare/?x=1", "/embed/compare?x=1"),
    ] {
        let res = get(router(), from).await;
        assert_eq!(res.status(), StatusCode::MOVED_PERMANENTLY, "{from}");
        assert_eq!(header(&res, "location"), to);
    }
}

#[tokio::test]
async fn plain_form_submissions_redirect_to_the_canonical_link() {
    let res = get(router(), "/?duration=hours&rate=&coordination=").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/?duration=hours");
    // HEAD answers as GET does (it was a 200 for the untidy link).
    let head = Request::head("/?duration=hours&rate=&coordination=")
        .body(Body::empty())
        .unwrap();
    let res = send(router(), head).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/?duration=hours");
    let res = get(
        router(),
        "/compare?duration=&options=durable-functions&options=eventbridge-lambda",
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header(&res, "location"),
        "/compare?options=durable-functions,eventbridge-lambda"
    );
    // A what-if side submitted as a plain form.
    let res = get(
        router(),
        "/whatif?a=duration%3Dhours&side=b&duration=days&rate=",
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header(&res, "location"),
        "/whatif?a=duration%3Dhours&b=duration%3Ddays"
    );
    // The reader typed a figure while the form still had a range checked: the figure is the
    // answer, and the link is tidied without a notice.
    let res = get(router(), "/?duration=hours&duration=36h&rate=").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/?duration=36h");
    // Something to report: no redirect, the notice shows.
    let res = get(router(), "/?duration=forever&rate=").await;
    assert_eq!(res.status(), StatusCode::OK);
    // The same figure and range in a hand-made link (no form): the notice shows.
    let res = get(router(), "/?duration=hours&duration=36h").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.contains("the figure was used"));
}

#[tokio::test]
async fn metrics_count_requests_routes_and_cache_hits() {
    let router = router();
    for _ in 0..2 {
        get(router.clone(), "/?duration=hours").await;
    }
    let body = text(get(router.clone(), "/metrics").await).await;
    assert!(
        body.contains("advisor_http_requests_total{route=\"/\",status=\"200\"} 2"),
        "{body}"
    );
    assert!(body.contains("advisor_http_request_duration_seconds_bucket"));
    assert!(body.contains("advisor_http_requests_in_flight"));
    assert!(
        body.contains("advisor_cache_lookups_total{cache=\"page\",result=\"hit\"} 1"),
        "{body}"
    );
    // Off by flag.
    let off = router_with(Settings {
        metrics_route: false,
        ..Settings::default()
    });
    assert_eq!(get(off, "/metrics").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_panic_becomes_a_plain_500_page_that_hides_the_detail() {
    let res = server::middleware::panic_page(Box::new("secret detail"));
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(header(&res, "cache-control"), "no-store");
    let body = text(res).await;
    assert!(!body.contains("secret"), "{body}");
    assert!(body.contains("<html"), "{body}");
}

/// The text of the `<script>` data block with this id.
fn data_block(html: &str, id: &str) -> String {
    let open = format!("<script type=\"application/octet-stream\" id=\"{id}\">");
    let start = html
        .find(&open)
        .unwrap_or_else(|| panic!("the page has #{id}"))
        + open.len();
    let end = start + html[start..].find("</script>").expect("the block ends");
    html[start..end].to_owned()
}

/// Islands start from a Borsh data block their route renders beside them, not from Leptos's
/// JSON `data-props`, so the wasm needs no JSON reader. The block holds all an island needs:
/// the answers as given, notices from opening a short link, the frame and its theme.
#[tokio::test]
async fn islands_start_from_a_data_block_beside_them() {
    use app::context::read_island_data;
    use app::routes::{advisor::AdvisorData, whatif::WhatIfData};

    let html = text(get(router(), "/embed?theme=dark&duration=days&rate=zzz").await).await;
    assert!(!html.contains("data-props"), "no JSON props");
    let data: AdvisorData = read_island_data(&data_block(&html, "advisor-data")).unwrap();
    assert_eq!(data.query, "theme=dark&duration=days&rate=zzz");
    assert!(
        data.notices.is_empty(),
        "the island reads the query's own notices itself"
    );
    assert!(data.site.framed);
    assert_eq!(data.site.theme, "dark");
    assert!(data.site.origin.starts_with("http"), "{}", data.site.origin);

    // A short link from an older model revision opens with a notice the island keeps showing.
    let mut older = decision::load::builtin();
    let answers = decision::PageQuery::parse(&older, "duration=days").answers;
    older.revision -= 1;
    let code = decision::shortcode::encode(&older, &answers);
    let html = text(get(router(), &format!("/r/{code}")).await).await;
    let data: AdvisorData = read_island_data(&data_block(&html, "advisor-data")).unwrap();
    assert!(!data.site.framed);
    assert_eq!(data.query, "duration=days");
    assert!(
        data.notices
            .iter()
            .any(|n| n.kind == decision::NoticeKind::ModelChanged),
        "the older revision is named: {:?}",
        data.notices
    );

    // A query of 32 bytes: its Borsh length is the byte 0x20, which the block holds as a
    // space, first thing. The browser trimmed it off and could not read the block.
    let html = text(get(router(), "/?duration=5m&waits=human&steps=12").await).await;
    let block = data_block(&html, "advisor-data");
    assert!(block.starts_with(' '), "{block}");
    let data: AdvisorData = read_island_data(&block).unwrap();
    assert_eq!(data.query, "duration=5m&waits=human&steps=12");

    let html = text(get(router(), "/whatif?a=duration%3Ddays&b=duration%3Dhours").await).await;
    let data: WhatIfData = read_island_data(&data_block(&html, "whatif-data")).unwrap();
    assert_eq!(
        (data.a.as_str(), data.b.as_str()),
        ("duration=days", "duration=hours")
    );
    assert!(!data.site.framed);
}

/// A limits table is captioned with its option's name, for screen readers.
#[tokio::test]
async fn limits_tables_are_captioned_by_option_name() {
    let html = text(get(router(), "/?steps=10&rate=50").await).await;
    assert!(html.contains("Limits of Step Functions Standard at your numbers"));
    assert!(!html.contains("Limits of step-functions-standard"));
}
