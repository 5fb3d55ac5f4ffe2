//! The HTML document around a page (server only). Pages with an island get the island loader
//! (`island_loader.js`, which hydrates on the reader's first sign of use); every other page
//! ships no wasm at all, only the small site script.
//!
//! Every inline script here is constant for a build, so the server can allow them by hash in
//! its Content-Security-Policy and the same URL always renders the same bytes.

use crate::app::App;
use leptos::prelude::*;
use leptos_meta::MetaTags;
use std::sync::Arc;

/// What the server knows when it renders the document around the app.
#[derive(Clone, Debug)]
pub struct ShellConfig {
    /// Content-hashed URL of the stylesheet.
    pub stylesheet: &'static str,
    /// Content-hashed URL of the site script (theme toggle, copy buttons, frame height).
    pub script: &'static str,
    /// The island loader's inline script, with the wasm glue's and the wasm's URLs
    /// (see [`island_loader`]).
    pub island_loader: Arc<str>,
}

/// The URL paths of the wasm glue and the wasm, as pages name them. With cargo-leptos'
/// `hash-files` the names carry the hashes it wrote to the hash file beside the server binary
/// (the same file Leptos's `HydrationScripts` reads); without that file they are plain.
pub fn island_assets(options: &LeptosOptions) -> (String, String) {
    let hashes = options
        .hash_files
        .then(|| {
            let exe = std::env::current_exe().ok()?;
            std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
        })
        .flatten()
        .unwrap_or_default();
    let hash = |kind: &str| {
        hashes
            .lines()
            .filter_map(|l| l.trim().split_once(':'))
            .find(|(k, _)| k.trim() == kind)
            .map(|(_, h)| format!(".{}", h.trim()))
            .unwrap_or_default()
    };
    let (name, pkg) = (&options.output_name, &options.site_pkg_dir);
    let js = format!("/{pkg}/{name}{}.js", hash("js"));
    // wasm-bindgen names the wasm `<name>_bg.wasm`; cargo-leptos renames it to `<name>.wasm`.
    let wasm = format!("/{pkg}/{name}{}.wasm", hash("wasm"));
    (js, wasm)
}

/// The island loader as an inline module script: `app/src/island_loader.js` without its
/// comment lines, called with the URLs of the wasm glue, the wasm ([`island_assets`]) and the
/// browser's model (`model`, see [`crate::context::browser_model_data`]). Built once when the
/// router is made: the result is the same for every page of a build, so the page's
/// Content-Security-Policy allows it by hash.
pub fn island_loader(options: &LeptosOptions, model: &str) -> String {
    let (js, wasm) = island_assets(options);
    let body: Vec<&str> = include_str!("island_loader.js")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    format!("({})({js:?},{wasm:?},{model:?});", body.join("\n"))
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
    // What Leptos's `HydrationScripts` would do in islands mode: nothing outside islands
    // hydrates, so the shell renders no hydration markers.
    if let Some(sc) = Owner::current_shared_context() {
        sc.set_is_hydrating(false);
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
                        view! {
                            <script type="module" inner_html=config.island_loader.clone()></script>
                        }
                    })}
                <MetaTags />
            </head>
            <body class="min-h-screen bg-bg text-fg antialiased">
                <App />
            </body>
        </html>
    }
}
