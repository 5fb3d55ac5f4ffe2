//! `/sources`: every fact in the model with its source and date, grouped by option, with
//! disagreements between sources side by side, the prices the cost estimates use, and the list
//! of sources.
//!
//! Each fact has exactly one element with `id="fact-<id>"`, which the advisor and the
//! comparison link to. An older fact that a newer one replaced sits next to it, inside the
//! newer fact's entry.

use crate::components::matrix::SourceLink;
use crate::context::{use_model, SharedModel};
use decision::comparison::Citation;
use decision::engine::wording::join_names;
use decision::fact_index::{fact_groups, facts_citing, FactGroup};
use decision::model::{Fact, SourceKind};
use decision::number;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let model = use_model();
    let groups = fact_groups(model);
    let toc = groups
        .iter()
        .map(|g| {
            view! {
                <li>
                    <a href=format!("#{}", g.id) class="text-link underline">
                        {g.heading.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let sections = groups
        .into_iter()
        .map(|g| view! { <GroupSection model=model group=g /> })
        .collect_view();
    let summary = format!(
        "{} facts from {} sources. Model “{}”, version {}.",
        model.facts.len(),
        model.sources.len(),
        model.title,
        model.version
    );
    view! {
        <Title text="Sources — Orchestration Advisor" />
        <Meta
            name="description"
            content="Every fact behind the Orchestration Advisor with the page it was read in and its date, and where sources disagree, both statements side by side."
        />
        <div class="mb-6 max-w-3xl">
            <h1 class="text-2xl font-bold sm:text-3xl">"Sources"</h1>
            <p class="mt-2 text-muted">
                "Every fact behind the advisor and the comparison, grouped by option, with the page it was read in and the date that page gives. Where a newer page contradicts an older statement, both are shown side by side and the model uses the newer one."
            </p>
            <p class="mt-2 text-sm text-muted">{summary}</p>
        </div>
        <nav
            aria-labelledby="sources-toc-title"
            class="mb-8 rounded-lg border border-line bg-surface p-4 text-sm"
        >
            <h2 id="sources-toc-title" class="font-semibold">
                "On this page"
            </h2>
            <ul class="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                {toc} <li>
                    <a href="#prices" class="text-link underline">
                        "Prices"
                    </a>
                </li> <li>
                    <a href="#all-sources" class="text-link underline">
                        "All sources"
                    </a>
                </li>
            </ul>
        </nav>
        {sections}
        <PriceList model=model />
        <SourceList model=model />
    }
}

/// One section of facts.
#[component]
fn GroupSection(
    /// The model the facts come from.
    model: SharedModel,
    /// What the section holds.
    group: FactGroup,
) -> impl IntoView {
    let heading_id = format!("{}-title", group.id);
    let labelled_by = heading_id.clone();
    let entries = group
        .facts
        .iter()
        .filter_map(|id| model.fact(id).cloned())
        .map(|f| view! { <FactEntry model=model fact=f /> })
        .collect_view();
    let shared = (!group.shared.is_empty()).then(|| {
        let links = group
            .shared
            .iter()
            .filter_map(|id| model.fact(id))
            .map(|f| {
                let with: Vec<&str> = model
                    .options
                    .iter()
                    .filter(|o| f.options.contains(&o.id) && !group.options.contains(&o.id))
                    .map(|o| o.short.as_str())
                    .collect();
                view! {
                    <li>
                        <a href=format!("#fact-{}", f.id) class="text-link underline">
                            {f.value.clone()}
                        </a>
                        <span class="text-muted">{format!(" (with {})", join_names(&with))}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="mt-4 text-sm">
                <h3 class="font-semibold">
                    "Also about this option, listed with the options it shares them with"
                </h3>
                <ul class="mt-1 list-disc space-y-1 pl-5">{links}</ul>
            </div>
        }
    });
    view! {
        <section
            id=group.id.clone()
            aria-labelledby=labelled_by
            class="mb-10 scroll-mt-4"
            data-group=group.id.clone()
        >
            <h2 id=heading_id class="text-xl font-semibold">
                {group.heading.clone()}
            </h2>
            <ul class="mt-3 space-y-3">{entries}</ul>
            {shared}
        </section>
    }
}

/// Classes of an element that a `#fact-…` link can land on.
const ENTRY: &str =
    "scroll-mt-4 rounded-lg border border-line bg-surface p-4 target:ring-2 target:ring-focus";

/// A fact, or when sources disagree, the older statements next to the one the model uses.
#[component]
fn FactEntry(
    /// The model the fact comes from.
    model: SharedModel,
    /// The fact (a current one).
    fact: Fact,
) -> impl IntoView {
    let older: Vec<Fact> = model.superseded(&fact.id).cloned().collect();
    let id = format!("fact-{}", fact.id);
    let fact_id = fact.id.clone();
    if older.is_empty() {
        return Either::Left(view! {
            <li id=id class=ENTRY data-fact=fact_id>
                <FactBody model=model fact=fact />
            </li>
        });
    }
    let newer = Citation::new(model, &fact);
    let panels = older
        .into_iter()
        .map(|old| {
            let old_id = old.id.clone();
            view! {
                <div
                    id=format!("fact-{old_id}")
                    data-fact=old_id.clone()
                    data-superseded="true"
                    class="scroll-mt-4 rounded border border-line bg-bg p-3 target:ring-2 target:ring-focus"
                >
                    <p class="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">
                        "Older · not used"
                    </p>
                    <FactBody model=model fact=old />
                </div>
            }
        })
        .collect_view();
    Either::Right(view! {
        <li id=id class=ENTRY data-fact=fact_id data-disagreement="true">
            <p class="text-sm font-semibold text-warn">"Sources disagree"</p>
            <div class="mt-2 grid gap-3 md:grid-cols-2">
                {panels} <div class="rounded border-2 border-accent p-3">
                    <p class="mb-1 text-xs font-semibold uppercase tracking-wide text-accent-strong">
                        "Newer · the model uses this"
                    </p>
                    <FactBody model=model fact=fact />
                </div>
            </div>
            <p class="mt-2 text-sm">
                {format!(
                    "The advisor and the tables use the newer statement, from {} ({}).",
                    newer.source_label,
                    newer.as_of,
                )}
            </p>
        </li>
    })
}

/// A fact's value, full statement, table row, and source with date.
#[component]
fn FactBody(
    /// The model the fact comes from.
    model: SharedModel,
    /// The fact to show.
    fact: Fact,
) -> impl IntoView {
    let citation = Citation::new(model, &fact);
    let row = fact
        .attribute
        .as_deref()
        .and_then(|a| model.attribute(a))
        .map(|a| a.label.clone());
    let kind = citation.kind.label();
    view! {
        <p class="font-medium">{fact.value.clone()}</p>
        <p class="mt-1 text-sm">{fact.detail.clone()}</p>
        <p class="mt-2 text-xs text-muted">
            {row.map(|r| format!("Table row: {r} · "))} "Source (" {kind} "): "
            <SourceLink citation=citation target=None />
        </p>
    }
}

/// Every source with its kind and date; third-party sources carry a caution.
#[component]
fn SourceList(
    /// The model whose sources to list.
    model: SharedModel,
) -> impl IntoView {
    let items = model
        .sources
        .iter()
        .map(|s| {
            let count = facts_citing(model, &s.id);
            let note = match s.kind {
                SourceKind::Guide => EitherOf3::A(view! {
                    <p class="mt-2 text-sm">
                        "The team's orchestration guide that this product is built on."
                    </p>
                }),
                SourceKind::ThirdParty => EitherOf3::B(view! {
                    <p class="mt-2 rounded border border-warn bg-warn-soft px-2 py-1 text-sm text-warn">
                        <span class="font-semibold">"Caution: "</span>
                        "not published by AWS. Check the figure against AWS's own pages before relying on it."
                    </p>
                }),
                SourceKind::Aws => EitherOf3::C(()),
            };
            view! {
                <li
                    id=format!("source-{}", s.id)
                    data-source=s.id.clone()
                    class="scroll-mt-4 rounded-lg border border-line bg-surface p-4 break-words"
                >
                    <a
                        href=s.url.clone()
                        rel="noopener noreferrer"
                        class="font-medium text-link underline"
                    >
                        {s.title.clone()}
                    </a>
                    <p class="mt-1 text-sm text-muted">
                        {s.kind.label()} " · as of "
                        <time datetime=s.as_of.clone()>{s.as_of.clone()}</time>
                        {format!(" · {count} fact{}", if count == 1 { "" } else { "s" })}
                    </p>
                    {note}
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="all-sources" aria-labelledby="all-sources-title" class="scroll-mt-4">
            <h2 id="all-sources-title" class="text-xl font-semibold">
                "All sources"
            </h2>
            <p class="mt-1 text-sm text-muted">
                "Dates are those the page gives, or the day it was read when it gives none."
            </p>
            <ul class="mt-3 space-y-3">{items}</ul>
        </section>
    }
}

/// The list prices the cost estimates use, each with its facts; third-party ones say so.
#[component]
fn PriceList(
    /// The model whose prices to list.
    model: SharedModel,
) -> impl IntoView {
    let rows = model
        .prices
        .iter()
        .map(|p| {
            let unit = if p.per == 1.0 {
                String::new()
            } else {
                format!(" per {}", number::human(p.per))
            };
            let free = p
                .free_per_month
                .map(|f| format!("; {} free a month", number::human(f)))
                .unwrap_or_default();
            let tiers = p
                .tiers
                .iter()
                .map(|t| format!("; ${} above {} a month", t.usd, number::human(t.from)))
                .collect::<String>();
            let third = p.facts.iter().any(|f| {
                model
                    .fact(f)
                    .and_then(|f| model.source(&f.source))
                    .is_some_and(|s| s.kind == SourceKind::ThirdParty)
            });
            let cites = p
                .facts
                .iter()
                .map(|f| {
                    view! {
                        <a href=format!("#fact-{f}") class="text-link underline">
                            {f.clone()}
                        </a>
                        " "
                    }
                })
                .collect_view();
            view! {
                <tr class="border-t border-line" data-price=p.id.clone()>
                    <th scope="row" class="py-2 pr-3 text-left font-normal">
                        {p.label.clone()}
                        {third
                            .then(|| {
                                view! {
                                    <span class="ml-1 font-semibold text-warn">
                                        "(third-party)"
                                    </span>
                                }
                            })}
                    </th>
                    <td class="py-2 pr-3 font-mono">{format!("${}{unit}{free}{tiers}", p.usd)}</td>
                    <td class="py-2 pr-3">{p.region.clone()}</td>
                    <td class="py-2 text-xs">{cites}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="prices" aria-labelledby="prices-title" class="mb-10 scroll-mt-4">
            <h2 id="prices-title" class="text-xl font-semibold">
                "Prices"
            </h2>
            <p class="mt-1 text-sm text-muted">
                "The list prices the cost estimates use. Prices read only on third-party pages are marked; check them against AWS's pricing pages."
            </p>
            <div class="mt-3 overflow-x-auto">
                <table class="w-full text-sm">
                    <caption class="sr-only">"Prices used by the cost estimates"</caption>
                    <thead>
                        <tr class="text-left text-xs text-muted">
                            <th scope="col" class="py-1 pr-3 font-medium">
                                "Item"
                            </th>
                            <th scope="col" class="py-1 pr-3 font-medium">
                                "US dollars"
                            </th>
                            <th scope="col" class="py-1 pr-3 font-medium">
                                "Region"
                            </th>
                            <th scope="col" class="py-1 font-medium">
                                "Facts"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
