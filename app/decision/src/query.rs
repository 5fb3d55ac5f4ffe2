//! A page's query string, read once into typed state ([`PageQuery`]), and the links that
//! write it back ([`link`]). The server and the browser use the same functions, so a link
//! built on either side is byte for byte the same.

use crate::answers::{clip, Answers, Notice, NoticeKind};
use crate::model::Model;

/// Keys that pages use for their own state; they are not answers and raise no notice.
pub const PAGE_KEYS: &[&str] = &["options", "theme", "a", "b", "side", "code"];

/// Longest query string read; far above any real answer set.
pub const MAX_QUERY_LEN: usize = 8 * 1024;

/// The query string could not be read at all (an API answers 400 to this).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query string is longer than {max} bytes")]
    TooLong { max: usize },
    #[error("`{0}` is not valid percent-encoded UTF-8")]
    BadEncoding(String),
}

/// The pages whose links carry answers, with their paths in the full site and in frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Advisor,
    Compare,
    WhatIf,
    Sources,
}

impl Page {
    /// The page's path: in the full site, or framed (`/embed...`).
    pub fn path(self, framed: bool) -> &'static str {
        match (self, framed) {
            (Page::Advisor, false) => "/",
            (Page::Advisor, true) => "/embed",
            (Page::Compare, false) => "/compare",
            (Page::Compare, true) => "/embed/compare",
            (Page::WhatIf, false) => "/whatif",
            (Page::WhatIf, true) => "/embed/whatif",
            (Page::Sources, _) => "/sources",
        }
    }

    /// The page a path serves, and whether it is the framed view.
    pub fn from_path(path: &str) -> Option<(Page, bool)> {
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        [Page::Advisor, Page::Compare, Page::WhatIf, Page::Sources]
            .into_iter()
            .flat_map(|p| [(p, false), (p, true)])
            .find(|(p, framed)| p.path(*framed) == path)
    }
}

/// The colour scheme a framed view uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Reads `light` or `dark`; anything else means auto.
    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
    /// The class the framed page's root carries (empty for auto), and the link's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a page reads from its query string.
#[derive(Clone, Debug, PartialEq)]
pub struct PageQuery {
    pub answers: Answers,
    /// What could not be applied, in words.
    pub notices: Vec<Notice>,
    /// Options the comparison shows (indices in model order); every option when fewer than
    /// two valid ones were given.
    pub options: Vec<usize>,
    /// Whether `options` was given and is a real selection (not every option).
    pub options_given: bool,
    pub theme: Theme,
}

impl PageQuery {
    /// Reads a raw query string (with or without `?`). Never fails.
    pub fn parse(model: &Model, query: &str) -> PageQuery {
        let (pairs, mut notices) = lenient_pairs(query);
        let (answers, mut more) = Answers::from_pairs(
            model,
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            PAGE_KEYS,
        );
        notices.append(&mut more);
        let mut theme = Theme::Auto;
        let mut given: Vec<&str> = Vec::new();
        let mut options_key = false;
        for (k, v) in &pairs {
            match k.as_str() {
                "theme" => theme = Theme::parse(v),
                "options" => {
                    options_key = true;
                    given.extend(v.split(',').map(str::trim).filter(|s| !s.is_empty()));
                }
                _ => {}
            }
        }
        let unknown: Vec<&str> = given
            .iter()
            .copied()
            .filter(|id| model.option_index(id).is_none())
            .collect();
        if !unknown.is_empty() {
            let list: Vec<String> = unknown.iter().map(|u| format!("“{}”", clip(u))).collect();
            notices.push(Notice::new(
                NoticeKind::UnknownOption,
                Some("options"),
                Some(&unknown.join(",")),
                format!(
                    "Unknown option{} ignored: {}.",
                    if unknown.len() == 1 { "" } else { "s" },
                    list.join(", ")
                ),
            ));
        }
        let mut options: Vec<usize> = given
            .iter()
            .filter_map(|id| model.option_index(id))
            .collect();
        options.sort_unstable();
        options.dedup();
        if options_key && options.len() < 2 {
            notices.push(Notice::new(
                NoticeKind::UnknownOption,
                Some("options"),
                None,
                "Choose at least two options to compare. Showing all of them.".to_owned(),
            ));
        }
        let options_given = options.len() >= 2 && options.len() < model.options.len();
        if !options_given {
            options = (0..model.options.len()).collect();
        }
        PageQuery {
            answers,
            notices,
            options,
            options_given,
            theme,
        }
    }

    /// The page parameters (not answers) that links from this page keep.
    pub fn extras(&self, model: &Model, keep_options: bool) -> Vec<(&'static str, String)> {
        let mut extra = Vec::new();
        if keep_options && self.options_given {
            let ids: Vec<&str> = self
                .options
                .iter()
                .map(|&i| model.options[i].id.as_str())
                .collect();
            extra.push(("options", ids.join(",")));
        }
        if self.theme != Theme::Auto {
            extra.push(("theme", self.theme.as_str().to_owned()));
        }
        extra
    }
}

/// The two answer sets of a what-if comparison, `a=<query>&b=<query>`.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIfQuery {
    pub a: PageQuery,
    pub b: PageQuery,
    pub theme: Theme,
}

impl WhatIfQuery {
    /// Reads `a` and `b` (each itself a query string); notices say which side they are from.
    ///
    /// A what-if form submitted without JavaScript sends one side's answers as plain pairs
    /// with `side=a` or `side=b`, and the other side encoded; those plain pairs then replace
    /// that side.
    pub fn parse(model: &Model, query: &str) -> WhatIfQuery {
        let (pairs, _) = lenient_pairs(query);
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map_or(String::new(), |(_, v)| v.clone())
        };
        let plain: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "a" | "b" | "side" | "theme"))
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        let side = get("side");
        let raw = |key: &str| {
            if side == key {
                plain.join("&")
            } else {
                get(key)
            }
        };
        let side = |key: &str, name: &str| {
            let mut q = PageQuery::parse(model, &raw(key));
            for n in &mut q.notices {
                n.message = format!("{name}: {}", n.message);
            }
            q
        };
        WhatIfQuery {
            a: side("a", "Today"),
            b: side("b", "What if"),
            theme: Theme::parse(&get("theme")),
        }
    }
}

/// Builds a link to a page: the answers in canonical order, then the page parameters.
pub fn link(path: &str, model: &Model, answers: &Answers, extra: &[(&str, String)]) -> String {
    let mut q = answers.to_query(model);
    for (k, v) in extra {
        if v.is_empty() {
            continue;
        }
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(k);
        q.push('=');
        q.push_str(&percent_encode(v));
    }
    if q.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{q}")
    }
}

/// A what-if link: each side's canonical query, percent-encoded into `a` and `b`.
pub fn whatif_link(
    framed: bool,
    model: &Model,
    a: &Answers,
    b: &Answers,
    extra: &[(&str, String)],
) -> String {
    let mut pairs = vec![("a", a.to_query(model)), ("b", b.to_query(model))];
    pairs.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let q: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    let path = Page::WhatIf.path(framed);
    if q.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", q.join("&"))
    }
}

/// Splits a raw query string into decoded pairs; fails on the first undecodable pair.
pub fn parse_pairs(query: &str) -> Result<Vec<(String, String)>, QueryError> {
    if query.len() > MAX_QUERY_LEN {
        return Err(QueryError::TooLong { max: MAX_QUERY_LEN });
    }
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode(k).ok_or_else(|| QueryError::BadEncoding(clip(pair)))?;
            let v = percent_decode(v).ok_or_else(|| QueryError::BadEncoding(clip(pair)))?;
            Ok((k, v))
        })
        .collect()
}

/// Splits a raw query string into decoded pairs; what cannot be decoded becomes a notice.
pub fn lenient_pairs(query: &str) -> (Vec<(String, String)>, Vec<Notice>) {
    let mut notices = Vec::new();
    let query = if query.len() > MAX_QUERY_LEN {
        notices.push(Notice::new(
            NoticeKind::Undecodable,
            None,
            None,
            format!("The link was longer than {MAX_QUERY_LEN} bytes; only its beginning was read."),
        ));
        let mut end = MAX_QUERY_LEN;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    let mut pairs = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        match parse_pairs(pair) {
            Ok(mut p) => pairs.append(&mut p),
            Err(_) => notices.push(Notice::new(
                NoticeKind::Undecodable,
                None,
                Some(pair),
                format!(
                    "“{}” in the link could not be decoded, so it was ignored.",
                    clip(pair)
                ),
            )),
        }
    }
    (pairs, notices)
}

/// Decodes `application/x-www-form-urlencoded` text; `None` when it is not valid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Encodes a query component so that it survives any URL context.
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_know_their_paths() {
        assert_eq!(Page::from_path("/embed/"), Some((Page::Advisor, true)));
        assert_eq!(Page::from_path("/compare"), Some((Page::Compare, false)));
        assert_eq!(
            Page::from_path("/embed/compare/"),
            Some((Page::Compare, true))
        );
        assert_eq!(Page::from_path("/"), Some((Page::Advisor, false)));
        assert_eq!(Page::from_path("/nope"), None);
    }

    #[test]
    fn percent_round_trip() {
        for s in ["a b&c=d", "36h", "é/ü", "%"] {
            assert_eq!(percent_decode(&percent_encode(s)).as_deref(), Some(s));
        }
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
    }
}

/// The `<iframe>` markup a host page pastes (and oEmbed returns): `width` in pixels, or the
/// host's full width when `None`; every attribute escaped.
pub fn iframe_html(src: &str, title: &str, width: Option<u32>, height: u32) -> String {
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    let width = width.map_or_else(|| "100%".to_owned(), |w| w.to_string());
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        attr(src),
        attr(title)
    )
}

#[cfg(test)]
mod iframe_tests {
    use super::iframe_html;

    #[test]
    fn snippet_escapes_its_attributes() {
        let s = iframe_html(
            "https://a.example/embed?duration=hours&theme=\"dark\"",
            "<t>",
            None,
            900,
        );
        assert!(s.contains("duration=hours&amp;theme=&quot;dark&quot;"));
        assert!(s.contains("title=\"&lt;t>\""));
        assert!(s.contains("width=\"100%\""));
        assert!(iframe_html("x", "t", Some(640), 480).contains("width=\"640\" height=\"480\""));
    }
}
