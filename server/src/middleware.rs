//! Cross-cutting HTTP behaviour, in the order a request meets it:
//!
//! 1. request logs, metrics, a panic turned into a plain 500 page, the request timeout;
//! 2. the public origin (`--public-url`, or forwarding headers from trusted proxies, or Host);
//! 3. framing: a page loaded as a frame (`Sec-Fetch-Dest: iframe`) gets the framed layout and
//!    the embed allowlist, top-level visits keep `frame-ancestors 'self'`;
//! 4. the page cache (see [`crate::page_cache`]);
//! 5. a Content-Security-Policy for each page that allows its inline scripts by hash (no
//!    nonces, so a page is the same bytes for the same URL), and security headers on every
//!    response;
//! 6. tidy links for plain form submissions.

use crate::state::{AppState, Settings};
use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Response, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::IntoResponse;
use base64::Engine as _;
use decision::answers::NoticeKind;
use decision::query::{link, whatif_link, Page, WhatIfQuery};
use decision::PageQuery;
use sha2::{Digest, Sha256};
use std::any::Any;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};

/// The scheme and host absolute links use for this request, e.g. `https://advisor.example`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestOrigin(pub String);

/// The request is a frame (the browser said `Sec-Fetch-Dest: iframe`, or the path is a framed
/// view), so the page answers under the embed allowlist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Framed(pub bool);

/// Largest HTML body the security middleware reads to hash its scripts.
const MAX_PAGE: usize = 4 << 20;

/// Whether a path is a page the Leptos app renders.
pub fn is_page_path(path: &str) -> bool {
    Page::from_path(path).is_some()
        || ["/r/", "/w/", "/embed/r/", "/embed/w/"]
            .iter()
            .any(|p| path.starts_with(p))
}

/// The framed path for a page path loaded in a frame; `None` when it has no framed view.
pub fn framed_path(path: &str) -> Option<String> {
    if path.starts_with("/embed") {
        return None;
    }
    match Page::from_path(path) {
        Some((Page::Sources, _)) => None,
        Some((page, _)) => Some(page.path(true).to_owned()),
        None if path.starts_with("/r/") || path.starts_with("/w/") => Some(format!("/embed{path}")),
        None => None,
    }
}

/// Lower-cases a host, drops a trailing dot and the scheme's default port.
pub fn normalise_host(scheme: &str, host: &str) -> String {
    let host = host.trim().to_ascii_lowercase();
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p))
            if !n.ends_with(']') && p.chars().all(|c| c.is_ascii_digit()) && !n.contains(':') =>
        {
            (n.to_owned(), Some(p.to_owned()))
        }
        Some((n, p)) if n.ends_with(']') && p.chars().all(|c| c.is_ascii_digit()) => {
            (n.to_owned(), Some(p.to_owned()))
        }
        _ => (host.clone(), None),
    };
    let name = name.trim_end_matches('.');
    match port.as_deref() {
        Some("443") if scheme == "https" => name.to_owned(),
        Some("80") if scheme == "http" => name.to_owned(),
        Some(p) => format!("{name}:{p}"),
        None => name.to_owned(),
    }
}

/// Normalises an origin (`https://Advisor.example:443/` → `https://advisor.example`).
pub fn normalise_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    if host.is_empty() || host.contains(['@', ' ', '\\']) {
        return None;
    }
    Some(format!("{scheme}://{}", normalise_host(&scheme, host)))
}

/// The public origin for a request: `--public-url`; else the forwarding headers when the peer
/// is a trusted proxy (`Forwarded` first, then `X-Forwarded-Proto`/`-Host`); else `http://`
/// plus Host.
pub fn public_origin(settings: &Settings, peer: Option<IpAddr>, headers: &HeaderMap) -> String {
    if let Some(url) = &settings.public_url {
        return url.clone();
    }
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').next().unwrap_or("").trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let host = get("host").unwrap_or_default();
    let trusted = peer.is_some_and(|ip| settings.trusted_proxies.iter().any(|n| n.contains(&ip)));
    let (mut scheme, mut host) = ("http".to_owned(), host);
    if trusted {
        if let Some(fwd) = get("forwarded") {
            for pair in fwd.split(';') {
                if let Some((k, v)) = pair.split_once('=') {
                    let v = v.trim().trim_matches('"');
                    match k.trim().to_ascii_lowercase().as_str() {
                        "proto" if v == "https" || v == "http" => scheme = v.to_owned(),
                        "host" if !v.is_empty() => host = v.to_owned(),
                        _ => {}
                    }
                }
            }
        } else {
            if let Some(p) = get("x-forwarded-proto") {
                if p == "https" || p == "http" {
                    scheme = p;
                }
            }
            if let Some(h) = get("x-forwarded-host") {
                host = h;
            }
        }
    }
    format!("{scheme}://{}", normalise_host(&scheme, &host))
}

/// Set once a request arrived with forwarding headers that no setting lets us believe.
static WARNED_FORWARDING: AtomicBool = AtomicBool::new(false);

/// Middleware: the public origin and the frame, as request extensions; framed page requests
/// are routed to their framed view.
pub async fn origin_and_frame(
    State(settings): State<std::sync::Arc<Settings>>,
    mut req: Request,
    next: Next,
) -> Response<Body> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let headers = req.headers();
    if settings.public_url.is_none()
        && settings.trusted_proxies.is_empty()
        && (headers.contains_key("forwarded") || headers.contains_key("x-forwarded-proto"))
        && !WARNED_FORWARDING.swap(true, Ordering::Relaxed)
    {
        tracing::warn!(
            "requests arrive with forwarding headers, but neither --public-url nor --trusted-proxies is set: \
             absolute links use http:// and the Host header"
        );
    }
    let origin = public_origin(&settings, peer, headers);
    let dest_frame = headers
        .get("sec-fetch-dest")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"iframe"));
    let path = req.uri().path().to_owned();
    // `/embed/` and `/embed/compare/` are the slashless views.
    if path.len() > 1 && path.ends_with('/') && path.starts_with("/embed") {
        let target = match req.uri().query() {
            Some(q) => format!("{}?{q}", path.trim_end_matches('/')),
            None => path.trim_end_matches('/').to_owned(),
        };
        return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, target)]).into_response();
    }
    let framed = dest_frame || path.starts_with("/embed");
    if dest_frame {
        if let Some(new_path) = framed_path(&path) {
            let pq = match req.uri().query() {
                Some(q) => format!("{new_path}?{q}"),
                None => new_path,
            };
            if let Ok(uri) = pq.parse::<Uri>() {
                *req.uri_mut() = uri;
            }
        }
    }
    req.extensions_mut().insert(RequestOrigin(origin));
    req.extensions_mut().insert(Framed(framed));
    let mut res = next.run(req).await;
    if is_page_path(&path) {
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("Sec-Fetch-Dest"));
    }
    res
}

/// The `frame-ancestors` source list: `'self'` for top-level pages, the allowlist for frames.
pub fn frame_ancestors(settings: &Settings, framed: bool) -> String {
    if !framed {
        return "'self'".to_owned();
    }
    if settings.embed_origins.iter().any(|o| o.trim() == "*") {
        return "*".to_owned();
    }
    let mut list = vec!["'self'".to_owned()];
    list.extend(
        settings
            .embed_origins
            .iter()
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| is_host_source(o)),
    );
    list.join(" ")
}

/// A CSP host source: `https://host`, `https://*.host`, with an optional port.
pub fn is_host_source(s: &str) -> bool {
    let Some((scheme, host)) = s.split_once("://") else {
        return false;
    };
    (scheme == "https" || scheme == "http")
        && !host.is_empty()
        && host
            .trim_start_matches("*.")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// `'sha256-…'` sources for every inline script of a page (module and classic scripts; not
/// data blocks such as the model's, which never run, nor scripts with `src`).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let Some(end) = after.find("</script>") else {
            break;
        };
        let tag = &after[..gt];
        if runs_as_script(tag) && !tag.contains(" src=") && gt < end {
            let body = &after[gt + 1..end];
            let hash =
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()));
            let source = format!("'sha256-{hash}'");
            if !out.contains(&source) {
                out.push(source);
            }
        }
        rest = &after[end + "</script>".len()..];
    }
    out
}

/// Whether a `<script …` start tag (without its `>`) is one the browser runs: no `type`, a
/// JavaScript type, or `module`. Any other type makes it a data block (HTML Living Standard,
/// "the script element": data blocks are not evaluated, so CSP does not apply to them).
fn runs_as_script(tag: &str) -> bool {
    let Some(i) = tag.find(" type=\"") else {
        return true;
    };
    let value = tag[i + " type=\"".len()..].split('"').next().unwrap_or("");
    let value = value.trim().to_ascii_lowercase();
    value.is_empty() || value == "module" || value.contains("javascript")
}

/// Content-Security-Policy for one response.
pub fn content_security_policy(script_hashes: &[String], frame_ancestors: &str) -> String {
    let hashes = if script_hashes.is_empty() {
        String::new()
    } else {
        format!(" {}", script_hashes.join(" "))
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// Whether a request is a frame: the browser said `Sec-Fetch-Dest: iframe`, or the path is a
/// framed view.
pub fn is_framed(headers: &HeaderMap, path: &str) -> bool {
    path.starts_with("/embed")
        || headers
            .get("sec-fetch-dest")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"iframe"))
}

/// Middleware (inner, inside the page cache): an HTML page's Content-Security-Policy names
/// each of its inline scripts by hash, so no script runs that the page did not render.
pub async fn page_csp(
    State(settings): State<std::sync::Arc<Settings>>,
    req: Request,
    next: Next,
) -> Response<Body> {
    let framed = req.extensions().get::<Framed>().is_some_and(|f| f.0);
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
        && !res.headers().contains_key(header::CONTENT_ENCODING);
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let (body, hashes) = match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => {
            let hashes = inline_script_hashes(&String::from_utf8_lossy(&bytes));
            (Body::from(bytes), hashes)
        }
        Err(_) => (Body::from("page too large"), Vec::new()),
    };
    let csp = content_security_policy(&hashes, &frame_ancestors(&settings, framed));
    if let Ok(v) = HeaderValue::from_str(&csp) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    Response::from_parts(parts, body)
}

/// Middleware (outermost): the security headers every response carries. A response without a
/// Content-Security-Policy of its own (anything but a page) gets one that allows no inline
/// script at all.
pub async fn security_headers(
    State(settings): State<std::sync::Arc<Settings>>,
    req: Request,
    next: Next,
) -> Response<Body> {
    let framed = is_framed(req.headers(), req.uri().path());
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let csp = content_security_policy(&[], &frame_ancestors(&settings, framed));
        if let Ok(v) = HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    let mut set = |name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    if !framed {
        // For browsers that predate frame-ancestors; framed responses rely on CSP alone.
        set(header::X_FRAME_OPTIONS, "SAMEORIGIN");
        set(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        );
    }
    res
}

/// The canonical form of a page query, or `None` when it is canonical already or must be
/// left as it is (unreadable, or with notices to show).
pub fn canonical_target(state: &AppState, path: &str, query: &str) -> Option<String> {
    let (page, framed) = Page::from_path(path)?;
    if query.is_empty() {
        return None;
    }
    let model = state.model;
    if page == Page::WhatIf {
        let q = WhatIfQuery::parse(model, query);
        if !q.a.notices.is_empty() || !q.b.notices.is_empty() {
            return None;
        }
        let extra: Vec<(&str, String)> = match q.theme.as_str() {
            "" => Vec::new(),
            t => vec![("theme", t.to_owned())],
        };
        let target = whatif_link(framed, model, &q.a.answers, &q.b.answers, &extra);
        let current = format!("{path}?{query}");
        return (target != current).then_some(target);
    }
    let q = PageQuery::parse(model, query);
    // Only plain-form submissions come here: a form sends a range's radio and the figure field
    // together, and the figure the reader typed is the answer they mean, not a bad link.
    if q.notices
        .iter()
        .any(|n| n.kind != NoticeKind::FigureOverRange)
    {
        return None;
    }
    let target = link(
        path,
        model,
        &q.answers,
        &q.extras(model, page == Page::Compare),
    );
    let current = format!("{path}?{query}");
    (target != current).then_some(target)
}

/// Middleware: 303 to the canonical link for GET (and HEAD, which must answer as GET does)
/// page requests that a plain form submission made untidy (blank "not sure" answers, several
/// `options`, a what-if side).
pub async fn canonical_redirect(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response<Body> {
    if req.method() == Method::GET || req.method() == Method::HEAD {
        let path = req.uri().path();
        if let Some(query) = req.uri().query() {
            let untidy = query.split('&').any(|p| p.ends_with('='))
                || query.matches("options=").count() > 1
                || query.contains("side=");
            if untidy {
                if let Some(target) = canonical_target(&state, path, query) {
                    return (StatusCode::SEE_OTHER, [(header::LOCATION, target)]).into_response();
                }
            }
        }
    }
    next.run(req).await
}

const PANIC_PAGE: &str = concat!(
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    "<title>Something went wrong — Orchestration Advisor</title>",
    "<link rel=\"stylesheet\" href=\"",
    crate::css_path!(),
    "\"></head><body class=\"bg-bg text-fg\"><main class=\"mx-auto max-w-xl px-4 py-16 text-center\">",
    "<h1 class=\"text-2xl font-bold\">Something went wrong</h1>",
    "<p class=\"mt-4 text-muted\">The server hit an internal error while answering. It has been logged; ",
    "try again, or go back to the <a class=\"text-link underline\" href=\"/\">advisor</a>.</p>",
    "</main></body></html>"
);

/// Logs the panic with its message and answers with a page that reveals nothing internal.
pub fn panic_page(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("(non-string panic payload)");
    tracing::error!(panic = detail, "handler panicked");
    Response::builder()
        .status(StatusCode::INTERNAL_SERVER_ERROR)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(PANIC_PAGE))
        .expect("static response parts are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn hosts_are_normalised() {
        assert_eq!(
            normalise_host("https", "Advisor.Example:443"),
            "advisor.example"
        );
        assert_eq!(
            normalise_host("http", "advisor.example.:80"),
            "advisor.example"
        );
        assert_eq!(
            normalise_host("https", "advisor.example:8443"),
            "advisor.example:8443"
        );
        assert_eq!(normalise_host("http", "[::1]:80"), "[::1]");
        assert_eq!(
            normalise_origin("https://Advisor.example:443/").as_deref(),
            Some("https://advisor.example")
        );
        assert_eq!(normalise_origin("ftp://x"), None);
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let proxied = headers(&[
            ("host", "10.0.0.5:3000"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "advisor.example"),
        ]);
        let mut s = Settings::default();
        assert_eq!(
            public_origin(&s, Some("10.0.0.9".parse().unwrap()), &proxied),
            "http://10.0.0.5:3000"
        );
        s.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
        assert_eq!(
            public_origin(&s, Some("10.0.0.9".parse().unwrap()), &proxied),
            "https://advisor.example"
        );
        assert_eq!(
            public_origin(&s, Some("192.0.2.1".parse().unwrap()), &proxied),
            "http://10.0.0.5:3000"
        );
        let forwarded = headers(&[
            ("host", "x"),
            (
                "forwarded",
                "for=192.0.2.60;proto=https;host=\"Advisor.example:443\"",
            ),
        ]);
        assert_eq!(
            public_origin(&s, Some("10.1.2.3".parse().unwrap()), &forwarded),
            "https://advisor.example"
        );
        s.public_url = Some("https://pinned.example".into());
        assert_eq!(
            public_origin(&s, Some("10.0.0.9".parse().unwrap()), &proxied),
            "https://pinned.example"
        );
    }

    #[test]
    fn frames_get_the_framed_view() {
        assert_eq!(framed_path("/").as_deref(), Some("/embed"));
        assert_eq!(framed_path("/compare").as_deref(), Some("/embed/compare"));
        assert_eq!(framed_path("/r/abc").as_deref(), Some("/embed/r/abc"));
        assert_eq!(framed_path("/embed"), None);
        assert_eq!(framed_path("/sources"), None);
        assert_eq!(framed_path("/api/v1/model"), None);
    }

    #[test]
    fn allowlists_keep_host_wildcards_and_refuse_junk() {
        let mut s = Settings::default();
        assert_eq!(frame_ancestors(&s, false), "'self'");
        assert_eq!(frame_ancestors(&s, true), "*");
        s.embed_origins = vec![
            "https://*.atlassian.net".into(),
            "https://wiki.example.com/".into(),
            "javascript:alert(1)".into(),
            "https://x; script-src *".into(),
        ];
        assert_eq!(
            frame_ancestors(&s, true),
            "'self' https://*.atlassian.net https://wiki.example.com"
        );
    }

    #[test]
    fn inline_scripts_are_hashed_and_data_blocks_skipped() {
        let html = r#"<script>a()</script><script type="application/json" id="m">{"x":1}</script><script type="application/octet-stream" id="d">%00a</script><script type="module" src="/x.js"></script><script type="module">b()</script><script type="text/javascript">c()</script>"#;
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 3);
        assert!(h.iter().all(|s| s.starts_with("'sha256-")));
    }
}
