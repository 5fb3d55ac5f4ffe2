//! Framed views for wikis.

use leptos::prelude::*;

/// `/embed`.
#[component]
pub fn EmbedAdvisorPage() -> impl IntoView {
    view! { <h1 class="text-xl font-bold">"Embed"</h1> }
}

/// `/embed/compare`.
#[component]
pub fn EmbedComparePage() -> impl IntoView {
    view! { <h1 class="text-xl font-bold">"Embed compare"</h1> }
}
