//! `/compare`: the guide's comparison tables.

use leptos::prelude::*;

/// The comparison page.
#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <h1 class="text-2xl font-bold">"Compare"</h1> }
}
