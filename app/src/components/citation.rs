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
    // On paper the link gives way to its reference number; the page lists the sources at its end.
    let number = decision::citations::number(model, &fact).map(|n| format!("[{n}]"));
    label.map(|label| {
        view! {
            <a
                href=format!("/sources#fact-{fact}")
                target=new_tab.then_some("_blank")
                class="break-words text-xs text-link underline print:hidden"
            >
                {label}
            </a>
            <span class="hidden text-xs print:inline">{number}</span>
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

/// The sources a printed page cites, numbered as its "[n]" marks, with full addresses. Shown
/// only on paper.
#[component]
pub fn PrintSources(
    /// The fact ids the page cites, in any order, repeats allowed.
    facts: Vec<String>,
) -> impl IntoView {
    let model = use_model();
    let items = decision::citations::sources_of(model, facts.iter().map(String::as_str))
        .into_iter()
        .map(|(n, s)| {
            view! {
                <li>
                    {format!("[{n}] {}, as of {}. ", source_label(s), s.as_of)}
                    <span class="break-all">{s.url.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="mt-4 hidden text-xs print:block" aria-label="Sources cited">
            <h3 class="font-semibold">"Sources"</h3>
            <ol class="mt-1 space-y-0.5 print:columns-3 print:gap-3 print:text-[8px]">{items}</ol>
        </section>
    }
}
