//! The 404 page, with a real 404 status.

use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for unknown paths and for short links that cannot be opened.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found — Orchestration Advisor" />
        <section aria-labelledby="nf-title" class="mx-auto max-w-xl py-16 text-center">
            <p class="text-sm font-semibold uppercase tracking-wide text-muted">"404"</p>
            <h1 id="nf-title" class="mt-2 text-3xl font-bold">
                "This page does not exist"
            </h1>
            <p class="mt-4 text-muted">
                "The address may be mistyped, or a short link may be damaged. Short links never expire, so check that it was copied whole."
            </p>
            <p class="mt-8">
                <a
                    href="/"
                    class="inline-block rounded bg-accent px-4 py-2 font-semibold text-accent-fg hover:bg-accent-strong"
                >
                    "Back to the advisor"
                </a>
            </p>
        </section>
    }
}
