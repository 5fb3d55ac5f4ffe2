//! Orchestration Advisor: the decision model and the Leptos pages that present it.
//!
//! `model` is plain Rust (no web types). Everything else is the user interface, rendered on the
//! server (`ssr`) and hydrated in the browser (`hydrate`).
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod model;
pub mod routes;
pub mod state;

pub use app::{shell, App, ShellConfig};

/// Browser entry point: reads the model the server embedded in the page, then hydrates.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(model) = app::embedded_model() else {
        // Without the model the page stays server-rendered, which is fully usable.
        leptos::logging::warn!("model data missing; the page stays server-rendered");
        return;
    };
    leptos::mount::hydrate_body(move || {
        leptos::prelude::provide_context(model.clone());
        leptos::prelude::view! { <App /> }
    });
    // Lets tests (and curious readers of the DOM) know the page is interactive.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
        // Only now are JavaScript-only controls live; until then the plain forms stay usable.
        let _ = root.class_list().add_1("js");
    }
}
