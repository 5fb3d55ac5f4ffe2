//! `/sources`: every fact in the model with its source and date, grouped by option, with
//! disagreements between sources side by side, and the list of sources.
//!
//! Each fact has exactly one element with `id="fact-<id>"`, which the advisor and the
//! comparison link to. An older fact that a newer one replaced sits next to it, inside the
//! newer fact's entry.

use crate::app::use_model;
use crate::components::matrix::{kind_label, Citation, SourceLink};
use crate::model::types::{Fact, SourceKind};
use crate::model::Model;
use crate::state::SharedModel;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// A section of the page: the facts about one option, about several together, or about none.
#[derive(Clone, Debug, PartialEq)]
pub struct FactGroup {
    /// Element id of the section.
    pub id: String,
    pub heading: String,
    /// The options it is about, in model order (empty for general facts).
    pub options: Vec<String>,
    /// Facts listed as entries here, in model order.
    pub facts: Vec<String>,
    /// For a single option: facts it shares with others, listed in their own section.
    pub shared: Vec<String>,
}

/// Whether a fact gets its own entry: it is current, or names a newer fact that is missing.
/// Older facts otherwise appear inside the entry of the fact that replaced them.
fn is_entry(model: &Model, fact: &Fact) -> bool {
    fact.superseded_by
        .as_deref()
        .is_none_or(|newer| model.fact(newer).is_none())
}

/// The options a fact is about, in model order, unknown ids dropped.
fn option_key(model: &Model, fact: &Fact) -> Vec<String> {
    model
        .options
        .iter()
        .filter(|o| fact.options.contains(&o.id))
        .map(|o| o.id.clone())
        .collect()
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The page's sections: one per option, then one per set of options that share facts, then
/// "General". Sections with nothing in them are left out.
pub fn fact_groups(model: &Model) -> Vec<FactGroup> {
    let entries: Vec<(&Fact, Vec<String>)> = model
        .facts
        .iter()
        .filter(|f| is_entry(model, f))
        .map(|f| (f, option_key(model, f)))
        .collect();
    let mut groups = Vec::new();
    for option in &model.options {
        let facts: Vec<String> = entries
            .iter()
            .filter(|(_, key)| key.len() == 1 && key[0] == option.id)
            .map(|(f, _)| f.id.clone())
            .collect();
        let shared: Vec<String> = entries
            .iter()
            .filter(|(_, key)| key.len() > 1 && key.contains(&option.id))
            .map(|(f, _)| f.id.clone())
            .collect();
        if facts.is_empty() && shared.is_empty() {
            continue;
        }
        groups.push(FactGroup {
            id: format!("option-{}", option.id),
            heading: option.name.clone(),
            options: vec![option.id.clone()],
            facts,
            shared,
        });
    }
    let mut keys: Vec<Vec<String>> = entries
        .iter()
        .filter(|(_, key)| key.len() > 1)
        .map(|(_, key)| key.clone())
        .collect();
    let position = |id: &String| model.options.iter().position(|o| &o.id == id);
    keys.sort_by_key(|k| k.iter().map(position).collect::<Vec<_>>());
    keys.dedup();
    for key in keys {
        let names: Vec<String> = key
            .iter()
            .filter_map(|id| model.option(id).map(|o| o.name.clone()))
            .collect();
        groups.push(FactGroup {
            id: format!("shared-{}", key.join("--")),
            heading: format!("Shared: {}", join_names(&names)),
            facts: entries
                .iter()
                .filter(|(_, k)| *k == key)
                .map(|(f, _)| f.id.clone())
                .collect(),
            options: key,
            shared: Vec::new(),
        });
    }
    let general: Vec<String> = entries
        .iter()
        .filter(|(_, key)| key.is_empty())
        .map(|(f, _)| f.id.clone())
        .collect();
    if !general.is_empty() {
        groups.push(FactGroup {
            id: "general".to_owned(),
            heading: "General".to_owned(),
            options: Vec::new(),
            facts: general,
            shared: Vec::new(),
        });
    }
    groups
}

/// How many facts cite a source.
fn facts_citing(model: &Model, source: &str) -> usize {
    model.facts.iter().filter(|f| f.source == source).count()
}

/// The sources page.
#[component]
pub fn SourcesPage() -> impl IntoView {
    let model = use_model();
    let groups = fact_groups(&model);
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
        .map(|g| view! { <GroupSection model=model.clone() group=g /> })
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
                    <a href="#all-sources" class="text-link underline">
                        "All sources"
                    </a>
                </li>
            </ul>
        </nav>
        {sections}
        <SourceList model=model />
    }
    .into_any()
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
        .map(|f| view! { <FactEntry model=model.clone() fact=f /> })
        .collect_view();
    let shared = (!group.shared.is_empty()).then(|| {
        let links = group
            .shared
            .iter()
            .filter_map(|id| model.fact(id))
            .map(|f| {
                let with = option_key(&model, f)
                    .iter()
                    .filter(|o| !group.options.contains(o))
                    .filter_map(|o| model.option(o).map(|o| o.short.clone()))
                    .collect::<Vec<_>>();
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
        return view! {
            <li id=id class=ENTRY data-fact=fact_id>
                <FactBody model=model fact=fact />
            </li>
        }
        .into_any();
    }
    let newer = Citation::new(&model, &fact);
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
                    <FactBody model=model.clone() fact=old />
                </div>
            }
        })
        .collect_view();
    view! {
        <li id=id class=ENTRY data-fact=fact_id data-disagreement="true">
            <p class="text-sm font-semibold text-warn">"Sources disagree"</p>
            <div class="mt-2 grid gap-3 md:grid-cols-2">
                {panels} <div class="rounded border-2 border-accent p-3">
                    <p class="mb-1 text-xs font-semibold uppercase tracking-wide text-accent-strong">
                        "Newer · the model uses this"
                    </p>
                    <FactBody model=model.clone() fact=fact />
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
    }
    .into_any()
}

/// A fact's value, full statement, table row, and source with date.
#[component]
fn FactBody(
    /// The model the fact comes from.
    model: SharedModel,
    /// The fact to show.
    fact: Fact,
) -> impl IntoView {
    let citation = Citation::new(&model, &fact);
    let row = fact
        .attribute
        .as_deref()
        .and_then(|a| model.attribute(a))
        .map(|a| a.label.clone());
    let kind = kind_label(citation.kind);
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
            let count = facts_citing(&model, &s.id);
            let note = match s.kind {
                SourceKind::Guide => Some(view! {
                    <p class="mt-2 text-sm">
                        "The team's orchestration guide that this product is built on."
                    </p>
                }
                .into_any()),
                SourceKind::ThirdParty => Some(view! {
                    <p class="mt-2 rounded border border-warn bg-warn-soft px-2 py-1 text-sm text-warn">
                        <span class="font-semibold">"Caution: "</span>
                        "not published by AWS. Check the figure against AWS's own pages before relying on it."
                    </p>
                }
                .into_any()),
                SourceKind::Aws => None,
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
                        {kind_label(s.kind)} " · as of "
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::model::load::builtin;
    use std::collections::HashMap;

    /// Every fact id the page gives an element: entries, and the older facts inside them.
    fn anchored_ids(model: &Model) -> Vec<String> {
        fact_groups(model)
            .iter()
            .flat_map(|g| g.facts.iter())
            .flat_map(|id| {
                std::iter::once(id.clone()).chain(model.superseded(id).map(|f| f.id.clone()))
            })
            .collect()
    }

    #[test]
    fn every_fact_has_exactly_one_anchor() {
        let model = builtin();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for id in anchored_ids(&model) {
            *counts.entry(id).or_default() += 1;
        }
        for f in &model.facts {
            assert_eq!(counts.get(&f.id), Some(&1), "fact {}", f.id);
        }
        assert_eq!(counts.len(), model.facts.len());
    }

    #[test]
    fn groups_follow_options_then_shared_then_general() {
        let mut model = builtin();
        model.facts.push(Fact {
            id: "general-test".into(),
            options: vec![],
            attribute: None,
            value: "v".into(),
            detail: "d".into(),
            source: "guide".into(),
            as_of: "2025-12-02".into(),
            superseded_by: None,
        });
        let groups = fact_groups(&model);
        let last = groups.last().expect("groups");
        assert_eq!(last.id, "general");
        assert_eq!(last.facts, vec!["general-test".to_owned()]);
        let singles: Vec<&str> = groups
            .iter()
            .filter(|g| g.options.len() == 1)
            .map(|g| g.options[0].as_str())
            .collect();
        let model_order: Vec<&str> = model.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(singles, model_order);
        // Single-option sections come first.
        let first_shared = groups.iter().position(|g| g.options.len() > 1);
        if let Some(p) = first_shared {
            assert!(groups[..p].iter().all(|g| g.options.len() == 1));
        }
    }

    #[test]
    fn shared_facts_are_cross_referenced_from_each_option() {
        let model = builtin();
        let groups = fact_groups(&model);
        for g in groups.iter().filter(|g| g.options.len() > 1) {
            assert!(g.heading.starts_with("Shared: "));
            for fact in &g.facts {
                for option in &g.options {
                    let section = groups
                        .iter()
                        .find(|s| s.options == vec![option.clone()])
                        .expect("option section");
                    assert!(section.shared.contains(fact), "{fact} from {option}");
                }
            }
        }
    }

    #[test]
    fn older_facts_sit_inside_the_newer_entry() {
        let model = builtin();
        let groups = fact_groups(&model);
        for old in model.facts.iter().filter(|f| f.superseded_by.is_some()) {
            assert!(
                groups.iter().all(|g| !g.facts.contains(&old.id)),
                "{}",
                old.id
            );
        }
    }

    #[test]
    fn names_are_joined_in_english() {
        let n = |v: &[&str]| join_names(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(n(&[]), "");
        assert_eq!(n(&["A"]), "A");
        assert_eq!(n(&["A", "B"]), "A and B");
        assert_eq!(n(&["A", "B", "C"]), "A, B and C");
    }
}
