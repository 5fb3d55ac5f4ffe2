//! A bounded in-memory cache of rendered pages, compressed once.
//!
//! A page is a pure function of its URL (and of the public origin and frame, which are part of
//! the key), so the first request renders it and every later one is answered from memory in
//! the encoding it accepts, with an `ETag` (and `304 Not Modified` when it matches) and
//! `Cache-Control: public` so a CDN or reverse proxy can hold it too. The answer space is
//! finite, and the cache is bounded by bytes (`--page-cache-mb`) with quick_cache's eviction.

use crate::assets::{compress, preferred_encoding};
use crate::metrics::Metrics;
use crate::middleware::{is_page_path, Framed, RequestOrigin};
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Response, StatusCode};
use axum::middleware::Next;
use base64::Engine as _;
use quick_cache::sync::Cache;
use quick_cache::Weighter;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// How long shared caches may serve a page before asking again, in seconds.
pub const MAX_AGE: u32 = 300;
/// Brotli quality for a page on a cache miss: a good ratio at a few milliseconds per page.
const BROTLI_QUALITY: u32 = 6;
/// Gzip level for a page on a cache miss, for clients without brotli.
const GZIP_LEVEL: u32 = 6;

/// One rendered page in every encoding, with the headers it was rendered with.
#[derive(Clone, Debug)]
pub struct Entry {
    headers: HeaderMap,
    identity: Bytes,
    br: Bytes,
    gzip: Bytes,
    /// The ETag's opaque part, shared by the encodings (each adds its own suffix).
    tag: String,
}

impl Entry {
    fn weight(&self) -> u64 {
        (self.identity.len() + self.br.len() + self.gzip.len() + 512) as u64
    }
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<String, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &String, val: &Arc<Entry>) -> u64 {
        key.len() as u64 + val.weight()
    }
}

/// The cache, cheap to clone; `None` inside when turned off.
#[derive(Clone)]
pub struct PageCache(Option<Arc<Cache<String, Arc<Entry>, ByBytes>>>);

impl PageCache {
    /// A cache of at most `bytes` (0: no cache).
    pub fn new(bytes: u64) -> Self {
        if bytes == 0 {
            return PageCache(None);
        }
        // quick_cache wants an estimate of the item count; pages are about 60 KB in three forms.
        let items = (bytes / 60_000).max(16) as usize;
        PageCache(Some(Arc::new(Cache::with_weighter(items, bytes, ByBytes))))
    }

    /// How many pages it holds now.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Compresses a page once, in every encoding.
fn entry(headers: HeaderMap, body: Bytes) -> Entry {
    let (br, gzip) = compress(&body, BROTLI_QUALITY, GZIP_LEVEL);
    let digest = Sha256::digest(&body);
    let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..12]);
    Entry {
        headers,
        identity: body,
        br,
        gzip,
        tag,
    }
}

/// Whether an `If-None-Match` header names this page in any encoding.
fn matches(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        // The tag is URL-safe base64, which may itself hold a '-': strip only the encodings.
        .map(|t| {
            t.strip_suffix("-br")
                .or_else(|| t.strip_suffix("-gzip"))
                .unwrap_or(t)
        })
        .any(|t| t == "*" || t == tag)
}

/// Answers a request from an entry.
fn respond(entry: &Entry, req_headers: &HeaderMap, head: bool) -> Response<Body> {
    let (body, encoding) = match preferred_encoding(req_headers) {
        Some("br") => (entry.br.clone(), Some("br")),
        Some(_) => (entry.gzip.clone(), Some("gzip")),
        None => (entry.identity.clone(), None),
    };
    let etag = match encoding {
        Some(e) => format!("\"{}-{e}\"", entry.tag),
        None => format!("\"{}\"", entry.tag),
    };
    let not_modified = matches(req_headers, &entry.tag);
    let mut res = Response::new(if not_modified || head {
        Body::empty()
    } else {
        Body::from(body)
    });
    if not_modified {
        *res.status_mut() = StatusCode::NOT_MODIFIED;
    }
    let headers = res.headers_mut();
    for (name, value) in &entry.headers {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_ENCODING {
            headers.append(name, value.clone());
        }
    }
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if let Some(e) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_str(&format!("public, max-age={MAX_AGE}"))
            .expect("a number is a valid header value"),
    );
    headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    res
}

/// Middleware: serves pages from the cache and fills it.
pub async fn layer(
    State((cache, metrics)): State<(PageCache, Metrics)>,
    req: Request,
    next: Next,
) -> Response<Body> {
    let head = req.method() == Method::HEAD;
    let Some(store) = cache.0.clone() else {
        return next.run(req).await;
    };
    if !(req.method() == Method::GET || head) || !is_page_path(req.uri().path()) {
        return next.run(req).await;
    }
    let origin = req
        .extensions()
        .get::<RequestOrigin>()
        .map(|o| o.0.clone())
        .unwrap_or_default();
    let framed = req.extensions().get::<Framed>().is_some_and(|f| f.0);
    let key = format!(
        "{origin}|{}|{}",
        u8::from(framed),
        req.uri().path_and_query().map_or("", |p| p.as_str())
    );
    let req_headers = req.headers().clone();
    if let Some(hit) = store.get(&key) {
        metrics.cache_lookup("page", true);
        return respond(&hit, &req_headers, head);
    }
    metrics.cache_lookup("page", false);
    let res = next.run(req).await;
    let cacheable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::CONTENT_ENCODING)
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !cacheable {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, 8 << 20).await else {
        return Response::from_parts(parts, Body::from("page too large"));
    };
    let headers = parts.headers.clone();
    let filled = tokio::task::spawn_blocking(move || entry(headers, bytes))
        .await
        .map(Arc::new);
    match filled {
        Ok(e) => {
            store.insert(key, e.clone());
            respond(&e, &req_headers, head)
        }
        Err(_) => Response::from_parts(parts, Body::from("compression failed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_match_any_encoding_and_weak_forms() {
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"abc-br\""),
        );
        assert!(matches(&h, "abc"));
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("W/\"abc\", \"x\""),
        );
        assert!(matches(&h, "abc"));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!matches(&h, "abc"));
        // Base64url tags can hold a '-' of their own.
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"a-b_c-gzip\""),
        );
        assert!(matches(&h, "a-b_c"));
        assert!(!matches(&h, "a"));
    }

    #[test]
    fn entries_hold_every_encoding() {
        let body = Bytes::from("<html>".repeat(1000));
        let e = entry(HeaderMap::new(), body.clone());
        assert_eq!(e.identity, body);
        assert!(e.br.len() < body.len() / 10);
        assert!(e.gzip.len() < body.len() / 10);
    }
}
