//! oEmbed to the letter (https://oembed.com/): sizes within maxwidth/maxheight or 404, a
//! thumbnail with its size, cache_age, JSON only.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

const SITE: &str = "http%3A%2F%2Fadvisor.test%2F";

async fn oembed(query: &str) -> (StatusCode, Value) {
    let res = get_with(
        router(),
        &format!("/oembed?{query}"),
        &[("host", "advisor.test")],
    )
    .await;
    let status = res.status();
    let body = text(res).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_result_link_becomes_a_rich_frame_with_a_thumbnail() {
    let (status, body) = oembed(&format!("url={SITE}%3Fduration%3Dhours&format=json")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["version"], "1.0");
    assert_eq!(body["type"], "rich");
    let html = body["html"].as_str().unwrap();
    assert!(html.starts_with("<iframe"), "{html}");
    assert!(
        html.contains("src=\"http://advisor.test/embed?duration=hours\""),
        "{html}"
    );
    assert!(body["thumbnail_url"]
        .as_str()
        .unwrap()
        .starts_with("http://advisor.test/og/"));
    assert_eq!(body["thumbnail_width"], 1200);
    assert_eq!(body["thumbnail_height"], 630);
    assert!(body["cache_age"].as_u64().unwrap() > 0);
    let title = body["title"].as_str().unwrap();
    assert!(
        title.starts_with("Orchestration Advisor — ") && title.len() > 30,
        "{title}"
    );
}

#[tokio::test]
async fn the_size_never_exceeds_maxwidth_or_maxheight() {
    for (mw, mh) in [(320, 240), (500, 400), (799, 899), (800, 900)] {
        let (status, body) = oembed(&format!("url={SITE}&maxwidth={mw}&maxheight={mh}")).await;
        assert_eq!(status, StatusCode::OK, "{mw}x{mh}");
        assert!(
            body["width"].as_u64().unwrap() <= mw,
            "{mw}: {}",
            body["width"]
        );
        assert!(
            body["height"].as_u64().unwrap() <= mh,
            "{mh}: {}",
            body["height"]
        );
        let html = body["html"].as_str().unwrap();
        assert!(
            html.contains(&format!("height=\"{}\"", body["height"])),
            "{html}"
        );
        // The 1200×630 card does not fit these limits: the thumbnail set is left out whole.
        for field in ["thumbnail_url", "thumbnail_width", "thumbnail_height"] {
            assert!(body.get(field).is_none(), "{mw}x{mh}: {field}");
        }
    }
    let (_, body) = oembed(&format!("url={SITE}&maxwidth=1200&maxheight=900")).await;
    assert_eq!(body["thumbnail_width"], 1200);
}

#[tokio::test]
async fn a_what_if_short_link_embeds_its_framed_view() {
    let model = decision::load::builtin();
    let code = |q: &str| {
        decision::shortcode::encode(&model, &decision::PageQuery::parse(&model, q).answers)
    };
    let (a, b) = (code("duration=hours"), code("duration=days"));
    let (status, body) = oembed(&format!("url={SITE}w/{a}.{b}")).await;
    assert_eq!(status, StatusCode::OK);
    let html = body["html"].as_str().unwrap();
    assert!(
        html.contains(&format!("src=\"http://advisor.test/embed/w/{a}.{b}\"")),
        "{html}"
    );
    let (status, _) = oembed(&format!("url={SITE}w/{a}.damaged")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_size_too_small_for_the_view_is_a_404() {
    for q in [
        "maxwidth=150",
        "maxheight=100",
        "maxwidth=319&maxheight=900",
    ] {
        let (status, _) = oembed(&format!("url={SITE}&{q}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{q}");
    }
}

#[tokio::test]
async fn a_huge_maxwidth_is_honoured_not_refused() {
    let (status, body) = oembed(&format!(
        "url={SITE}&maxwidth=99999999999999999999999&maxheight=5000"
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["width"], 800);
}

#[tokio::test]
async fn short_compare_and_whatif_links_embed_too() {
    let code = {
        let model = decision::load::builtin();
        let q = decision::PageQuery::parse(&model, "duration=days");
        decision::shortcode::encode(&model, &q.answers)
    };
    let (status, body) = oembed(&format!("url={SITE}r%2F{code}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["html"]
        .as_str()
        .unwrap()
        .contains(&format!("/embed/r/{code}")));
    let (status, body) = oembed(&format!("url={SITE}compare%3Fduration%3Ddays")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["html"]
        .as_str()
        .unwrap()
        .contains("/embed/compare?duration=days"));
    let (status, _) = oembed(&format!("url={SITE}whatif%3Fa%3Dduration%253Ddays")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn other_sites_pages_and_formats_are_refused() {
    let (status, _) = oembed("url=https%3A%2F%2Fexample.org%2F").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = oembed(&format!("url={SITE}sources")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = oembed(&format!("url={SITE}&format=xml")).await;
    assert_eq!(status, StatusCode::NOT_IMPLEMENTED);
    let (status, _) = oembed("format=json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn pages_advertise_oembed_discovery() {
    let res = get_with(router(), "/?duration=days", &[("host", "advisor.test")]).await;
    let html = text(res).await;
    assert!(html.contains("type=\"application/json+oembed\""));
    assert!(html.contains(
        "href=\"http://advisor.test/oembed?format=json&amp;url=http%3A%2F%2Fadvisor.test%2F%3Fduration%3Ddays\""
    ));
}
