//! Typed page state read from the URL: the answers, what was ignored, and page options.

use crate::model::{shortcode, Answers, Model, Notice};
use std::sync::Arc;

/// The model shared by every page, provided as context on the server and after hydration.
pub type SharedModel = Arc<Model>;

/// Where a page's answers came from.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerSource {
    /// The query string of `/`, `/compare` or an embed view.
    Query,
    /// A short link `/r/<code>`.
    Code,
}

/// Answers plus the notices raised while reading them.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAnswers {
    pub answers: Answers,
    pub notices: Vec<Notice>,
}

/// Reads the answers of a query string.
pub fn from_query(model: &Model, search: &str) -> ReadAnswers {
    let (answers, notices) = Answers::from_query(model, search);
    ReadAnswers { answers, notices }
}

/// Reads the answers of a short-link code; `None` when the code cannot be opened.
pub fn from_code(model: &Model, code: &str) -> Option<ReadAnswers> {
    shortcode::decode(model, code)
        .ok()
        .map(|(answers, notices)| ReadAnswers { answers, notices })
}

/// Which options the comparison shows (two to four), from `options=a,b,c`.
pub fn selected_options(model: &Model, search: &str) -> Vec<String> {
    let pairs = crate::model::answers::parse_pairs(search).unwrap_or_default();
    let mut chosen: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "options")
        .flat_map(|(_, v)| v.split(','))
        .filter(|id| model.option(id).is_some())
        .map(str::to_owned)
        .collect();
    chosen.sort_by_key(|id| model.options.iter().position(|o| &o.id == id));
    chosen.dedup();
    if chosen.len() < 2 {
        model.options.iter().map(|o| o.id.clone()).collect()
    } else {
        chosen
    }
}

/// Builds a link to a page with the answers, keeping extra page parameters after them.
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
        q.push_str(&crate::model::answers::percent_encode(v));
    }
    if q.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{q}")
    }
}

/// Site settings the server passes to the pages.
#[derive(Clone, Debug, Default)]
pub struct SiteConfig {
    /// Public base URL (scheme and host) for absolute links, if configured.
    pub public_url: Option<String>,
}

/// The scheme and host that absolute links (copy link, previews) should use.
pub fn use_origin() -> String {
    #[cfg(feature = "hydrate")]
    {
        if let Ok(origin) = leptos::prelude::window().location().origin() {
            return origin;
        }
    }
    let config = leptos::prelude::use_context::<SiteConfig>().unwrap_or_default();
    if let Some(url) = config.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    #[cfg(feature = "ssr")]
    {
        if let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() {
            if let Some(host) = parts
                .headers
                .get(http::header::HOST)
                .and_then(|h| h.to_str().ok())
            {
                return format!("http://{host}");
            }
        }
    }
    String::new()
}

/// How answer and option changes update the URL: replace the history entry (the URL is the
/// state, not a trail of edits) and keep the scroll position.
pub fn in_place() -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        replace: true,
        scroll: false,
        ..Default::default()
    }
}
