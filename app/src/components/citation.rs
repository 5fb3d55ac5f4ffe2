//! How a fact is cited wherever the product states it: a link to its entry on the sources
//! page, naming the source and the date it gives.

use crate::context::use_model;
use decision::comparison::source_label;
use leptos::prelude::*;

/// "AWS Lambda Developer Guide, 2026-11-29", linking to the fact on the sources page.
#[component]
pub fn FactCite(
    /// The fact's id.
    fact: String,
    /// Open the sources page in a new tab (inside a frame).
    #[prop(optional)]
    new_tab: bool,
) -> impl IntoView {
    let model = use_model();
    let label = model.fact(&fact).map(|f| {
        let source = model
            .source(&f.source)
            .map_or_else(|| f.source.clone(), source_label);
        let third = model
            .source(&f.source)
            .is_some_and(|s| s.kind == decision::model::SourceKind::ThirdParty);
        format!(
            "{source}{}, {}",
            if third { " (third-party)" } else { "" },
            f.as_of
        )
    });
    label.map(|label| {
        view! {
            <a
                href=format!("/sources#fact-{fact}")
                target=new_tab.then_some("_blank")
                class="break-words text-xs text-link underline"
            >
                {label}
            </a>
        }
    })
}

/// The citations of a reason, one per fact.
#[component]
pub fn FactCites(
    /// Fact ids.
    facts: Vec<String>,
    /// Open the sources page in a new tab (inside a frame).
    #[prop(optional)]
    new_tab: bool,
) -> impl IntoView {
    facts
        .into_iter()
        .map(|f| {
            view! {
                <FactCite fact=f new_tab=new_tab />
                " "
            }
        })
        .collect_view()
}
