//! The HTML document around a page (server only). Pages with an island get the island loader;
//! every other page ships no wasm at all, only the small site script.
//!
//! Every inline script here is constant for a build, so the server can allow them by hash in
//! its Content-Security-Policy and the same URL always renders the same bytes.

use crate::app::App;
use leptos::prelude::*;
use leptos_meta::MetaTags;

/// What the server knows when it renders the document around the app.
#[derive(Clone, Debug)]
pub struct ShellConfig {
    pub options: LeptosOptions,
    /// Content-hashed URL of the stylesheet.
    pub stylesheet: &'static str,
    /// Content-hashed URL of the site script (theme toggle, copy buttons, frame height).
    pub script: &'static str,
}

/// Runs before first paint, so a remembered theme never flashes the other one.
/// A framed page's explicit theme (a class on `<html>`) wins over the remembered one.
pub const THEME_SCRIPT: &str = "try{var t=localStorage.getItem('theme');var d=document.documentElement;\
if((t==='dark'||t==='light')&&!d.classList.contains('light')&&!d.classList.contains('dark')){d.classList.add(t)}}catch(e){}";

/// Whether a path renders an island (and so needs the wasm).
pub fn needs_island(path: &str) -> bool {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    matches!(path, "/" | "/embed" | "/whatif" | "/embed/whatif")
        || path.starts_with("/r/")
        || path.starts_with("/embed/r/")
        || path.starts_with("/w/")
        || path.starts_with("/embed/w/")
}

/// The document. The browser hydrates only the islands inside `<body>`.
pub fn shell(config: ShellConfig) -> impl IntoView {
    // leptos_axum provides a random nonce per request; the pages use hashes instead, so the
    // same URL renders the same bytes and any cache can hold it.
    let _ = take_context::<leptos::nonce::Nonce>();
    let (path, query) = use_context::<http::request::Parts>()
        .map(|p| {
            (
                p.uri.path().to_owned(),
                p.uri.query().unwrap_or_default().to_owned(),
            )
        })
        .unwrap_or_default();
    let island = needs_island(&path);
    // A framed page's `theme` parameter, applied before first paint.
    let theme = if path.starts_with("/embed") {
        decision::query::lenient_pairs(&query)
            .0
            .iter()
            .find(|(k, _)| k == "theme")
            .map(|(_, v)| decision::Theme::parse(v).as_str())
            .unwrap_or_default()
    } else {
        ""
    };
    if !island {
        // What the island loader would do: nothing outside islands hydrates.
        if let Some(sc) = Owner::current_shared_context() {
            sc.set_is_hydrating(false);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang="en" class=(!theme.is_empty()).then_some(theme)>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <script inner_html=THEME_SCRIPT></script>
                <link rel="stylesheet" href=config.stylesheet />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <script type="module" src=config.script></script>
                {island
                    .then(|| {
                        view! { <HydrationScripts options=config.options.clone() islands=true /> }
                    })}
                <MetaTags />
            </head>
            <body class="min-h-screen bg-bg text-fg antialiased">
                <App />
            </body>
        </html>
    }
}
