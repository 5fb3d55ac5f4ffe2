//! The box that says what in a link was not applied.

use decision::Notice;
use leptos::prelude::*;

/// Lists what a link contained that could not be applied; renders nothing when all was fine.
#[component]
pub fn Notices(
    /// Notices raised while reading the link (or the form).
    #[prop(into)]
    notices: Signal<Vec<Notice>>,
) -> impl IntoView {
    move || {
        notices.with(|notices| {
            (!notices.is_empty()).then(|| {
                let items = notices
                    .iter()
                    .map(|n| view! { <li>{n.message.clone()}</li> })
                    .collect_view();
                view! {
                    <section
                        role="status"
                        aria-labelledby="notices-title"
                        class="mb-6 rounded-lg border border-warn bg-warn-soft p-4 text-sm"
                        data-testid="notices"
                    >
                        <h2 id="notices-title" class="font-semibold">
                            "Part of this link was not applied"
                        </h2>
                        <ul class="mt-2 list-disc space-y-1 pl-5">{items}</ul>
                        <p class="mt-2 text-muted">"The rest of the answers apply."</p>
                    </section>
                }
            })
        })
    }
}
