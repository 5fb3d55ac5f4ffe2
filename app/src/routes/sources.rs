//! `/sources`: every fact with its source and date.

use leptos::prelude::*;

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    view! { <h1 class="text-2xl font-bold">"Sources"</h1> }
}
