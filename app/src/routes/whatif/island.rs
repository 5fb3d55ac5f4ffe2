//! The what-if island: two answer sets, re-evaluated in the browser when either form changes,
//! with what moves between them.

use crate::components::notices::Notices;
use crate::components::questionnaire::{edits_answers, form_answers, form_edit};
use crate::context::{island_data, island_model, IslandData, IslandSite};
use borsh::{BorshDeserialize, BorshSerialize};
use decision::engine::Fit;
use decision::query::whatif_link;
use decision::whatif::{compare, WhatIf as Diff};
use decision::{number, shortcode, Answers, FormNotices, Notice, PageQuery};
use leptos::prelude::*;

/// What the what-if island starts from. Its route provides it and renders it in the page (see
/// [`IslandData`]).
#[derive(Clone, Debug, BorshSerialize, BorshDeserialize)]
pub struct WhatIfData {
    /// Today's answers (a canonical query string).
    pub a: String,
    /// The what-if answers.
    pub b: String,
    /// Notices raised reading the link.
    pub notices: Vec<Notice>,
    /// Where the island is shown, decided by the server.
    pub site: IslandSite,
}

impl IslandData for WhatIfData {
    const ELEMENT_ID: &'static str = "whatif-data";
}

/// Both sides' results, the differences, and the two questionnaires (server-rendered children).
/// It starts from [`WhatIfData`].
#[island]
pub fn WhatIf(children: Children) -> impl IntoView {
    let WhatIfData {
        a,
        b,
        notices,
        site,
    } = island_data();
    let extras = site.extras();
    let IslandSite { origin, framed, .. } = site;
    let model = island_model();
    provide_context(model);
    let a = RwSignal::new(PageQuery::parse(model, &a).answers);
    let b = RwSignal::new(PageQuery::parse(model, &b).answers);
    let notices = RwSignal::new(FormNotices::from_link(notices));
    let diff = Memo::new(move |_| a.with(|a| b.with(|b| compare(model, a, b))));
    let link = {
        let extras = extras.clone();
        move || a.with(|a| b.with(|b| whatif_link(framed, model, a, b, &extras)))
    };
    Effect::new({
        let link = link.clone();
        move |prev: Option<()>| {
            let url = link();
            if prev.is_none() {
                // Answers clicked while the page was loading count too (this effect runs again).
                for (form, side) in [("whatif-a", a), ("whatif-b", b)] {
                    if let Some(now) = form_answers(form) {
                        if side.with_untracked(|s| *s != now) {
                            side.set(now);
                        }
                    }
                }
                if let Some(root) = document().document_element() {
                    let _ = root.set_attribute("data-hydrated", "true");
                }
                return;
            }
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
    let on_edit = move |ev: web_sys::Event| {
        if !edits_answers(&ev) {
            return;
        }
        let Some(edit) = form_edit(&ev) else {
            return;
        };
        let side = match edit.form.as_str() {
            "whatif-a" => a,
            "whatif-b" => b,
            _ => return,
        };
        edit.apply(model, side, notices);
    };
    let short_path = move || {
        a.with(|a| {
            b.with(|b| {
                let prefix = if framed { "/embed/w/" } else { "/w/" };
                format!(
                    "{prefix}{}.{}",
                    shortcode::encode(model, a),
                    shortcode::encode(model, b)
                )
            })
        })
    };
    let short_full = {
        let origin = origin.clone();
        move || format!("{origin}{}", short_path())
    };
    let share = move || format!("{origin}{}", link());
    view! {
        <Notices
            notices=Signal::derive(move || notices.with(FormNotices::all))
            origin=Signal::derive(move || notices.with(FormNotices::origin))
        />
        <section aria-labelledby="whatif-moves" class="mb-8" data-testid="whatif">
            {move || diff.with(|d| view! { <Moves diff=d.clone() /> })}
            <div class="mt-4 flex flex-wrap items-center gap-3 text-sm print:hidden">
                <button
                    type="button"
                    data-copy-text=share
                    class="js-only rounded border border-line bg-surface px-3 py-1.5 font-medium text-fg hover:bg-raised"
                >
                    "Copy this comparison's link"
                </button>
                <a href=short_path class="text-link underline" data-testid="whatif-short-link">
                    {short_full.clone()}
                </a>
                <button
                    type="button"
                    data-copy-text=short_full
                    class="js-only rounded border border-line bg-surface px-3 py-1.5 font-medium text-fg hover:bg-raised"
                >
                    "Copy short link"
                </button>
                <a href=move || answers_link(model, a, framed) class="text-link underline">
                    "Open today's answers in the advisor"
                </a>
                <a href=move || answers_link(model, b, framed) class="text-link underline">
                    "Open the what-if answers in the advisor"
                </a>
            </div>
        </section>
        <div on:change=on_edit on:input=on_edit>
            {children()}
        </div>
    }
}

fn answers_link(
    model: &'static decision::Model,
    answers: RwSignal<Answers>,
    framed: bool,
) -> String {
    answers.with(|x| decision::query::link(decision::Page::Advisor.path(framed), model, x, &[]))
}

/// The changed answers, both verdicts, and each option's move with its reasons.
#[component]
fn Moves(diff: Diff<'static>) -> impl IntoView {
    let changed = if diff.changed.is_empty() {
        leptos::either::Either::Left(view! {
            <p class="mt-2 text-sm text-muted">
                "The two sets of answers are the same: change an answer on the right to see what moves."
            </p>
        })
    } else {
        let items = diff
            .changed
            .iter()
            .map(|c| {
                view! {
                    <li data-changed=c.question.id.clone()>
                        <mark class="bg-mark text-fg">{c.summary()}</mark>
                    </li>
                }
            })
            .collect_view();
        leptos::either::Either::Right(
            view! { <ul class="mt-2 list-disc space-y-1 pl-5 text-sm">{items}</ul> },
        )
    };
    let rows = diff
        .moves
        .iter()
        .map(|m| {
            let fit = |f: Fit| match f {
                Fit::Fits => "fits",
                Fit::NeedsSplit => "needs a split",
                Fit::NeedsWorkaround => "needs a workaround",
                Fit::Excluded => "excluded",
            };
            let cost = |c: Option<f64>| c.map_or_else(|| "—".to_owned(), number::usd);
            let why = m
                .gained
                .iter()
                .map(|g| view! { <li>"New: " {g.clone()}</li> })
                .chain(
                    m.lost
                        .iter()
                        .map(|l| view! { <li>"Gone: " {l.clone()}</li> }),
                )
                .collect_view();
            let limits = m
                .limits
                .iter()
                .map(|(label, x, y)| {
                    view! {
                        <li>
                            {(*label).to_owned()} ": "
                            {if x.is_empty() { "—".to_owned() } else { x.clone() }} " → "
                            {if y.is_empty() { "—".to_owned() } else { y.clone() }}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr
                    class="border-t border-line align-top"
                    data-option=m.option
                    data-direction=m.direction()
                >
                    <th scope="row" class="py-2 pr-3 text-left">
                        <span class="font-semibold">{m.name}</span>
                        <span class="block text-xs text-muted">{m.direction()}</span>
                    </th>
                    <td class="py-2 pr-3 tabular-nums">
                        {format!("#{} → #{}", m.rank_a, m.rank_b)}
                        <span class="block text-xs">
                            {format!("{} → {}", m.score_a, m.score_b)}
                        </span>
                    </td>
                    <td class="py-2 pr-3 text-xs">
                        {format!("{} → {}", fit(m.fit_a), fit(m.fit_b))}
                    </td>
                    <td class="py-2 pr-3 text-xs tabular-nums">
                        {format!("{} → {}", cost(m.cost_a), cost(m.cost_b))}
                    </td>
                    <td class="py-2 text-xs">
                        <ul class="space-y-1">{why}</ul>
                        <ul class="mt-1 space-y-1 text-muted">{limits}</ul>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="whatif-moves" class="text-xl font-semibold">
            "What moves"
        </h2>
        <div class="mt-3 grid gap-4 md:grid-cols-2">
            <div
                class="rounded-lg border border-line bg-surface p-3 text-sm"
                data-testid="verdict-a"
            >
                <p class="text-xs font-semibold uppercase tracking-wide text-muted">"Today"</p>
                <p class="mt-1">{diff.a.verdict.clone()}</p>
            </div>
            <div
                class="rounded-lg border-2 border-accent bg-surface p-3 text-sm"
                data-testid="verdict-b"
            >
                <p class="text-xs font-semibold uppercase tracking-wide text-accent">"What if"</p>
                <p class="mt-1">{diff.b.verdict.clone()}</p>
            </div>
        </div>
        <h3 class="mt-4 font-semibold">"Changed answers"</h3>
        {changed}
        <div class="mt-4 overflow-x-auto">
            <table class="w-full text-sm" data-testid="moves">
                <caption class="sr-only">
                    "How each option moves between the two sets of answers"
                </caption>
                <thead>
                    <tr class="text-left text-xs text-muted">
                        <th scope="col" class="py-1 pr-3 font-medium">
                            "Option"
                        </th>
                        <th scope="col" class="py-1 pr-3 font-medium">
                            "Place and score"
                        </th>
                        <th scope="col" class="py-1 pr-3 font-medium">
                            "Fit"
                        </th>
                        <th scope="col" class="py-1 pr-3 font-medium">
                            "Cost a month"
                        </th>
                        <th scope="col" class="py-1 font-medium">
                            "Why"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
