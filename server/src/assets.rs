//! The stylesheet and the site script, built by `build.rs`, embedded with their brotli and
//! gzip forms, and served under content-hashed names with `immutable` caching; and the
//! browser's copy of the decision model, named the same way when the server starts (a team's
//! model file is only known then) and compressed on its first request.

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// One embedded asset in its three encodings.
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub identity: &'static [u8],
    pub br: &'static [u8],
    pub gzip: &'static [u8],
}

/// The stylesheet's URL as a literal, for `concat!`.
#[macro_export]
macro_rules! css_path {
    () => {
        concat!("/assets/app-", env!("APP_CSS_HASH"), ".css")
    };
}

/// The stylesheet.
pub static CSS: Asset = Asset {
    path: css_path!(),
    content_type: "text/css; charset=utf-8",
    identity: include_bytes!(concat!(env!("OUT_DIR"), "/app.css")),
    br: include_bytes!(concat!(env!("OUT_DIR"), "/app.css.br")),
    gzip: include_bytes!(concat!(env!("OUT_DIR"), "/app.css.gz")),
};

/// The site script (theme toggle, copy buttons, frame height).
pub static SCRIPT: Asset = Asset {
    path: concat!("/assets/site-", env!("SITE_JS_HASH"), ".js"),
    content_type: "text/javascript; charset=utf-8",
    identity: include_bytes!(concat!(env!("OUT_DIR"), "/site.js")),
    br: include_bytes!(concat!(env!("OUT_DIR"), "/site.js.br")),
    gzip: include_bytes!(concat!(env!("OUT_DIR"), "/site.js.gz")),
};

/// Which encoding a request accepts best: `br`, then `gzip`, else none.
pub fn preferred_encoding(headers: &HeaderMap) -> Option<&'static str> {
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let accepts = |name: &str| {
        accept.split(',').any(|part| {
            let mut it = part.split(';');
            let coding = it.next().unwrap_or("").trim();
            let q_zero = it.any(|p| p.trim().replace(' ', "") == "q=0");
            coding.eq_ignore_ascii_case(name) && !q_zero
        })
    };
    if accepts("br") {
        Some("br")
    } else if accepts("gzip") {
        Some("gzip")
    } else {
        None
    }
}

impl Asset {
    /// The asset in the best encoding the request accepts, cached for a year.
    pub fn respond(&'static self, headers: &HeaderMap) -> Response {
        respond(
            self.content_type,
            [self.identity, self.br, self.gzip].map(Bytes::from_static),
            headers,
        )
    }
}

/// `bodies` (identity, brotli, gzip) in the best encoding the request accepts, cached for a
/// year: the name carries the content's hash, so it never changes under that name.
fn respond(content_type: &'static str, bodies: [Bytes; 3], headers: &HeaderMap) -> Response {
    let [identity, br, gzip] = bodies;
    let (body, encoding) = match preferred_encoding(headers) {
        Some("br") => (br, Some("br")),
        Some(_) => (gzip, Some("gzip")),
        None => (identity, None),
    };
    let mut res = (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            (header::VARY, "Accept-Encoding"),
        ],
        body,
    )
        .into_response();
    if let Some(e) = encoding {
        res.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    res
}

/// The browser's copy of the model ([`app::context::browser_model_data`]), which every page
/// with an island needs once its island hydrates. Served as one asset under its content hash
/// rather than inside each page, so a browser fetches it once for every page of a build and
/// pages stay small (the built-in model is about 116 KB of the advisor's 267 KB of HTML).
pub struct ModelAsset {
    /// `/assets/model-<first 12 hex digits of its SHA-256>.txt`.
    pub path: String,
    identity: Bytes,
    /// Brotli (quality 11) and gzip (level 9), made on the first request: compressing it
    /// takes a few hundred milliseconds that a start, or a test's router, need not wait for.
    compressed: OnceLock<(Bytes, Bytes)>,
}

impl ModelAsset {
    pub fn new(data: &str) -> Self {
        let hash = Sha256::digest(data.as_bytes());
        let short: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
        Self {
            path: format!("/assets/model-{short}.txt"),
            identity: Bytes::copy_from_slice(data.as_bytes()),
            compressed: OnceLock::new(),
        }
    }

    /// The model data in the best encoding the request accepts, cached for a year. The first
    /// request compresses it on a blocking thread (brotli 11 of the built-in model took 0.44 s
    /// on a busy 2-core machine), so no async worker waits on it.
    pub async fn respond(self: Arc<Self>, headers: HeaderMap) -> Response {
        if self.compressed.get().is_none() {
            let this = Arc::clone(&self);
            // Should that thread fail, `compressed` below does the work itself.
            let _ = tokio::task::spawn_blocking(move || {
                this.compressed();
            })
            .await;
        }
        let (br, gzip) = self.compressed();
        respond(
            "text/plain; charset=utf-8",
            [self.identity.clone(), br.clone(), gzip.clone()],
            &headers,
        )
    }

    fn compressed(&self) -> &(Bytes, Bytes) {
        self.compressed
            .get_or_init(|| compress(&self.identity, 11, 9))
    }
}

/// `body` as brotli at `brotli_quality` (0–11, window 2²² bytes) and gzip at `gzip_level`
/// (0–9), both in memory, where writing cannot fail.
pub fn compress(body: &[u8], brotli_quality: u32, gzip_level: u32) -> (Bytes, Bytes) {
    let mut br = Vec::with_capacity(body.len() / 4);
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, brotli_quality, 22);
        w.write_all(body).expect("brotli writes to memory");
    }
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::new(gzip_level),
    );
    gz.write_all(body).expect("gzip writes to memory");
    let gzip = gz.finish().expect("gzip finishes in memory");
    (br.into(), gzip.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_chosen_by_preference_and_q() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        assert_eq!(preferred_encoding(&h("gzip, deflate, br")), Some("br"));
        assert_eq!(preferred_encoding(&h("gzip")), Some("gzip"));
        assert_eq!(preferred_encoding(&h("br;q=0, gzip")), Some("gzip"));
        assert_eq!(preferred_encoding(&HeaderMap::new()), None);
    }

    #[test]
    fn assets_are_precompressed_and_smaller() {
        for a in [&CSS, &SCRIPT] {
            assert!(!a.identity.is_empty());
            assert!(a.br.len() < a.identity.len());
            assert!(a.gzip.len() < a.identity.len());
        }
    }
}
