//! The box that says what in a link, or in the reader's own answers, was not applied.

use decision::{Notice, NoticeOrigin};
use leptos::prelude::*;

/// Lists what a link (or the reader's edits) contained that could not be applied; renders
/// nothing when all was fine.
#[component]
pub fn Notices(
    /// Notices raised while reading the link (or the form).
    #[prop(into)]
    notices: Signal<Vec<Notice>>,
    /// Where they come from, which heads the box; a link unless given.
    #[prop(optional, into)]
    origin: MaybeProp<NoticeOrigin>,
) -> impl IntoView {
    move || {
        notices.with(|notices| {
            (!notices.is_empty()).then(|| {
                let heading = origin.get().unwrap_or_default().heading();
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
                            {heading}
                        </h2>
                        <ul class="mt-2 list-disc space-y-1 pl-5">{items}</ul>
                        <p class="mt-2 text-muted">"The rest of the answers apply."</p>
                    </section>
                }
            })
        })
    }
}
