//! The advisor: the questionnaire and the explained recommendation, side by side.
//!
//! The URL is the state. Without JavaScript the form submits by GET and the server renders the
//! result; once hydrated, each change re-evaluates in the browser and replaces the URL.

use crate::app::use_model;
use crate::components::copy::CopyButton;
use crate::components::embed_snippet::EmbedSnippet;
use crate::components::layout::PageHeading;
use crate::components::notices::Notices;
use crate::model::engine::{Change, Conflict, Ranked, Reason, Unmet};
use crate::model::types::{Question, QuestionKind};
use crate::model::{evaluate, shortcode, Evaluation};
use crate::routes::not_found::NotFound;
use crate::state::{self, ReadAnswers, SharedModel};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

/// `/`: answers come from the query string.
#[component]
pub fn AdvisorPage() -> impl IntoView {
    let model = use_model();
    let location = use_location();
    let read = Memo::new(move |_| state::from_query(&model, &location.search.get()));
    view! { <AdvisorView read=read.into() base_path="/" embedded=false /> }
}

/// `/r/<code>`: answers come from a short link; a code that cannot be opened is a 404.
#[component]
pub fn ShortLinkPage() -> impl IntoView {
    let model = use_model();
    let params = use_params_map();
    let read = Memo::new(move |_| {
        params.with(|p| {
            p.get("code")
                .and_then(|code| state::from_code(&model, &code))
        })
    });
    move || {
        match read.get() {
        Some(r) => {
            view! { <AdvisorView read=Signal::derive(move || r.clone()) base_path="/" embedded=false /> }
                .into_any()
        }
        None => view! { <NotFound /> }.into_any(),
    }
    }
}

/// The questionnaire and the result for a set of answers; shared with the embedded view.
#[component]
pub fn AdvisorView(
    /// The answers and what was ignored while reading them.
    read: Signal<ReadAnswers>,
    /// Path that answer changes navigate to (`/` or `/embed`).
    base_path: &'static str,
    /// Framed in another site: lighter chrome, links open the full view.
    embedded: bool,
    /// Extra query parameters to keep (the embed theme).
    #[prop(optional)]
    extra: Vec<(&'static str, String)>,
) -> impl IntoView {
    let model = use_model();
    let eval = {
        let model = model.clone();
        Memo::new(move |_| read.with(|r| evaluate(&model, &r.answers)))
    };
    let navigate = use_navigate();
    let on_answer = {
        let model = model.clone();
        let extra = extra.clone();
        Callback::new(move |(question, choice, toggle): (String, String, bool)| {
            let mut answers = read.get_untracked().answers;
            if toggle {
                answers.toggle(&model, &question, &choice);
            } else if choice.is_empty() {
                answers.set(&model, &question, Vec::new());
            } else {
                answers.set(&model, &question, vec![choice]);
            }
            let href = state::link(base_path, &model, &answers, &extra);
            navigate(&href, state::in_place());
        })
    };
    let notices = Signal::derive(move || read.with(|r| r.notices.clone()));
    view! {
        <PageMeta model=model.clone() read=read eval=eval embedded=embedded />
        <PageHeading title="Which AWS orchestration approach fits your workflow?" embedded=embedded>
            "Answer what you know about the workload. Each answer moves the four approaches — Lambda durable functions, Step Functions Standard, Step Functions Express, and EventBridge with Lambda — and every reason links to the fact behind it."
        </PageHeading>
        <Notices notices=notices />
        // On narrow screens the result sits below every question; let readers jump to it.
        <p class="mb-4 lg:hidden">
            <a href="#result-title" class="text-sm font-medium text-link underline">
                "Jump to the recommendation"
            </a>
        </p>
        <div class="grid gap-8 lg:grid-cols-2">
            <Questionnaire
                model=model.clone()
                read=read
                base_path=base_path
                extra=extra.clone()
                on_answer=on_answer
            />
            <ResultPanel model=model.clone() read=read eval=eval embedded=embedded extra=extra />
        </div>
    }
    .into_any()
}

/// Title, description, Open Graph and Twitter tags summarising the result.
#[component]
fn PageMeta(
    model: SharedModel,
    read: Signal<ReadAnswers>,
    eval: Memo<Evaluation>,
    embedded: bool,
) -> impl IntoView {
    let origin = crate::state::use_origin();
    let code = {
        let model = model.clone();
        move || read.with(|r| shortcode::encode(&model, &r.answers))
    };
    let canonical = {
        let model = model.clone();
        let origin = origin.clone();
        move || read.with(|r| format!("{origin}{}", state::link("/", &model, &r.answers, &[])))
    };
    let description = move || {
        eval.with(|e| {
            let answered = e.confidence.answered;
            format!(
                "{} Based on {answered} of {} answers.",
                e.verdict, e.confidence.total
            )
        })
    };
    let title = move || {
        eval.with(|e| match &e.top {
            Some(_) => format!("{} — Orchestration Advisor", e.verdict),
            None => "Orchestration Advisor — choose how to orchestrate work on AWS".to_owned(),
        })
    };
    let image = {
        let origin = origin.clone();
        let code = code.clone();
        move || format!("{origin}/og/{}.png", code())
    };
    let oembed = {
        let canonical = canonical.clone();
        let origin = origin.clone();
        move || {
            format!(
                "{origin}/oembed?format=json&url={}",
                crate::model::answers::percent_encode(&canonical())
            )
        }
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <Link rel="canonical" href=canonical() />
        <Link
            rel="alternate"
            type_="application/json+oembed"
            href=oembed()
            title="Orchestration Advisor"
        />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content="Orchestration Advisor" />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=canonical />
        <Meta property="og:image" content=image.clone() />
        <Meta property="og:image:width" content="1200" />
        <Meta property="og:image:height" content="630" />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        <Meta name="twitter:image" content=image />
        {embedded.then(|| view! { <Meta name="robots" content="noindex" /> })}
    }
}

/// The form: grouped questions, each with help, the facts behind it, and "not sure".
#[component]
fn Questionnaire(
    model: SharedModel,
    read: Signal<ReadAnswers>,
    base_path: &'static str,
    extra: Vec<(&'static str, String)>,
    on_answer: Callback<(String, String, bool)>,
) -> impl IntoView {
    let total = model.questions.len();
    let answered = move || read.with(|r| r.answers.len());
    let groups = model.groups.clone();
    let hidden_extra = extra
        .iter()
        .map(|(k, v)| view! { <input type="hidden" name=*k value=v.clone() /> })
        .collect_view();
    let start_over = state::link(base_path, &model, &Default::default(), &extra);
    view! {
        <section aria-labelledby="questions-title" class="min-w-0">
            <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="questions-title" class="text-xl font-semibold">
                    "Your workload"
                </h2>
                <p class="text-sm text-muted" data-testid="answered-count">
                    <span aria-live="polite">{answered} " of " {total} " answered"</span>
                    " · "
                    <a href=start_over class="text-link underline">
                        "Start over"
                    </a>
                </p>
            </div>
            <form
                method="get"
                action=base_path
                // Browsers restore edited form state on back/forward; the URL must win instead.
                autocomplete="off"
                class="space-y-8"
                on:submit=|ev| {
                    ev.prevent_default();
                }
            >
                {hidden_extra}
                {groups
                    .into_iter()
                    .map(|g| {
                        let questions: Vec<Question> = model
                            .questions
                            .iter()
                            .filter(|q| q.group == g.id)
                            .cloned()
                            .collect();
                        view! {
                            <section aria-labelledby=format!("group-{}", g.id) class="space-y-4">
                                <h3
                                    id=format!("group-{}", g.id)
                                    class="text-sm font-semibold uppercase tracking-wide text-muted"
                                >
                                    {g.title.clone()}
                                </h3>
                                {questions
                                    .into_iter()
                                    .map(|q| {
                                        view! {
                                            <QuestionField
                                                model=model.clone()
                                                question=q
                                                read=read
                                                on_answer=on_answer
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </section>
                        }
                    })
                    .collect_view()}
                <div class="no-js-only sticky bottom-0 border-t border-line bg-bg py-3">
                    <button
                        type="submit"
                        class="rounded bg-accent px-4 py-2 font-semibold text-accent-fg hover:bg-accent-strong"
                    >
                        "Show recommendation"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// A choice is a visually hidden native input followed by a pill that shows its state, so
/// keyboard and screen-reader behaviour stays the browser's own.
const CHOICE_LABEL: &str = "relative inline-flex cursor-pointer";
const CHOICE_INPUT: &str = "peer absolute h-px w-px opacity-0";
const CHOICE_PILL: &str = "rounded-full border border-line bg-bg px-3 py-1.5 text-sm hover:border-accent peer-checked:border-accent peer-checked:bg-accent peer-checked:text-accent-fg peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus";

/// One question as a fieldset of radio buttons (or checkboxes for several answers).
#[component]
fn QuestionField(
    model: SharedModel,
    question: Question,
    read: Signal<ReadAnswers>,
    on_answer: Callback<(String, String, bool)>,
) -> impl IntoView {
    let qid = question.id.clone();
    let multi = question.kind == QuestionKind::Multi;
    let help_id = format!("help-{qid}");
    let input_type = if multi { "checkbox" } else { "radio" };
    let initial = read.with_untracked(|r| r.answers.get(&qid).to_vec());
    let not_sure = {
        let qid = qid.clone();
        (!multi).then(|| {
            let checked_now = {
                let qid = qid.clone();
                move || read.with(|r| !r.answers.is_answered(&qid))
            };
            let id = format!("q-{qid}-unsure");
            let for_id = id.clone();
            view! {
                <label for=for_id class=CHOICE_LABEL>
                    <input
                        type="radio"
                        id=id
                        class=CHOICE_INPUT
                        name=qid.clone()
                        value=""
                        checked=initial.is_empty()
                        prop:checked=checked_now
                        on:change=move |_| on_answer.run((qid.clone(), String::new(), false))
                    />
                    <span class=CHOICE_PILL>"Not sure"</span>
                </label>
            }
        })
    };
    let choices = question
        .choices
        .iter()
        .map(|c| {
            let id = format!("q-{qid}-{}", c.id);
            let checked_now = {
                let (qid, cid) = (qid.clone(), c.id.clone());
                move || read.with(|r| r.answers.is_selected(&qid, &cid))
            };
            let (q2, c2) = (qid.clone(), c.id.clone());
            let for_id = id.clone();
            view! {
                <label for=for_id class=CHOICE_LABEL>
                    <input
                        type=input_type
                        id=id
                        class=CHOICE_INPUT
                        name=qid.clone()
                        value=c.id.clone()
                        checked=initial.contains(&c.id)
                        prop:checked=checked_now
                        on:change=move |_| on_answer.run((q2.clone(), c2.clone(), multi))
                    />
                    <span class=CHOICE_PILL>{c.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let facts = question.facts.clone();
    let described_by = help_id.clone();
    view! {
        <fieldset
            id=format!("q-{qid}")
            aria-describedby=described_by
            class="rounded-lg border border-line bg-surface p-4"
        >
            <legend class="px-1 font-medium">{question.prompt.clone()}</legend>
            <p id=help_id class="mb-3 text-sm text-muted">
                {question.help.clone()}
                {multi.then_some(" Choose all that apply.")}
            </p>
            <div class="flex flex-wrap gap-2">{not_sure} {choices}</div>
            {(!facts.is_empty())
                .then(|| {
                    view! {
                        <details class="mt-3 text-sm">
                            <summary class="cursor-pointer text-link">
                                "Facts behind this question"
                            </summary>
                            <ul class="mt-2 space-y-1 pl-1">
                                {facts
                                    .iter()
                                    .map(|f| {
                                        view! {
                                            <li>
                                                <FactLine model=model.clone() fact=f.clone() />
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
        </fieldset>
    }
}

/// A fact's statement with its source and date, linking to its entry on `/sources`.
#[component]
pub fn FactLine(model: SharedModel, fact: String) -> impl IntoView {
    let Some(f) = model.fact(&fact).cloned() else {
        return ().into_any();
    };
    view! {
        <span>{f.detail.clone()}</span>
        " "
        <FactCite model=model.clone() fact=fact />
    }
    .into_any()
}

/// "(Source, date)" linking to the fact on `/sources`.
#[component]
pub fn FactCite(model: SharedModel, fact: String) -> impl IntoView {
    let Some(f) = model.fact(&fact) else {
        return ().into_any();
    };
    let source = model
        .source(&f.source)
        .map(|s| s.title.clone())
        .unwrap_or_else(|| f.source.clone());
    let as_of = f.as_of.clone();
    view! {
        <a href=format!("/sources#fact-{fact}") class="break-words text-xs text-link underline">
            {format!("{source}, {as_of}")}
        </a>
    }
    .into_any()
}

/// The citations of a reason or conflict, one per fact.
#[component]
fn FactCites(model: SharedModel, facts: Vec<String>) -> impl IntoView {
    facts
        .into_iter()
        .map(|f| {
            view! {
                <FactCite model=model.clone() fact=f />
                " "
            }
        })
        .collect_view()
}

/// The ranked, explained result.
#[component]
fn ResultPanel(
    model: SharedModel,
    read: Signal<ReadAnswers>,
    eval: Memo<Evaluation>,
    embedded: bool,
    extra: Vec<(&'static str, String)>,
) -> impl IntoView {
    let m = model.clone();
    view! {
        <section aria-labelledby="result-title" class="min-w-0">
            <h2 id="result-title" class="text-xl font-semibold">
                "Recommendation"
            </h2>
            <p class="mt-2 text-lg" data-testid="verdict" aria-live="polite">
                {move || eval.with(|e| e.verdict.clone())}
            </p>
            <ConfidenceMeter eval=eval />
            {move || eval.with(|e| e.unmet.clone()).map(|u| view! { <UnmetBox unmet=u /> })}
            {
                let m = m.clone();
                move || {
                    let conflicts = eval.with(|e| e.conflicts.clone());
                    (!conflicts.is_empty())
                        .then(|| view! { <Conflicts model=m.clone() conflicts=conflicts /> })
                }
            }
            <ol class="mt-4 space-y-3" aria-label="Options, best first" data-testid="ranking">
                {
                    let m = m.clone();
                    move || {
                        let e = eval.get();
                        let top = e.top.clone();
                        e.ranking
                            .into_iter()
                            .map(|r| {
                                let is_top = top.as_deref() == Some(r.option.as_str());
                                view! { <OptionCard model=m.clone() ranked=r is_top=is_top /> }
                            })
                            .collect_view()
                    }
                }
            </ol>
            {move || {
                let (changes, has_top) = eval
                    .with(|e| (e.what_would_change.clone(), e.top.is_some()));
                (has_top || !changes.is_empty())
                    .then(|| view! { <WhatWouldChange changes=changes /> })
            }}
            {
                let m = m.clone();
                move || {
                    eval.with(|e| e.next_question.clone())
                        .and_then(|q| m.question(&q).cloned())
                        .map(|q| {
                            view! {
                                <p
                                    class="mt-4 rounded-lg border border-line bg-surface p-3 text-sm"
                                    data-testid="next-question"
                                >
                                    "The question that would separate the options most: "
                                    <a
                                        href=format!("#q-{}", q.id)
                                        class="font-medium text-link underline"
                                    >
                                        {q.prompt.clone()}
                                    </a>
                                </p>
                            }
                        })
                }
            }
            <ShareBox model=model read=read embedded=embedded extra=extra />
        </section>
    }
}

/// How sure the result is: grows with answers and with the top pick's margin.
#[component]
fn ConfidenceMeter(eval: Memo<Evaluation>) -> impl IntoView {
    let c = move || eval.with(|e| e.confidence.clone());
    view! {
        <div class="mt-3 flex items-center gap-3 text-sm" data-testid="confidence">
            <span class="font-medium">{move || c().level.label()}</span>
            <ScoreBar value=Signal::derive(move || c().percent) label="Confidence" />
            <span class="text-muted">
                {move || {
                    let c = c();
                    format!("{} of {} questions answered", c.answered, c.total)
                }}
            </span>
        </div>
    }
}

/// A bar for a 0–100 value, drawn in SVG so no inline style is needed under the CSP.
#[component]
fn ScoreBar(value: Signal<u8>, label: &'static str) -> impl IntoView {
    view! {
        <svg
            role="img"
            aria-label=move || format!("{label}: {} out of 100", value.get())
            viewBox="0 0 100 8"
            preserveAspectRatio="none"
            class="h-2 w-24 shrink-0 overflow-hidden rounded bg-raised sm:w-32"
        >
            <rect
                x="0"
                y="0"
                height="8"
                width=move || value.get().to_string()
                class="fill-accent"
            />
        </svg>
    }
}

/// One option: score, verdict, reasons for and against, or what excluded it.
#[component]
fn OptionCard(model: SharedModel, ranked: Ranked, is_top: bool) -> impl IntoView {
    let summary = model
        .option(&ranked.option)
        .map(|o| o.summary.clone())
        .unwrap_or_default();
    let border = if is_top {
        "border-accent ring-1 ring-accent"
    } else if ranked.excluded {
        "border-line opacity-90"
    } else {
        "border-line"
    };
    let score = ranked.score;
    view! {
        <li
            class=format!("rounded-lg border bg-surface p-4 {border}")
            data-option=ranked.option.clone()
            data-excluded=ranked.excluded.to_string()
        >
            <div class="flex flex-wrap items-center justify-between gap-2">
                <h3 class="font-semibold">
                    {ranked.name.clone()}
                    {is_top
                        .then(|| {
                            view! {
                                <span class="ml-2 rounded bg-accent px-2 py-0.5 text-xs font-semibold text-accent-fg">
                                    "Best fit"
                                </span>
                            }
                        })}
                    {ranked
                        .excluded
                        .then(|| {
                            view! {
                                <span class="ml-2 rounded bg-bad-soft px-2 py-0.5 text-xs font-semibold text-bad">
                                    "Excluded"
                                </span>
                            }
                        })}
                </h3>
                <div class="flex items-center gap-2 text-sm">
                    <ScoreBar value=Signal::derive(move || score) label="Fit score" />
                    <span class="w-8 text-right font-mono tabular-nums" data-testid="score">
                        {score}
                    </span>
                </div>
            </div>
            <p class="mt-1 text-sm text-muted">{summary}</p>
            <ReasonList
                model=model.clone()
                title="Excluded because"
                reasons=ranked.excluded_by.clone()
                tone="bad"
            />
            <ReasonList model=model.clone() title="For" reasons=ranked.pros.clone() tone="good" />
            <ReasonList
                model=model.clone()
                title="Against"
                reasons=ranked.against.clone()
                tone="warn"
            />
        </li>
    }
}

/// A titled list of reasons, each citing its facts.
#[component]
fn ReasonList(
    model: SharedModel,
    title: &'static str,
    reasons: Vec<Reason>,
    tone: &'static str,
) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        let mark = match tone {
            "good" => "text-good",
            "bad" => "text-bad",
            _ => "text-warn",
        };
        view! {
            <div class="mt-3">
                <h4 class=format!("text-sm font-semibold {mark}")>{title}</h4>
                <ul class="mt-1 space-y-1 text-sm">
                    {reasons
                        .into_iter()
                        .map(|r| {
                            view! {
                                <li data-rule=r
                                    .rule
                                    .clone()>
                                    {r.text.clone()} " "
                                    <FactCites model=model.clone() facts=r.facts.clone() />
                                    {r
                                        .advice
                                        .clone()
                                        .map(|a| {
                                            view! { <p class="mt-1 text-muted">"What to do: " {a}</p> }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// Said plainly when no option meets the requirements.
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

/// Answers that pull against each other.
#[component]
fn Conflicts(model: SharedModel, conflicts: Vec<Conflict>) -> impl IntoView {
    view! {
        <div
            class="mt-4 rounded-lg border border-warn bg-warn-soft p-4 text-sm"
            data-testid="conflicts"
        >
            <h3 class="font-semibold">"Some answers pull against each other"</h3>
            <ul class="mt-2 space-y-2">
                {conflicts
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                {c.message.clone()} " "
                                <FactCites model=model.clone() facts=c.facts.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The smallest single-answer changes that would change the top pick.
#[component]
fn WhatWouldChange(changes: Vec<Change>) -> impl IntoView {
    view! {
        <div
            class="mt-4 rounded-lg border border-line bg-surface p-4 text-sm"
            data-testid="what-would-change"
        >
            <h3 class="font-semibold">"What would change this"</h3>
            {changes
                .is_empty()
                .then(|| {
                    view! {
                        <p class="mt-2 text-muted">
                            "No single change of answer would change the top pick: the lead is robust to any one answer."
                        </p>
                    }
                })}
            <ul class="mt-2 list-disc space-y-1 pl-5">
                {changes
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a href=format!("#q-{}", c.question) class="hover:underline">
                                    {c.summary}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// Copy link, short link, and links to the comparison.
#[component]
fn ShareBox(
    model: SharedModel,
    read: Signal<ReadAnswers>,
    embedded: bool,
    extra: Vec<(&'static str, String)>,
) -> impl IntoView {
    let origin = crate::state::use_origin();
    let full = {
        let model = model.clone();
        let origin = origin.clone();
        Signal::derive(move || {
            read.with(|r| format!("{origin}{}", state::link("/", &model, &r.answers, &[])))
        })
    };
    let short_path = {
        let model = model.clone();
        Signal::derive(move || {
            read.with(|r| format!("/r/{}", shortcode::encode(&model, &r.answers)))
        })
    };
    let short_full = {
        let origin = origin.clone();
        Signal::derive(move || format!("{origin}{}", short_path.get()))
    };
    let compare = {
        let model = model.clone();
        let base = if embedded {
            "/embed/compare"
        } else {
            "/compare"
        };
        move || read.with(|r| state::link(base, &model, &r.answers, &extra))
    };
    let target = embedded.then_some("_blank");
    let embed_url = {
        let model = model.clone();
        let origin = origin.clone();
        Signal::derive(move || {
            read.with(|r| format!("{origin}{}", state::link("/embed", &model, &r.answers, &[])))
        })
    };
    view! {
        <div class="mt-6 rounded-lg border border-line bg-surface p-4" data-testid="share">
            <h3 class="font-semibold">"Share this result"</h3>
            <p class="mt-1 text-sm text-muted">
                "Links hold the answers themselves, so they never expire."
            </p>
            <div class="mt-3 flex flex-wrap items-center gap-3">
                <CopyButton text=full label="Copy link" />
                <a
                    href=move || short_path.get()
                    target=target
                    class="text-sm text-link underline"
                    data-testid="short-link"
                >
                    {move || short_full.get()}
                </a>
                <CopyButton text=short_full label="Copy short link" />
            </div>
            <p class="mt-3 text-sm">
                <a href=compare target=target class="text-link underline">
                    "Compare the options side by side with these answers"
                </a>
                {embedded
                    .then(|| {
                        view! {
                            " · "
                            <a href=move || full.get() target="_blank" class="text-link underline">
                                "Open the full advisor"
                            </a>
                        }
                    })}
            </p>
            {(!embedded).then(|| view! { <EmbedSnippet embed_url=embed_url /> })}
        </div>
    }
}
