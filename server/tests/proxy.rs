//! Behind a TLS proxy: which scheme and host absolute URLs use. Forwarding headers count only
//! from trusted proxies; `--public-url` wins over everything; default ports and a trailing dot
//! are the same site.

mod common;

use axum::http::StatusCode;
use common::*;
use server::state::Settings;

const PAGE: &str = "/?duration=hours&waits=human";
const PROXY: &str = "10.0.0.7:50000";

fn behind_proxy() -> Settings {
    Settings {
        trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
        ..Settings::default()
    }
}

/// Every absolute URL a page hands out: canonical, og:url, og:image, the oEmbed discovery link.
fn absolute_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for marker in ["content=\"http", "href=\"http"] {
        let mut rest = html;
        while let Some(i) = rest.find(marker) {
            let start = i + marker.len() - 4;
            let end = rest[start..].find('"').unwrap() + start;
            urls.push(rest[start..end].to_owned());
            rest = &rest[end..];
        }
    }
    urls
}

#[tokio::test]
async fn forwarded_https_from_a_trusted_proxy_makes_every_page_url_https() {
    let res = get_with(
        router_from(behind_proxy(), PROXY),
        PAGE,
        &[
            ("host", "10.0.0.20:3000"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "advisor.example"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = text(res).await;
    let ours: Vec<String> = absolute_urls(&html)
        .into_iter()
        .filter(|u| u.contains("advisor.example") || u.contains("10.0.0.20"))
        .collect();
    assert!(
        ours.len() >= 4,
        "canonical, og:url, og:image, oEmbed: {ours:?}"
    );
    for u in &ours {
        assert!(u.starts_with("https://advisor.example/"), "{u}");
    }
    assert!(html.contains("og:image\" content=\"https://advisor.example/og/"));
}

#[tokio::test]
async fn the_standard_forwarded_header_is_read_too() {
    let res = get_with(
        router_from(behind_proxy(), PROXY),
        PAGE,
        &[
            ("host", "internal:3000"),
            (
                "forwarded",
                "for=192.0.2.1;proto=https;host=\"advisor.example\"",
            ),
        ],
    )
    .await;
    let html = text(res).await;
    assert!(html.contains("href=\"https://advisor.example/?duration=hours"));
    assert!(!html.contains("internal:3000"));
}

#[tokio::test]
async fn forwarding_headers_from_anyone_else_are_ignored() {
    let res = get_with(
        router_from(behind_proxy(), "203.0.113.9:40000"),
        PAGE,
        &[
            ("host", "advisor.internal:3000"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "evil.example"),
        ],
    )
    .await;
    let html = text(res).await;
    assert!(!html.contains("evil.example"));
    assert!(html.contains("http://advisor.internal:3000/og/"));
}

#[tokio::test]
async fn public_url_wins_over_forwarding_headers() {
    let settings = Settings {
        public_url: Some("https://advice.example.org".into()),
        ..behind_proxy()
    };
    let res = get_with(
        router_from(settings, PROXY),
        PAGE,
        &[
            ("x-forwarded-proto", "http"),
            ("x-forwarded-host", "other.example"),
        ],
    )
    .await;
    let html = text(res).await;
    assert!(html.contains("https://advice.example.org/og/"));
    assert!(!html.contains("other.example"));
}

#[tokio::test]
async fn default_port_and_trailing_dot_are_the_same_site() {
    let headers = [
        ("host", "10.0.0.20"),
        ("x-forwarded-proto", "https"),
        ("x-forwarded-host", "advisor.example.:443"),
    ];
    let html = text(get_with(router_from(behind_proxy(), PROXY), PAGE, &headers).await).await;
    assert!(
        html.contains("https://advisor.example/og/"),
        "the :443 and the dot go"
    );

    // The site's own https link is recognised by oEmbed whether Host says :443 or not.
    let url = "https%3A%2F%2Fadvisor.example%2F%3Fduration%3Dhours";
    let res = get_with(
        router_from(behind_proxy(), PROXY),
        &format!("/oembed?url={url}"),
        &headers,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    assert!(body["html"]
        .as_str()
        .unwrap()
        .contains("src=\"https://advisor.example/embed?duration=hours\""));
    assert!(body["thumbnail_url"]
        .as_str()
        .unwrap()
        .starts_with("https://advisor.example/og/"));
}

#[tokio::test]
async fn the_embed_snippet_and_api_links_use_the_public_origin() {
    let headers = [
        ("x-forwarded-proto", "https"),
        ("x-forwarded-host", "advisor.example"),
    ];
    let html = text(get_with(router_from(behind_proxy(), PROXY), PAGE, &headers).await).await;
    // The snippet shown under "Embed in a wiki page" frames the https URL.
    assert!(
        html.contains("src=&quot;https://advisor.example/embed?"),
        "snippet uses https"
    );
    let res = get_with(
        router_from(behind_proxy(), PROXY),
        "/api/v1/recommendation?duration=hours",
        &headers,
    )
    .await;
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    let adr = text(
        get_with(
            router_from(behind_proxy(), PROXY),
            "/adr?duration=hours",
            &headers,
        )
        .await,
    )
    .await;
    assert!(
        adr.contains("<https://advisor.example/r/"),
        "the record's permanent link: {adr}"
    );
    assert!(
        !adr.contains("http://"),
        "no plain-http link of ours in the record"
    );
    assert!(body["links"]["page"].as_str().is_some());
}
