//! The notice box that says what in a link was ignored.

use crate::model::Notice;
use leptos::prelude::*;

/// Lists what a link contained that could not be applied. Renders nothing when all was fine.
#[component]
pub fn Notices(
    /// Notices raised while reading the link.
    notices: Signal<Vec<Notice>>,
) -> impl IntoView {
    move || {
        let notices = notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <section
                    role="status"
                    aria-labelledby="notices-title"
                    class="mb-6 rounded-lg border border-warn bg-warn-soft p-4 text-sm"
                >
                    <h2 id="notices-title" class="font-semibold">
                        "Part of this link was not applied"
                    </h2>
                    <ul class="mt-2 list-disc space-y-1 pl-5">
                        {notices
                            .into_iter()
                            .map(|n| {
                                view! { <li data-notice=format!("{:?}", n.kind)>{n.message}</li> }
                            })
                            .collect_view()}
                    </ul>
                    <p class="mt-2 text-muted">"The rest of the answers apply."</p>
                </section>
            }
        })
    }
}
