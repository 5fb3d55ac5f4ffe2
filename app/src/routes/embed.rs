//! Framed views for internal wikis: `/embed` (the advisor) and `/embed/compare` (the tables).
//!
//! No site header or footer; a `theme` parameter (`light`, `dark`, `auto`) instead of the
//! toggle; links open the full view. Once hydrated the page reports its height to the host
//! page with `postMessage` so the frame can size itself.

use crate::app::use_model;
use crate::routes::advisor::AdvisorView;
use crate::routes::compare::{CompareContext, CompareView};
use crate::state;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The `type` field of the height message sent to the host page.
pub const HEIGHT_MESSAGE_TYPE: &str = "orchestration-advisor:height";

/// Reads `theme=light|dark|auto`; anything else means auto (follow the system).
pub fn theme_param(search: &str) -> &'static str {
    let pairs = crate::model::answers::parse_pairs(search).unwrap_or_default();
    match pairs
        .iter()
        .find(|(k, _)| k == "theme")
        .map(|(_, v)| v.as_str())
    {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "",
    }
}

/// `/embed`: the advisor without the site's chrome.
#[component]
pub fn EmbedAdvisorPage() -> impl IntoView {
    let model = use_model();
    let location = use_location();
    let read = Memo::new(move |_| state::from_query(&model, &location.search.get()));
    let theme = theme_param(&location.search.get_untracked());
    let extra = if theme.is_empty() {
        Vec::new()
    } else {
        vec![("theme", theme.to_owned())]
    };
    view! {
        <EmbedFrame theme=theme full_path="/">
            <AdvisorView read=read.into() base_path="/embed" embedded=true extra=extra />
        </EmbedFrame>
    }
}

/// `/embed/compare`: the comparison tables without the site's chrome.
#[component]
pub fn EmbedComparePage() -> impl IntoView {
    let location = use_location();
    let theme = theme_param(&location.search.get_untracked());
    view! {
        <EmbedFrame theme=theme full_path="/compare">
            <CompareView context=CompareContext::embed(theme) />
        </EmbedFrame>
    }
}

/// The frame's own chrome: a one-line header linking to the full view, and the theme.
#[component]
fn EmbedFrame(
    /// `light`, `dark`, or empty to follow the system.
    theme: &'static str,
    /// The full (unframed) page this view mirrors.
    full_path: &'static str,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let full = move || {
        let query: String = crate::model::answers::parse_pairs(&location.search.get())
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "theme")
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    crate::model::answers::percent_encode(&k),
                    crate::model::answers::percent_encode(&v)
                )
            })
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() {
            full_path.to_owned()
        } else {
            format!("{full_path}?{query}")
        }
    };
    Effect::new(move |_| report_height());
    view! {
        <div class=format!("{theme} min-h-screen bg-bg text-fg") data-embed="true">
            <header class="flex flex-wrap items-center justify-between gap-2 border-b border-line bg-surface px-3 py-2 text-sm">
                <span class="flex items-center gap-2 font-semibold">
                    <crate::components::layout::Logo />
                    "Orchestration Advisor"
                </span>
                <a href=full target="_blank" rel="noopener" class="text-link underline">
                    "Open the full view"
                    <span class="sr-only">" (opens in a new tab)"</span>
                </a>
            </header>
            <main id="main" class="px-3 py-4">
                {children()}
            </main>
        </div>
    }
}

/// Sends `{ type, height, path }` to the parent on load and whenever the height changes.
#[cfg(feature = "hydrate")]
fn report_height() {
    use std::cell::Cell;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    thread_local!(static STARTED: Cell<bool> = const { Cell::new(false) });
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let send = || {
        let window = window();
        let Some(root) = document().document_element() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = js_sys::Object::new();
        let path = window.location().pathname().unwrap_or_default()
            + &window.location().search().unwrap_or_default();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(
            &message,
            &"height".into(),
            &JsValue::from(root.scroll_height()),
        );
        let _ = js_sys::Reflect::set(&message, &"path".into(), &path.into());
        let _ = parent.post_message(&message, "*");
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // Lives as long as the page.
        callback.forget();
        std::mem::forget(observer);
    }
}

#[cfg(not(feature = "hydrate"))]
fn report_height() {}

#[cfg(test)]
mod tests {
    use super::theme_param;

    #[test]
    fn theme_param_accepts_only_known_values() {
        assert_eq!(theme_param("theme=dark&duration=hours"), "dark");
        assert_eq!(theme_param("?theme=light"), "light");
        assert_eq!(theme_param("theme=auto"), "");
        assert_eq!(theme_param("theme=%3Cscript%3E"), "");
    }
}
