//! oEmbed (`GET /oembed?url=…&format=json`): wikis that speak oEmbed turn a pasted advisor,
//! compare or short link of this site into the framed view.

use crate::error::ApiError;
use crate::state::AppState;
use app::model::answers::{parse_pairs, Answers};
use app::model::{evaluate, shortcode};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

const DEFAULT_WIDTH: u32 = 800;
const DEFAULT_HEIGHT: u32 = 900;
const MIN_SIZE: u32 = 200;

#[derive(Debug, Serialize)]
pub struct OEmbed {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    provider_name: &'static str,
    provider_url: String,
    title: String,
    html: String,
    width: u32,
    height: u32,
}

/// A URL of this site split into the parts oEmbed needs.
#[derive(Debug, PartialEq, Eq)]
pub struct SiteUrl {
    pub origin: String,
    pub path: String,
    pub query: String,
}

/// Splits an absolute http(s) URL; `None` when it is not one.
pub fn split_url(url: &str) -> Option<SiteUrl> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let (authority, path_query) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if authority.is_empty() || authority.contains(['@', ' ', '\\']) {
        return None;
    }
    let path_query = path_query.split('#').next().unwrap_or("/");
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    Some(SiteUrl {
        origin: format!("{scheme}://{}", authority.to_ascii_lowercase()),
        path: path.to_owned(),
        query: query.to_owned(),
    })
}

fn this_origin(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(url) = &state.settings.public_url {
        return Some(url.trim_end_matches('/').to_ascii_lowercase());
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    Some(format!("http://{}", host.to_ascii_lowercase()))
}

fn same_site(ours: &str, theirs: &str) -> bool {
    // Behind a TLS proxy the server may see http while users paste https links.
    let strip = |o: &str| {
        o.split_once("://")
            .map(|(_, a)| a.to_owned())
            .unwrap_or_default()
    };
    strip(ours) == strip(theirs)
}

fn size(pairs: &[(String, String)], key: &str, default: u32) -> Result<u32, ApiError> {
    match pairs.iter().find(|(k, _)| k == key) {
        None => Ok(default),
        Some((_, v)) => v
            .parse::<u32>()
            .map(|n| n.clamp(MIN_SIZE, default))
            .map_err(|_| {
                ApiError::BadParameter(format!("`{key}` must be a whole number of pixels"))
            }),
    }
}

/// `GET /oembed`
pub async fn oembed(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = parse_pairs(query.as_deref().unwrap_or(""))?;
    let param = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    match param("format") {
        None | Some("json") => {}
        Some(_) => {
            // oEmbed says: a format the provider does not offer is 501.
            return Ok((StatusCode::NOT_IMPLEMENTED, "only format=json is offered").into_response());
        }
    }
    let url = param("url").ok_or_else(|| ApiError::BadParameter("`url` is required".into()))?;
    let site = split_url(url)
        .ok_or_else(|| ApiError::BadParameter("`url` is not an absolute http(s) URL".into()))?;
    let origin = this_origin(&state, &headers)
        .ok_or_else(|| ApiError::BadParameter("cannot tell this site's origin".into()))?;
    if !same_site(&origin, &site.origin) {
        return Err(ApiError::NotFound(
            "that URL is not a page of this site".into(),
        ));
    }
    let model = &state.model;
    let (embed_path, answers, extra) = match site.path.as_str() {
        "/" | "/embed" => (
            "/embed",
            Answers::from_query(model, &site.query).0,
            extra_params(&site.query),
        ),
        "/compare" | "/embed/compare" => (
            "/embed/compare",
            Answers::from_query(model, &site.query).0,
            extra_params(&site.query),
        ),
        p if p.starts_with("/r/") => {
            let (answers, _) = shortcode::decode(model, &p[3..])
                .map_err(|_| ApiError::NotFound("that short link cannot be opened".into()))?;
            ("/embed", answers, Vec::new())
        }
        _ => {
            return Err(ApiError::NotFound(
                "only advisor, compare and short links can be embedded".into(),
            ))
        }
    };
    let width = size(&pairs, "maxwidth", DEFAULT_WIDTH)?;
    let height = size(&pairs, "maxheight", DEFAULT_HEIGHT)?;
    let extra_refs: Vec<(&str, String)> =
        extra.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let src = format!(
        "{origin}{}",
        app::state::link(embed_path, model, &answers, &extra_refs)
    );
    let eval = evaluate(model, &answers);
    let title = format!("Orchestration Advisor — {}", eval.verdict);
    let html = iframe_html(&src, &title, width, height);
    Ok(Json(OEmbed {
        version: "1.0",
        kind: "rich",
        provider_name: "Orchestration Advisor",
        provider_url: format!("{origin}/"),
        title,
        html,
        width,
        height,
    })
    .into_response())
}

/// Page parameters besides answers that an embed keeps (`options`, `theme`).
fn extra_params(query: &str) -> Vec<(String, String)> {
    parse_pairs(query)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, v)| (k == "options" || k == "theme") && !v.is_empty())
        .collect()
}

/// The snippet a host page needs; the same shape the Embed dialog shows.
pub fn iframe_html(src: &str, title: &str, width: u32, height: u32) -> String {
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        attr(src),
        attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls_and_refuses_others() {
        let u = split_url("https://Advisor.example.com/compare?duration=hours#x").unwrap();
        assert_eq!(u.origin, "https://advisor.example.com");
        assert_eq!(u.path, "/compare");
        assert_eq!(u.query, "duration=hours");
        assert_eq!(split_url("http://h").unwrap().path, "/");
        for bad in [
            "javascript:alert(1)",
            "ftp://h/",
            "//h/",
            "http://user@h/",
            "not a url",
            "",
        ] {
            assert!(split_url(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn iframe_attributes_are_escaped() {
        let html = iframe_html("http://h/embed?a=1&b=\"2\"", "<t>", 10, 20);
        assert!(html.contains("a=1&amp;b=&quot;2&quot;"));
        assert!(html.contains("&lt;t>"));
    }
}
