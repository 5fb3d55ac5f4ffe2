//! Orchestration Advisor's pages. Everything is rendered on the server; only the advisor (the
//! questionnaire's answers and the result that follows them) is an island that hydrates in the
//! browser, where it runs the same decision engine ([`decision`]) on every change.
//!
//! - [`shell`]: the HTML document around a page.
//! - [`app`]: the routes, under the site's layout or the framed (embed) layout.
//! - [`context`]: what every page reads: the model, the request's origin and frame.
//! - [`routes`]: one module per screen; [`components`]: widgets several screens share.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod context;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod shell;

pub use app::App;

/// Browser entry point: the island loader calls this once, then hydrates each island.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
