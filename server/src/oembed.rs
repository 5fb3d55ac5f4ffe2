//! oEmbed (`GET /oembed?url=…&format=json`): wikis and unfurlers that speak oEmbed turn a pasted
//! advisor, compare, what-if or short link of this site into its framed view.
//!
//! To the letter of oEmbed 1.0: a `rich` response whose `width` and `height` never exceed
//! `maxwidth`/`maxheight` (404 when the view cannot fit), a thumbnail (the result's preview
//! card) with its size when it fits those limits too (the spec asks thumbnails to respect them;
//! the card has one size, so a smaller limit leaves the three thumbnail fields out, as a set),
//! and `cache_age`; a format other than JSON is 501.

use crate::error::ApiError;
use crate::middleware::{normalise_origin, RequestOrigin};
use axum::extract::{Extension, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use decision::query::{iframe_html, link, parse_pairs, whatif_link, Page, PageQuery, WhatIfQuery};
use decision::{evaluate, shortcode, Model};
use serde::Serialize;

/// The framed view's natural size, in CSS pixels.
const DEFAULT_WIDTH: u32 = 800;
const DEFAULT_HEIGHT: u32 = 900;
/// The narrowest and lowest the framed view works at.
const MIN_WIDTH: u32 = 320;
const MIN_HEIGHT: u32 = 240;
/// How long consumers may cache a response, in seconds.
const CACHE_AGE: u32 = 86_400;

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
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    thumbnail: Option<Thumbnail>,
    cache_age: u32,
}

/// oEmbed's thumbnail fields, which come as a set of three or not at all.
#[derive(Debug, Serialize)]
struct Thumbnail {
    thumbnail_url: String,
    thumbnail_width: u32,
    thumbnail_height: u32,
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
    let origin = normalise_origin(url)?;
    let rest = url.split_once("://")?.1;
    let path_query = rest.find('/').map_or("/", |i| &rest[i..]);
    let path_query = path_query.split('#').next().unwrap_or("/");
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    Some(SiteUrl {
        origin,
        path: path.to_owned(),
        query: query.to_owned(),
    })
}

/// Same site: the same host (and port), whichever scheme; behind a TLS proxy without
/// `--public-url` the server may see http while people paste https links.
fn same_site(ours: &str, theirs: &str) -> bool {
    let host = |o: &str| {
        o.split_once("://")
            .map(|(_, h)| h.to_owned())
            .unwrap_or_default()
    };
    host(ours) == host(theirs)
}

/// A size limit: absent is no limit; present must be a whole number of pixels.
fn limit(pairs: &[(String, String)], key: &str) -> Result<Option<u32>, ApiError> {
    match pairs.iter().find(|(k, _)| k == key) {
        None => Ok(None),
        // Any run of digits is a size; one too large for u32 is simply no constraint.
        Some((_, v)) if !v.trim().is_empty() && v.trim().bytes().all(|b| b.is_ascii_digit()) => {
            Ok(Some(v.trim().parse::<u32>().unwrap_or(u32::MAX)))
        }
        Some((_, v)) => v
            .trim()
            .parse::<u64>()
            .map(|n| Some(n.min(u64::from(u32::MAX)) as u32))
            .map_err(|_| {
                ApiError::BadParameter(format!("`{key}` must be a whole number of pixels"))
            }),
    }
}

/// `GET /oembed`
pub async fn oembed(
    State(model): State<&'static Model>,
    Extension(origin): Extension<RequestOrigin>,
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
            return Err(ApiError::NotImplemented(
                "only format=json is offered".into(),
            ))
        }
    }
    let url = param("url").ok_or_else(|| ApiError::BadParameter("`url` is required".into()))?;
    let site = split_url(url)
        .ok_or_else(|| ApiError::BadParameter("`url` is not an absolute http(s) URL".into()))?;
    let origin = origin.0;
    if !same_site(&origin, &site.origin) {
        return Err(ApiError::NotFound(
            "that URL is not a page of this site".into(),
        ));
    }
    let path = if site.path.len() > 1 {
        site.path.trim_end_matches('/')
    } else {
        site.path.as_str()
    };
    let (src, answers, title) = match Page::from_path(path) {
        Some((Page::Advisor, _)) => {
            let q = PageQuery::parse(model, &site.query);
            let src = link(
                Page::Advisor.path(true),
                model,
                &q.answers,
                &q.extras(model, false),
            );
            (src, q.answers, None)
        }
        Some((Page::Compare, _)) => {
            let q = PageQuery::parse(model, &site.query);
            let src = link(
                Page::Compare.path(true),
                model,
                &q.answers,
                &q.extras(model, true),
            );
            (
                src,
                q.answers,
                Some("Orchestration Advisor — comparison".to_owned()),
            )
        }
        Some((Page::WhatIf, _)) => {
            let q = WhatIfQuery::parse(model, &site.query);
            let src = whatif_link(true, model, &q.a.answers, &q.b.answers, &[]);
            (
                src,
                q.b.answers,
                Some("Orchestration Advisor — what if".to_owned()),
            )
        }
        _ if path.starts_with("/w/") => {
            let decoded = path[3..].split_once('.').and_then(|(a, b)| {
                Some((
                    shortcode::decode(model, a).ok()?.0,
                    shortcode::decode(model, b).ok()?.0,
                ))
            });
            let (_, b) = decoded
                .ok_or_else(|| ApiError::NotFound("that what-if link cannot be opened".into()))?;
            (
                format!("/embed{path}"),
                b,
                Some("Orchestration Advisor — what if".to_owned()),
            )
        }
        _ if path.starts_with("/r/") => {
            let (answers, _) = shortcode::decode(model, &path[3..])
                .map_err(|_| ApiError::NotFound("that short link cannot be opened".into()))?;
            (format!("/embed{path}"), answers, None)
        }
        _ => {
            return Err(ApiError::NotFound(
                "only advisor, compare, what-if and short links can be embedded".into(),
            ))
        }
    };
    let (maxwidth, maxheight) = (limit(&pairs, "maxwidth")?, limit(&pairs, "maxheight")?);
    if maxwidth.is_some_and(|w| w < MIN_WIDTH) || maxheight.is_some_and(|h| h < MIN_HEIGHT) {
        return Err(ApiError::NotFound(format!(
            "the framed view needs at least {MIN_WIDTH}×{MIN_HEIGHT} pixels"
        )));
    }
    let width = maxwidth.map_or(DEFAULT_WIDTH, |w| w.min(DEFAULT_WIDTH));
    let height = maxheight.map_or(DEFAULT_HEIGHT, |h| h.min(DEFAULT_HEIGHT));
    let eval = evaluate(model, &answers);
    let title = title.unwrap_or_else(|| format!("Orchestration Advisor — {}", eval.verdict));
    let html = iframe_html(&format!("{origin}{src}"), &title, Some(width), height);
    Ok(Json(OEmbed {
        version: "1.0",
        kind: "rich",
        provider_name: "Orchestration Advisor",
        provider_url: format!("{origin}/"),
        title,
        html,
        width,
        height,
        thumbnail: (maxwidth.is_none_or(|w| w >= crate::og::WIDTH)
            && maxheight.is_none_or(|h| h >= crate::og::HEIGHT))
        .then(|| Thumbnail {
            thumbnail_url: format!("{origin}/og/{}.png", shortcode::encode(model, &answers)),
            thumbnail_width: crate::og::WIDTH,
            thumbnail_height: crate::og::HEIGHT,
        }),
        cache_age: CACHE_AGE,
    })
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls_and_refuses_others() {
        let u = split_url("https://Advisor.example.com:443/compare?duration=hours#x").unwrap();
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
        assert!(same_site(
            "http://advisor.example",
            "https://advisor.example"
        ));
        assert!(!same_site(
            "http://advisor.example",
            "https://other.example"
        ));
    }
}
