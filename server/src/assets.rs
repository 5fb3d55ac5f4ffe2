//! The stylesheet and the site script, built by `build.rs`, embedded with their brotli and
//! gzip forms, and served under content-hashed names with `immutable` caching.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

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
        let (body, encoding): (&'static [u8], Option<&'static str>) =
            match preferred_encoding(headers) {
                Some("br") => (self.br, Some("br")),
                Some(_) => (self.gzip, Some("gzip")),
                None => (self.identity, None),
            };
        let mut res = (
            [
                (header::CONTENT_TYPE, self.content_type),
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
