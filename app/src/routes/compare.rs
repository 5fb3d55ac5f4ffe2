//! `/compare`: the guide's comparison tables for the options a team picks, marked up with what
//! its answers make matter, what they rule out, and the team's numbers against every limit.
//!
//! The URL is the state: the advisor's answers plus `options=a,b,c`. A server-rendered page:
//! the option picker is a GET form (submitted on change by the site script), so the page
//! ships no wasm.

use crate::components::citation::PrintSources;
use crate::components::layout::PageHeading;
use crate::components::matrix::MatrixSection;
use crate::components::notices::Notices;
use crate::context::{use_frame, use_model, use_site};
use decision::comparison::build_all;
use decision::query::{iframe_html, link, percent_encode, Page};
use decision::{evaluate, shortcode, PageQuery};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// `/compare` and `/embed/compare`.
#[component]
pub fn ComparePage() -> impl IntoView {
    let model = use_model();
    let frame = use_frame();
    let origin = use_site().origin;
    let query = PageQuery::parse(model, &use_location().search.get_untracked());
    let eval = evaluate(model, &query.answers);
    let selected: Vec<String> = query
        .options
        .iter()
        .map(|&i| model.options[i].id.clone())
        .collect();
    let matrices = build_all(model, &selected, &query.answers, &eval);
    let framed = frame.framed();
    let target = framed.then_some("_blank");
    let canonical = format!(
        "{origin}{}",
        link(
            Page::Compare.path(false),
            model,
            &query.answers,
            &query.extras(model, true)
        )
    );
    let image = format!(
        "{origin}/og/compare/{}.png",
        shortcode::encode(model, &query.answers)
    );
    let oembed = format!(
        "{origin}/oembed?format=json&url={}",
        percent_encode(&canonical)
    );
    let description = "Lambda durable functions, Step Functions Standard and Express, and EventBridge with Lambda side by side: the guide's tables with limits and prices at your numbers, each value with its source and date.";
    let answered = query.answers.len();
    let back = link(
        Page::Advisor.path(framed),
        model,
        &query.answers,
        &frame.extras(),
    );
    let cited: Vec<String> = matrices
        .iter()
        .flat_map(|m| m.facts())
        .map(str::to_owned)
        .collect();
    let tables = matrices
        .into_iter()
        .map(|m| view! { <MatrixSection matrix=m embedded=framed /> })
        .collect_view();
    view! {
        <Title text="Compare — Orchestration Advisor" />
        <Meta name="description" content=description />
        <Link rel="canonical" href=canonical.clone() />
        <Link
            rel="alternate"
            type_="application/json+oembed"
            href=oembed
            title="Orchestration Advisor"
        />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content="Orchestration Advisor" />
        <Meta property="og:title" content="Compare the approaches — Orchestration Advisor" />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=canonical.clone() />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:width" content="1200" />
        <Meta property="og:image:height" content="630" />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:image" content=image />
        // Wide tables print across the page (`page: wide` in the theme).
        <div class="print-landscape">
            <PageHeading title="Compare the approaches">
                "The guide's two tables and the limits and prices behind them, with your numbers against every limit. Open “Source” in any cell for the statement in full, where it was read and when; "
                <a href="/sources" target=target class="text-link underline">
                    "all sources"
                </a> " are listed on their own page."
            </PageHeading>
            <Notices notices=query.notices.clone() />
            <div
                class="mb-6 rounded-lg border border-line bg-surface p-4 text-sm print:hidden"
                data-testid="answers-summary"
            >
                <p>
                    {if answered == 0 {
                        "Answer the advisor's questions to see which rows matter for your workload, what rules an option out, and your numbers against each limit."
                            .to_owned()
                    } else {
                        format!(
                            "With your {answered} answer{}, rows that matter are highlighted and marked “Matters for your answers”; a cell that rules an option out says why.",
                            if answered == 1 { "" } else { "s" },
                        )
                    }}
                </p>
                <p class="mt-2">
                    <a
                        href=back
                        class="font-medium text-link underline"
                        data-testid="back-to-advisor"
                    >
                        "Back to the advisor with these answers"
                    </a>
                </p>
            </div>
            {(!framed).then(|| view! { <CompareSharing canonical=canonical.clone() /> })}
            <OptionPicker query=query />
            {tables}
            <PrintSources facts=cited />
        </div>
    }
}

/// Checkboxes for the options to compare: a GET form that keeps the answers; the site script
/// submits it on every change, and without scripts it has a button.
#[component]
fn OptionPicker(
    /// The page's query: answers, selected options, theme.
    query: PageQuery,
) -> impl IntoView {
    let model = use_model();
    let frame = use_frame();
    let action = Page::Compare.path(frame.framed());
    let hidden = query
        .answers
        .to_query(model)
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((
                decision::query::percent_decode(k)?,
                decision::query::percent_decode(v)?,
            ))
        })
        .chain(frame.extras().into_iter().map(|(k, v)| (k.to_owned(), v)))
        .map(|(k, v)| view! { <input type="hidden" name=k value=v /> })
        .collect_view();
    let boxes = model
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = format!("compare-option-{}", o.id);
            let label_for = id.clone();
            view! {
                <label
                    for=label_for
                    class="inline-flex cursor-pointer items-center gap-2 rounded border border-line bg-bg px-3 py-2 text-sm hover:border-accent"
                >
                    <input
                        type="checkbox"
                        id=id
                        name="options"
                        value=o.id.clone()
                        checked=query.options.contains(&i)
                        class="h-4 w-4 accent-accent"
                    />
                    {o.name.clone()}
                </label>
            }
        })
        .collect_view();
    view! {
        <form
            method="get"
            autocomplete="off"
            action=action
            data-autosubmit=""
            class="rounded-lg border border-line bg-surface p-4 print:hidden"
            data-testid="option-picker"
        >
            <fieldset>
                <legend class="font-medium">"Options to compare (two to four)"</legend>
                {hidden}
                <div class="mt-3 flex flex-wrap gap-2">{boxes}</div>
            </fieldset>
            <div class="no-js-only mt-3">
                <button
                    type="submit"
                    class="rounded bg-accent px-4 py-2 font-semibold text-accent-fg hover:bg-accent-strong"
                >
                    "Update"
                </button>
            </div>
        </form>
    }
}

/// The snippet that frames this comparison in a wiki.
#[component]
fn CompareSharing(
    /// The comparison's canonical URL.
    canonical: String,
) -> impl IntoView {
    let embed = canonical.replacen("/compare", "/embed/compare", 1);
    let snippet = iframe_html(&embed, "Orchestration Advisor: comparison", None, 1200);
    view! {
        <details
            class="mb-6 rounded-lg border border-line bg-surface p-3 text-sm print:hidden"
            data-testid="embed"
        >
            <summary class="cursor-pointer font-medium text-link">"Embed in a wiki page"</summary>
            <div class="mt-3 space-y-3">
                <p class="text-muted">
                    "Paste this into a page that allows HTML or iframes, or paste the comparison's link into a wiki that frames links. Add theme=light or theme=dark to the address to fix the colours."
                </p>
                <pre class="overflow-x-auto whitespace-pre-wrap break-all rounded bg-raised p-2 font-mono text-xs">
                    <code data-testid="embed-code">{snippet.clone()}</code>
                </pre>
                <button
                    type="button"
                    data-copy-text=snippet
                    class="js-only rounded border border-line bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-raised"
                >
                    "Copy embed code"
                </button>
            </div>
        </details>
    }
}
