//! The explained result: verdict, confidence, an architecture beyond the four when one leads,
//! what no option meets, conflicts, the ranking with each option's reasons, limits at the
//! team's numbers and cost, the cost chart, what would change the pick, the next question, and
//! the ways to share it. Rendered on the server and re-rendered in the island.

use super::share::ShareBox;
use crate::components::citation::{FactCites, PrintSources};
use crate::components::cost_chart::CostChartView;
use crate::components::score_bar::{ScoreBar, Tone};
use crate::context::use_model;
use crate::context::IslandSite;
use decision::comparison::status_words;
use decision::engine::cost;
use decision::engine::limits::LimitStatus;
use decision::engine::{
    ArchitectureOut, Change, Conflict, Cost, Fit, LimitCheck, Ranked, Reason, Unmet,
};
use decision::{chart, number, Answers, Evaluation};
use leptos::prelude::*;

/// The whole result panel for the island's answers.
///
/// What a reader looks at when they answer (the verdict, confidence and the ranking) follows
/// every change at once. The rest (the cost chart, what would change, the links and the
/// print-only answers and sources) follows the answers a frame later, so the ranking is
/// painted first instead of waiting for the whole panel to be rebuilt; on the server and on
/// hydration both are the same answers.
#[component]
pub fn ResultPanel(
    /// The evaluation of the current answers.
    eval: Memo<Evaluation<'static>>,
    /// The current answers, a frame after each change (see `after_paint` in the island).
    later: RwSignal<Answers>,
) -> impl IntoView {
    let model = use_model();
    // The chart is the costliest part to rebuild, and most answers do not touch a price: it is
    // keyed by the answers to the questions the prices read, so it is built again only when
    // one of those changes (a memo notifies only when its value changes).
    let priced = Memo::new(move |_| later.with(|a| a.restricted_to(model.priced_questions())));
    let chart =
        Memo::new(move |_| priced.with(|a| chart::build(model, a, cost::team_runs(model, a))));
    let assumptions = Memo::new(move |_| {
        later.track();
        eval.with_untracked(|e| e.cost_assumptions.clone())
    });
    view! {
        <section aria-labelledby="result-title" class="min-w-0">
            <h2 id="result-title" class="text-xl font-semibold print:sr-only">
                "Recommendation"
            </h2>
            <p class="mt-2 text-lg" data-testid="verdict" aria-live="polite">
                {move || eval.with(|e| e.verdict.clone())}
            </p>
            {move || later.with(|a| view! { <PrintAnswers answers=a.clone() /> })}
            {move || eval.with(|e| view! { <Summary eval=e.clone() /> })}
            {move || eval.with(|e| view! { <Ranking eval=e.clone() /> })}
            <CostSection chart=chart assumptions=assumptions />
            // `later` only ever holds the current answers, so `eval` is their evaluation.
            {move || {
                later.track();
                eval.with_untracked(|e| view! { <Guidance eval=e.clone() /> })
            }}
            <ShareBox answers=later />
            {move || {
                later.track();
                eval.with_untracked(|e| {
                    let facts = decision::citations::cited_facts(e)
                        .into_iter()
                        .map(str::to_owned)
                        .collect();
                    view! { <PrintSources facts=facts /> }
                })
            }}
        </section>
    }
}

/// The answers in words, for paper, where the questionnaire itself is not printed.
#[component]
fn PrintAnswers(answers: Answers) -> impl IntoView {
    let model = use_model();
    let items = answers
        .described(model)
        .into_iter()
        .map(|(q, words)| {
            view! { <li>{q.prompt.clone()} " " <strong>{words}</strong></li> }
        })
        .collect_view();
    view! {
        <div class="mt-2 hidden text-xs print:block" data-testid="print-answers">
            <h3 class="font-semibold">"Answers"</h3>
            <ul class="mt-1 space-y-0.5">{items}</ul>
        </div>
    }
}

/// Confidence, the architecture that leads, what is unmet and what conflicts.
#[component]
fn Summary(eval: Evaluation<'static>) -> impl IntoView {
    let c = eval.confidence.clone();
    view! {
        <div class="mt-3 flex flex-wrap items-center gap-3 text-sm" data-testid="confidence">
            <span class="font-medium">{c.level.label()}</span>
            <ScoreBar
                percent=f64::from(c.percent)
                label=format!("Confidence: {} out of 100", c.percent)
            />
            <span class="text-muted">
                {format!("{} of {} questions answered", c.answered, c.total)}
            </span>
        </div>
        {eval.architecture.map(|a| view! { <ArchitectureCard arch=a /> })}
        {eval.unmet.map(|u| view! { <UnmetBox unmet=u /> })}
        {(!eval.conflicts.is_empty()).then(|| view! { <Conflicts conflicts=eval.conflicts /> })}
    }
}

/// An answer beyond the four options, with what goes where and the arithmetic.
#[component]
fn ArchitectureCard(arch: ArchitectureOut<'static>) -> impl IntoView {
    let model = use_model();
    let new_tab = expect_context::<IslandSite>().framed;
    let parts = arch
        .parts
        .iter()
        .map(|p| {
            let who = p
                .option
                .and_then(|o| model.option(o))
                .map(|o| o.name.clone());
            view! { <li>{who.map(|w| view! { <strong>{w} ": "</strong> })} {p.role}</li> }
        })
        .collect_view();
    let figures = (!arch.figures.is_empty()).then(|| {
        let rows = arch
            .figures
            .iter()
            .map(|f| {
                view! {
                    <div class="flex justify-between gap-4 border-t border-line py-1">
                        <dt>{f.label()}</dt>
                        <dd class="font-mono tabular-nums">{f.text()}</dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <dl class="mt-3 text-sm" aria-label="The arithmetic">
                {rows}
            </dl>
        }
    });
    view! {
        <article
            class="mt-4 break-inside-avoid rounded-lg border-2 border-accent bg-surface p-4"
            data-testid="architecture"
            data-kind=format!("{:?}", arch.kind)
        >
            <p class="text-xs font-semibold uppercase tracking-wide text-accent">
                {arch.kind.label()} " · leads the result"
            </p>
            <h3 class="mt-1 text-lg font-semibold">{arch.title}</h3>
            <p class="mt-2 text-sm">{arch.summary}</p>
            <ul class="mt-3 list-disc space-y-1 pl-5 text-sm">{parts}</ul>
            {figures}
            <p class="mt-3 text-sm">
                <FactCites facts=arch.facts.to_vec() new_tab=new_tab />
            </p>
            <p class="mt-2 text-xs text-muted">
                "The four options stay ranked below, as they fit the work described."
            </p>
        </article>
    }
}

/// Said plainly when no option fits as described.
#[component]
fn UnmetBox(unmet: Unmet) -> impl IntoView {
    view! {
        <div
            role="alert"
            class="mt-4 rounded-lg border border-bad bg-bad-soft p-4 text-sm"
            data-testid="unmet"
        >
            <p class="font-semibold">{unmet.message}</p>
            <ul class="mt-2 list-disc space-y-1 pl-5">
                {unmet.advice.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// Answers that pull against each other, and numbers no option handles.
#[component]
fn Conflicts(conflicts: Vec<Conflict<'static>>) -> impl IntoView {
    let new_tab = expect_context::<IslandSite>().framed;
    let items = conflicts
        .into_iter()
        .map(|c| {
            let facts = c.facts.iter().map(|f| (*f).to_owned()).collect();
            view! {
                <li data-conflict=c
                    .id
                    .to_string()>
                    {c.message.to_string()} " " <FactCites facts=facts new_tab=new_tab />
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="mt-4 rounded-lg border border-warn bg-warn-soft p-4 text-sm"
            data-testid="conflicts"
        >
            <h3 class="font-semibold">"Some answers pull against each other"</h3>
            <ul class="mt-2 space-y-2">{items}</ul>
        </div>
    }
}

/// The four options, best first.
#[component]
fn Ranking(eval: Evaluation<'static>) -> impl IntoView {
    let top = eval.top;
    let cards = eval
        .ranking
        .into_iter()
        .map(|r| {
            let is_top = top == Some(r.option);
            view! { <OptionCard ranked=r is_top=is_top /> }
        })
        .collect_view();
    view! {
        <ol
            class="mt-4 space-y-3 print:grid print:grid-cols-2 print:gap-2 print:space-y-0"
            aria-label="Options, best first"
            data-testid="ranking"
        >
            {cards}
        </ol>
    }
}

/// One option: score, reasons for and against or what excluded it, limits, cost.
#[component]
fn OptionCard(ranked: Ranked<'static>, is_top: bool) -> impl IntoView {
    let model = use_model();
    let summary = model
        .option(ranked.option)
        .map(|o| o.summary.clone())
        .unwrap_or_default();
    let border = if is_top {
        "border-accent ring-1 ring-accent"
    } else {
        "border-line"
    };
    let badge = match (is_top, ranked.fit) {
        (true, Fit::NeedsSplit) => Some(("Best fit, once split", "bg-accent text-accent-fg")),
        (true, Fit::NeedsWorkaround) => {
            Some(("Best fit, with a workaround", "bg-accent text-accent-fg"))
        }
        (true, _) => Some(("Best fit", "bg-accent text-accent-fg")),
        (false, Fit::Excluded) => Some(("Excluded", "bg-bad-soft text-bad")),
        (false, Fit::NeedsSplit) => Some(("Needs a split", "bg-warn-soft text-warn")),
        (false, Fit::NeedsWorkaround) => Some(("Needs a workaround", "bg-warn-soft text-warn")),
        (false, Fit::Fits) => None,
    };
    // An excluded option gets no number: beside the ranked ones it would invite a comparison
    // that the exclusion has already settled.
    let (shown_score, score_label, score_text) = if ranked.excluded {
        (0.0, "Excluded: not scored".to_owned(), "—".to_owned())
    } else {
        let score = ranked.score;
        (
            f64::from(score),
            format!("Fit score: {score} out of 100"),
            score.to_string(),
        )
    };
    view! {
        <li
            class=format!("break-inside-avoid rounded-lg border bg-surface p-4 print:p-2 {border}")
            data-option=ranked.option
            data-excluded=ranked.excluded.to_string()
            data-fit=format!("{:?}", ranked.fit)
        >
            <div class="flex flex-wrap items-center justify-between gap-2">
                <h3 class="font-semibold">
                    {ranked.name}
                    {badge
                        .map(|(text, colours)| {
                            view! {
                                <span class=format!(
                                    "ml-2 inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold {colours}",
                                )>{text}</span>
                            }
                        })}
                </h3>
                <div class="flex items-center gap-2 text-sm">
                    <ScoreBar percent=shown_score label=score_label />
                    <span class="w-8 text-right font-mono tabular-nums" data-testid="score">
                        {score_text}
                    </span>
                </div>
            </div>
            <p class="mt-1 text-sm text-muted print:hidden">{summary}</p>
            <ReasonList title="Excluded because" reasons=ranked.excluded_by tone="text-bad" />
            // On paper an exclusion settles it: the excluded option's other reasons stay on screen.
            <div class=if ranked.excluded { "print:hidden" } else { "" }>
                <ReasonList title="For" reasons=ranked.pros tone="text-good" />
                <ReasonList title="Against" reasons=ranked.against tone="text-warn" />
            </div>
            {(!ranked.limits.is_empty())
                .then(|| view! { <LimitsTable limits=ranked.limits option=ranked.name /> })}
            {ranked.cost.map(|c| view! { <CostLine cost=c option=ranked.option /> })}
        </li>
    }
}

/// A titled list of reasons, each citing its facts and, where there is one, what to do.
#[component]
fn ReasonList(
    title: &'static str,
    reasons: Vec<Reason<'static>>,
    tone: &'static str,
) -> impl IntoView {
    let new_tab = expect_context::<IslandSite>().framed;
    (!reasons.is_empty()).then(|| {
        let items = reasons
            .into_iter()
            .map(|r| {
                let advice = r.advice.as_ref().map(|a| {
                    view! { <p class="mt-1 text-muted">"What to do: " {a.to_string()}</p> }
                });
                view! {
                    <li data-rule=r
                        .rule>
                        {r.judgement.then_some("(Judgement) ")} {r.text.to_string()} " "
                        <FactCites facts=r.facts.to_vec() new_tab=new_tab /> {advice}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="mt-3 print:mt-1">
                <h4 class=format!("text-sm font-semibold {tone}")>{title}</h4>
                <ul class="mt-1 space-y-1 text-sm print:mt-0 print:space-y-0">{items}</ul>
            </div>
        }
    })
}

/// Every limit the answers give a figure for, as used of limit with a bar.
#[component]
fn LimitsTable(
    /// The option's limits at the answers' figures.
    limits: Vec<LimitCheck<'static>>,
    /// The option's name, for the table's caption.
    option: &'static str,
) -> impl IntoView {
    let new_tab = expect_context::<IslandSite>().framed;
    let rows = limits
        .into_iter()
        .map(|l| {
            let tone = match l.status {
                LimitStatus::OverHard | LimitStatus::BeyondPublished => Tone::Bad,
                LimitStatus::OverSoft | LimitStatus::Near | LimitStatus::Possible => Tone::Warn,
                _ => Tone::Good,
            };
            let status = status_words(l.status, l.hard);
            let percent = (l.share * 100.0).min(100.0);
            let share = l.share_text();
            view! {
                <tr
                    class="border-t border-line"
                    data-limit=l.id
                    data-status=format!("{:?}", l.status)
                >
                    <th scope="row" class="py-1 pr-2 text-left font-normal">
                        {l.label}
                        {if l.hard { " (hard)" } else { " (default quota)" }}
                    </th>
                    <td class="py-1 pr-2">{l.text()}</td>
                    <td class="py-1 pr-2">
                        // On a phone the share goes under its bar, so the table fits the card.
                        <span class="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                            <ScoreBar
                                percent=percent
                                label=format!("{}: {share} of the limit", l.label)
                                tone=tone
                            />
                            <span class="tabular-nums">{share}</span>
                        </span>
                        {(!status.is_empty())
                            .then(|| view! { <span class="block text-xs">{status}</span> })}
                    </td>
                    <td class="py-1">
                        <FactCites facts=l.facts.to_vec() new_tab=new_tab />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="print-if-open mt-3 text-sm" data-testid="limits">
            <summary class="cursor-pointer font-semibold">"Limits at your numbers"</summary>
            <div class="mt-2 overflow-x-auto">
                <table class="w-full text-sm">
                    <caption class="sr-only">
                        {format!("Limits of {option} at your numbers")}
                    </caption>
                    <thead>
                        <tr class="text-left text-xs text-muted">
                            <th scope="col" class="py-1 pr-2 font-medium">
                                "Limit"
                            </th>
                            <th scope="col" class="py-1 pr-2 font-medium">
                                "Yours of the limit"
                            </th>
                            <th scope="col" class="py-1 pr-2 font-medium">
                                "Used"
                            </th>
                            <th scope="col" class="py-1 font-medium">
                                "Source"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// What a month of the option costs, with the breakdown on demand.
#[component]
fn CostLine(cost: Cost<'static>, option: &'static str) -> impl IntoView {
    let new_tab = expect_context::<IslandSite>().framed;
    let lines = cost
        .breakdown
        .iter()
        .map(|l| {
            view! {
                <tr class="border-t border-line">
                    <th scope="row" class="py-1 pr-2 text-left font-normal">
                        {l.item}
                    </th>
                    <td class="py-1 text-right tabular-nums">{number::usd(l.usd)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="mt-2 text-sm" data-testid="cost" data-option=option>
            <summary class="cursor-pointer">
                <span class="font-semibold">"Cost: "</span>
                <span data-testid="monthly">{number::usd(cost.monthly_usd)}</span>
                {cost.month_words()}
                {cost.third_party.then_some(" (some prices third-party)")}
            </summary>
            <table class="mt-2 w-full text-sm">
                <caption class="sr-only">"Monthly cost by item"</caption>
                <tbody>{lines}</tbody>
            </table>
            <p class="mt-1">"Prices: " <FactCites facts=cost.facts.to_vec() new_tab=new_tab /></p>
        </details>
    }
}

/// The cost chart for the current answers, with what it assumed.
#[component]
fn CostSection(
    /// The chart for the answers the prices read.
    chart: Memo<chart::CostChart>,
    /// The typical figures the costs assumed, in words.
    assumptions: Memo<Vec<String>>,
) -> impl IntoView {
    let assumed = move || {
        assumptions.with(|list| {
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .map(|a| view! { <li>{a.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="mt-2 text-sm text-muted" data-testid="cost-assumptions">
                        <p>"Typical workload assumed where your answers give no figure:"</p>
                        <ul class="print-inline list-disc pl-5">{items}</ul>
                    </div>
                }
            })
        })
    };
    view! {
        // On paper the words sit to the left of a smaller chart.
        <section
            aria-labelledby="cost-title"
            class="mt-6 break-inside-avoid print:mt-3 print:grid print:grid-cols-2 print:gap-x-4"
        >
            <div>
                <h3 id="cost-title" class="font-semibold">
                    "Cost against volume"
                </h3>
                <p class="mt-1 text-sm text-muted">
                    "Each option's monthly cost from 1 thousand to 10 billion runs a month, at us-east-1 list prices, the Lambda work each option runs included."
                </p>
                {assumed}
            </div>
            <div>
                {move || {
                    chart.with(|c| view! { <CostChartView chart=c.clone() id="cost-chart" /> })
                }}
            </div>
        </section>
    }
}

/// What would change the pick, and the question that would separate the options most.
#[component]
fn Guidance(eval: Evaluation<'static>) -> impl IntoView {
    let model = use_model();
    let changes = (eval.top.is_some() || !eval.what_would_change.is_empty())
        .then(|| view! { <WhatWouldChange changes=eval.what_would_change /> });
    let next = eval.next_question.and_then(|q| model.question(q)).map(|q| {
        view! {
            <p
                class="mt-4 rounded-lg border border-line bg-surface p-3 text-sm print:hidden"
                data-testid="next-question"
            >
                "The question that would separate the options most: "
                <a href=format!("#q-{}", q.id) class="font-medium text-link underline">
                    {q.prompt.clone()}
                </a>
            </p>
        }
    });
    view! {
        {changes}
        {next}
    }
}

/// The smallest single-answer changes that would change the top pick.
#[component]
fn WhatWouldChange(changes: Vec<Change<'static>>) -> impl IntoView {
    let empty = changes.is_empty().then(|| {
        view! {
            <p class="mt-2 text-muted">
                "No single change of answer would change the top pick: the lead is robust to any one answer."
            </p>
        }
    });
    let items = changes
        .iter()
        .map(|c| {
            view! {
                <li>
                    <a href=format!("#q-{}", c.question.id) class="hover:underline">
                        {c.summary()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="mt-4 break-inside-avoid rounded-lg border border-line bg-surface p-4 text-sm print:mt-2 print:border-0 print:p-0"
            data-testid="what-would-change"
        >
            <h3 class="font-semibold">"What would change this"</h3>
            {empty}
            <ul class="mt-2 list-disc space-y-1 pl-5">{items}</ul>
        </div>
    }
}
