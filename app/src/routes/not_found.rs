//! The 404 page, with a real 404 status.

use decision::shortcode::CodeError;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for unknown paths and for short links that cannot be opened; says why when it knows.
#[component]
pub fn NotFound(
    /// Why a short link could not be opened, when that is what brought the reader here.
    reason: Option<CodeError>,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let (heading, explanation) = match reason {
        Some(CodeError::Format) => (
            "This short link cannot be opened here",
            "This short link was made by a newer version of the advisor than this one, so it cannot be opened here.",
        ),
        Some(_) => (
            "This short link is damaged",
            "Part of it is missing or mistyped. Short links never expire, so check that it was copied whole.",
        ),
        None => (
            "This page does not exist",
            "The address may be mistyped, or a short link may be damaged. Short links never expire, so check that it was copied whole.",
        ),
    };
    view! {
        <Title text=format!("{heading} — Orchestration Advisor") />
        <section aria-labelledby="nf-title" class="mx-auto max-w-xl py-16 text-center">
            <p class="text-sm font-semibold uppercase tracking-wide text-muted">"404"</p>
            <h1 id="nf-title" class="mt-2 text-3xl font-bold">
                {heading}
            </h1>
            <p class="mt-4 text-muted">{explanation}</p>
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
